package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class JobAdmissionTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void jobGetsKubernetesDefaultsAndItsPodsLabels() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.JOBS,
            job(
                "template: {metadata: {labels: {app: pi}}, spec: {restartPolicy: Never, containers:"
                    + " [{name: pi, image: perl}]}}"));

    ObjectNode spec = (ObjectNode) admitted.get("spec");
    assertThat(spec.get("parallelism").intValue()).isEqualTo(1);
    assertThat(spec.get("completions").intValue()).isEqualTo(1);
    assertThat(spec.get("backoffLimit").intValue()).isEqualTo(6);
    assertThat(spec.get("completionMode").stringValue()).isEqualTo("NonIndexed");
    assertThat(spec.get("suspend").booleanValue()).isFalse();
    assertThat(spec.get("podReplacementPolicy").stringValue()).isEqualTo("TerminatingOrFailed");
    assertThat(spec.has("manualSelector")).isFalse();
    assertThat(spec.has("selector")).as("the job controller adds it").isFalse();
    assertThat(admitted.at("/metadata/labels")).isEqualTo(yaml("{app: pi}"));
    assertThat(admitted.get("status")).isEqualTo(yaml("{}"));
  }

  @Test
  void aWorkQueueJobKeepsItsCompletionsUnset() {
    ObjectNode admitted =
        chain.admitCreate(ResourceTypes.JOBS, job("parallelism: 3\n" + neverTemplate()));

    assertThat(admitted.at("/spec/parallelism").intValue()).isEqualTo(3);
    assertThat(admitted.at("/spec/completions").isMissingNode()).isTrue();
  }

  @Test
  void jobLabelsOfItsOwnAreKept() {
    ObjectNode job =
        job(
            "template: {metadata: {labels: {app: pi}}, spec: {restartPolicy: Never, containers:"
                + " [{name: pi, image: perl}]}}");
    ((ObjectNode) job.get("metadata")).set("labels", yaml("{team: math}"));

    assertThat(chain.admitCreate(ResourceTypes.JOBS, job).at("/metadata/labels"))
        .isEqualTo(yaml("{team: math}"));
  }

  @Test
  void jobPodsMustRunToCompletion() {
    assertThat(invalid("template: {spec: {containers: [{name: pi, image: perl}]}}"))
        .containsExactly(
            "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\","
                + " \"Never\"");
    assertThat(
            invalid(
                "template: {spec: {restartPolicy: Always, containers: [{name: pi, image: perl}]}}"))
        .containsExactly(
            "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\","
                + " \"Never\"");
    assertThat(
            invalid(
                "template: {spec: {restartPolicy: Sometimes, containers: [{name: pi, image:"
                    + " perl}]}}"))
        .containsExactly(
            "spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported"
                + " values: \"OnFailure\", \"Never\"");
  }

  @Test
  void countsMayNotBeNegative() {
    assertThat(invalid("parallelism: -1\ncompletions: -2\nbackoffLimit: -3\n" + neverTemplate()))
        .containsExactlyInAnyOrder(
            "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
            "spec.completions: Invalid value: -2: must be greater than or equal to 0",
            "spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0");
  }

  @Test
  void indexedJobsNeedCompletions() {
    assertThat(invalid("completionMode: Indexed\nparallelism: 2\n" + neverTemplate()))
        .containsExactly("spec.completions: Required value: when completion mode is Indexed");
  }

  @Test
  void aManualSelectorMustSelectTheTemplate() {
    assertThat(invalid("manualSelector: true\n" + neverTemplate()))
        .containsExactly("spec.selector: Required value");
    assertThat(invalid("selector: {matchLabels: {app: other}}\n" + neverTemplate()))
        .singleElement()
        .asString()
        .endsWith("`selector` does not match template `labels`");
  }

  @Test
  void theTemplateIsFixedExceptForTheControllersLabels() {
    ObjectNode stored = chain.admitCreate(ResourceTypes.JOBS, job(neverTemplate()));
    ObjectNode adopted = stored.deepCopy();
    ((ObjectNode) adopted.get("spec"))
        .set("selector", yaml("{matchLabels: {batch.kubernetes.io/controller-uid: abc}}"));
    ((ObjectNode) adopted.at("/spec/template"))
        .set(
            "metadata",
            yaml(
                "{labels: {batch.kubernetes.io/controller-uid: abc, batch.kubernetes.io/job-name:"
                    + " pi}}"));
    ObjectNode changed = adopted.deepCopy();
    ((ObjectNode) changed.at("/spec/template/spec/containers/0")).put("image", "perl:5.40");
    ((ObjectNode) changed.at("/spec/selector/matchLabels")).put("extra", "x");

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.JOBS, adopted, stored);

    assertThat(
            admitted
                .at("/spec/selector/matchLabels/batch.kubernetes.io~1controller-uid")
                .stringValue())
        .isEqualTo("abc");
    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.JOBS, changed, admitted)))
        .hasSize(3)
        .contains("spec.template: Invalid value: \"object\": field is immutable")
        .anyMatch(
            p -> p.startsWith("spec.selector: Invalid value:") && p.endsWith("field is immutable"))
        .anyMatch(p -> p.endsWith("`selector` does not match template `labels`"));
  }

  @Test
  void aSuspendedJobMayBeRetargeted() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.JOBS, job("suspend: true\n" + neverTemplate()));
    ObjectNode retargeted = stored.deepCopy();
    ((ObjectNode) retargeted.at("/spec/template/spec")).set("nodeSelector", yaml("{zone: b}"));

    assertThat(
            chain
                .admitUpdate(ResourceTypes.JOBS, retargeted, stored)
                .at("/spec/template/spec/nodeSelector/zone")
                .stringValue())
        .isEqualTo("b");
  }

  @Test
  void jobStatusCountsMayNotBeNegative() {
    ObjectNode stored = chain.admitCreate(ResourceTypes.JOBS, job(neverTemplate()));
    ObjectNode write = stored.deepCopy();
    write.set("status", yaml("{active: -1, succeeded: 1}"));

    assertThat(problems(() -> chain.admitStatusUpdate(ResourceTypes.JOBS, write, stored)))
        .containsExactly("status.active: Invalid value: -1: must be greater than or equal to 0");
  }

  private static String neverTemplate() {
    return "template: {spec: {restartPolicy: Never, containers: [{name: pi, image: perl}]}}";
  }

  private List<String> invalid(String spec) {
    ObjectNode job = job(spec);
    return problems(() -> chain.admitCreate(ResourceTypes.JOBS, job));
  }

  private static ObjectNode job(String spec) {
    ObjectNode job = yaml("{apiVersion: batch/v1, kind: Job, metadata: {name: pi}}");
    job.set("spec", Manifests.tree(spec));
    return job;
  }
}
