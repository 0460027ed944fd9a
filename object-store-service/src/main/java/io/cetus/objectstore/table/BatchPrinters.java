package io.cetus.objectstore.table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static io.cetus.objectstore.table.Formats.NONE;
import static io.cetus.objectstore.table.TableColumn.CONTAINERS;
import static io.cetus.objectstore.table.TableColumn.IMAGES;
import static io.cetus.objectstore.table.TableColumn.SELECTOR;

/** Rows of batch/v1 Jobs and CronJobs. */
final class BatchPrinters {

  private BatchPrinters() {}

  /**
   * Name, Status, Completions ({@code 1/1}, or {@code 0/1 of 3} for parallel jobs without a
   * completion count), Duration, Age; wide: Containers, Images, Selector.
   */
  static RowPrinter jobs() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Status", "Complete, Failed, Suspended, Running, ..."),
            TableColumn.string("Completions", "Succeeded pods out of the completions wanted."),
            TableColumn.string("Duration", "How long the job ran, or has been running."),
            TableColumn.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (job, now) -> {
          JsonNode podSpec = job.at("/spec/template/spec");
          return List.of(
              Formats.name(job),
              jobStatus(job),
              completions(job),
              duration(job, now),
              Formats.age(job, now),
              Formats.containerNames(podSpec),
              Formats.containerImages(podSpec),
              Formats.selector(job.at("/spec/selector")));
        });
  }

  /**
   * Name, Schedule, Timezone, Suspend, Active, Last Schedule, Age; wide: Containers, Images,
   * Selector.
   */
  static RowPrinter cronJobs() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Schedule", "The cron schedule."),
            TableColumn.string("Timezone", "The time zone of the schedule."),
            TableColumn.string("Suspend", "Whether new runs are suspended."),
            TableColumn.integer("Active", "Jobs running now."),
            TableColumn.string("Last Schedule", "How long ago a job was last scheduled."),
            TableColumn.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (cronJob, now) -> {
          JsonNode jobSpec = cronJob.at("/spec/jobTemplate/spec");
          JsonNode suspend = cronJob.at("/spec/suspend");
          Instant lastSchedule = Formats.time(cronJob, "/status/lastScheduleTime");
          return List.of(
              Formats.name(cronJob),
              Formats.text(cronJob, "/spec/schedule"),
              Formats.textOr(cronJob, "/spec/timeZone", NONE),
              suspend.isBoolean() ? (suspend.booleanValue() ? "True" : "False") : "<unset>",
              Formats.size(cronJob, "/status/active"),
              lastSchedule == null ? NONE : Formats.since(lastSchedule, now),
              Formats.age(cronJob, now),
              Formats.containerNames(jobSpec.at("/template/spec")),
              Formats.containerImages(jobSpec.at("/template/spec")),
              Formats.selector(jobSpec.path("selector")));
        });
  }

  private static String jobStatus(JsonNode job) {
    if (Formats.hasTrueCondition(job, "Complete")) {
      return "Complete";
    }
    if (Formats.hasTrueCondition(job, "Failed")) {
      return "Failed";
    }
    if (!Formats.text(job, "/metadata/deletionTimestamp").isEmpty()) {
      return "Terminating";
    }
    if (Formats.hasTrueCondition(job, "Suspended")) {
      return "Suspended";
    }
    if (Formats.hasTrueCondition(job, "FailureTarget")) {
      return "FailureTarget";
    }
    if (Formats.hasTrueCondition(job, "SuccessCriteriaMet")) {
      return "SuccessCriteriaMet";
    }
    return "Running";
  }

  private static String completions(JsonNode job) {
    long succeeded = Formats.number(job, "/status/succeeded");
    JsonNode completions = job.at("/spec/completions");
    if (completions.isNumber()) {
      return succeeded + "/" + completions.longValue();
    }
    long parallelism = Formats.number(job, "/spec/parallelism");
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  private static String duration(JsonNode job, Instant now) {
    Instant start = Formats.time(job, "/status/startTime");
    if (start == null) {
      return "";
    }
    Instant end = Formats.time(job, "/status/completionTime");
    return HumanDuration.format(Duration.between(start, end == null ? now : end));
  }
}
