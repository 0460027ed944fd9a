package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class CronJobAdmissionTest {

  private static final String JOB_TEMPLATE =
      "jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c,"
          + " image: busybox}]}}}}";

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void cronJobGetsKubernetesDefaultsButItsJobSpecDoesNot() {
    ObjectNode admitted =
        chain.admitCreate(ResourceTypes.CRON_JOBS, cronJob("schedule: '*/1 * * * *'"));

    ObjectNode spec = (ObjectNode) admitted.get("spec");
    assertThat(spec.get("concurrencyPolicy").stringValue()).isEqualTo("Allow");
    assertThat(spec.get("suspend").booleanValue()).isFalse();
    assertThat(spec.get("successfulJobsHistoryLimit").intValue()).isEqualTo(3);
    assertThat(spec.get("failedJobsHistoryLimit").intValue()).isEqualTo(1);
    assertThat(spec.at("/jobTemplate/spec").has("backoffLimit")).isFalse();
    assertThat(spec.at("/jobTemplate/spec/template/spec/dnsPolicy").stringValue())
        .isEqualTo("ClusterFirst");
  }

  @Test
  void schedulesMustParse() {
    for (String schedule :
        List.of("@daily", "@every 1h30m", "0 */2 * * MON-FRI", "5,35 0-6/2 1 JAN,jul ?")) {
      assertThat(
              chain.admitCreate(ResourceTypes.CRON_JOBS, cronJob("schedule: '" + schedule + "'")))
          .as(schedule)
          .isNotNull();
    }
    assertThat(invalid("{}")).containsExactly("spec.schedule: Required value");
    assertThat(invalid("schedule: '* * *'"))
        .containsExactly(
            "spec.schedule: Invalid value: \"* * *\": unparseable: expected exactly 5 fields,"
                + " found 3");
    assertThat(invalid("schedule: '61 * * * *'"))
        .containsExactly(
            "spec.schedule: Invalid value: \"61 * * * *\": unparseable: minute value 61 out of"
                + " range (0-59)");
    assertThat(invalid("schedule: 'CRON_TZ=UTC 0 * * * *'"))
        .containsExactly(
            "spec.schedule: Invalid value: \"CRON_TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in"
                + " schedule, use timeZone field instead");
  }

  @Test
  void timeZonesMustExist() {
    assertThat(
            chain.admitCreate(
                ResourceTypes.CRON_JOBS, cronJob("schedule: '@hourly'\ntimeZone: Europe/Paris")))
        .isNotNull();
    assertThat(invalid("schedule: '@hourly'\ntimeZone: Mars/Olympus"))
        .containsExactly(
            "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus");
    assertThat(invalid("schedule: '@hourly'\ntimeZone: Local"))
        .singleElement()
        .asString()
        .startsWith(
            "spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone");
  }

  @Test
  void policiesAndTheJobTemplateAreChecked() {
    ObjectNode cronJob =
        yaml(
            """
            kind: CronJob
            metadata: {name: tick}
            spec:
              schedule: '@hourly'
              concurrencyPolicy: Sometimes
              failedJobsHistoryLimit: -1
              jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: busybox}]}}}}
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CRON_JOBS, cronJob)))
        .containsExactlyInAnyOrder(
            "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values:"
                + " \"Allow\", \"Forbid\", \"Replace\"",
            "spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
            "spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values:"
                + " \"OnFailure\", \"Never\"");
  }

  @Test
  void namesLeaveRoomForTheJobSuffix() {
    String name = "a".repeat(53);
    ObjectNode cronJob = cronJob("schedule: '@hourly'");
    ((ObjectNode) cronJob.get("metadata")).put("name", name);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CRON_JOBS, cronJob)))
        .containsExactly(
            "metadata.name: Invalid value: \"" + name + "\": must be no more than 52 characters");
  }

  private List<String> invalid(String spec) {
    ObjectNode cronJob = cronJob(spec);
    return problems(() -> chain.admitCreate(ResourceTypes.CRON_JOBS, cronJob));
  }

  private static ObjectNode cronJob(String spec) {
    ObjectNode cronJob = yaml("{apiVersion: batch/v1, kind: CronJob, metadata: {name: tick}}");
    ObjectNode specNode = (ObjectNode) Manifests.tree("{" + JOB_TEMPLATE + "}");
    ((ObjectNode) Manifests.tree(spec))
        .properties()
        .forEach(e -> specNode.set(e.getKey(), e.getValue()));
    cronJob.set("spec", specNode);
    return cronJob;
  }
}
