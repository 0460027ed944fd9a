package io.cetus.objectstore.admission;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cetus.api.validation.Names;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.setIfEmpty;

/**
 * CronJobs: concurrent runs allowed, not suspended, three successful and one failed job kept by
 * default; a schedule that parses, a time zone that exists, and a job template that could run.
 *
 * <p>As in Kubernetes, the job template's own job spec is not defaulted (its pods are): the
 * defaults apply when the controller creates each Job.
 */
final class CronJobAdmission implements KindAdmission {

  /** Kubernetes appends an 11-character suffix to job names and keeps them within 63. */
  private static final int MAX_NAME_LENGTH = 52;

  private static final List<String> CONCURRENCY = List.of("Allow", "Forbid", "Replace");

  @Override
  public Function<String, List<String>> nameRule() {
    return name -> {
      List<String> problems = new ArrayList<>(Names.dns1123Subdomain(name));
      if (name.length() > MAX_NAME_LENGTH) {
        problems.add("must be no more than " + MAX_NAME_LENGTH + " characters");
      }
      return problems;
    };
  }

  @Override
  public void applyDefaults(ObjectNode object) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    if (spec == null) {
      return;
    }
    setIfEmpty(spec, "concurrencyPolicy", "Allow");
    setIfAbsent(spec, "suspend", false);
    setIfAbsent(spec, "successfulJobsHistoryLimit", 3);
    setIfAbsent(spec, "failedJobsHistoryLimit", 1);
    ObjectNode jobTemplate = JsonDefaults.objectOrCreate(spec, "jobTemplate");
    ObjectNode jobSpec =
        jobTemplate == null ? null : JsonDefaults.objectOrCreate(jobTemplate, "spec");
    if (jobSpec != null) {
      JobAdmission.applyTemplateDefaults(jobSpec);
    }
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public void validate(Field object) {
    Field spec = object.child("spec");
    if (spec.object() == null) {
      return;
    }
    Problems problems = spec.problems();
    Field scheduleField = spec.child("schedule");
    String schedule = Checks.requiredString(scheduleField);
    if (schedule != null) {
      if (schedule.contains("TZ")) {
        problems.invalid(
            scheduleField.path(),
            schedule,
            "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
      } else {
        Optional<String> problem = CronSchedule.problem(schedule);
        problem.ifPresent(
            why -> problems.invalid(scheduleField.path(), schedule, "unparseable: " + why));
      }
    }
    Field timeZoneField = spec.child("timeZone");
    String timeZone = timeZoneField.string();
    if (timeZone != null) {
      timeZone(timeZoneField, timeZone);
    }
    Checks.requiredOneOf(spec.child("concurrencyPolicy"), CONCURRENCY);
    spec.child("suspend").bool();
    Checks.nonNegative(spec.child("startingDeadlineSeconds"));
    Checks.nonNegative(spec.child("successfulJobsHistoryLimit"));
    Checks.nonNegative(spec.child("failedJobsHistoryLimit"));

    Field jobTemplate = spec.child("jobTemplate");
    MetadataValidation.labels(jobTemplate.child("metadata", "labels"));
    MetadataValidation.annotations(jobTemplate.child("metadata", "annotations"));
    JobAdmission.validateJobSpec(jobTemplate.child("spec"));
  }

  @Override
  public void validateStatus(Field status) {
    if (status.object() == null) {
      return;
    }
    status.child("lastScheduleTime").string();
    status.child("lastSuccessfulTime").string();
    for (Field active : status.child("active").items()) {
      active.object();
    }
  }

  private static void timeZone(Field field, String timeZone) {
    if (timeZone.isEmpty() || timeZone.equalsIgnoreCase("Local")) {
      field
          .problems()
          .invalid(
              field.path(),
              timeZone,
              "timeZone must be an explicit time zone as defined in"
                  + " https://www.iana.org/time-zones");
      return;
    }
    try {
      // Region ids only: offsets such as +02:00 are no IANA zone.
      if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !timeZone.equals("UTC")) {
        throw new DateTimeException(timeZone);
      }
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      field.problems().invalid(field.path(), timeZone, "unknown time zone " + timeZone);
    }
  }
}
