package io.cetus.objectstore.admission;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;

/**
 * Jobs: one pod to completion with six retries by default, a template whose pods run to completion
 * ({@code OnFailure} or {@code Never}), and a template fixed once the job exists.
 *
 * <p>Kubernetes generates a job's selector and the matching {@code
 * batch.kubernetes.io/controller-uid} template label from the job's uid when it is created. Cetus
 * leaves that to the job controller, which adds both with an update; so a selector may be set once
 * on update, and those controller labels may be added to the otherwise immutable template.
 */
final class JobAdmission implements KindAdmission {

  private static final List<String> COMPLETION_MODES = List.of("NonIndexed", "Indexed");
  private static final List<String> CONTROLLER_LABELS =
      List.of(
          "batch.kubernetes.io/controller-uid",
          "controller-uid",
          "batch.kubernetes.io/job-name",
          "job-name");
  private static final List<String> STATUS_COUNTS =
      List.of("active", "succeeded", "failed", "ready", "terminating");
  private static final int UNLIMITED_BACKOFF = Integer.MAX_VALUE;

  @Override
  public void applyDefaults(ObjectNode object) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    if (spec == null) {
      return;
    }
    applyTemplateDefaults(spec);
    if (JsonDefaults.isAbsent(spec, "completions") && JsonDefaults.isAbsent(spec, "parallelism")) {
      spec.put("completions", 1);
    }
    setIfAbsent(spec, "parallelism", 1);
    setIfAbsent(
        spec,
        "backoffLimit",
        JsonDefaults.isAbsent(spec, "backoffLimitPerIndex") ? 6 : UNLIMITED_BACKOFF);
    setIfAbsent(spec, "completionMode", "NonIndexed");
    setIfAbsent(spec, "suspend", false);
    setIfAbsent(
        spec,
        "podReplacementPolicy",
        JsonDefaults.isAbsent(spec, "podFailurePolicy") ? "TerminatingOrFailed" : "Failed");

    // A job without labels of its own is labelled like its pods.
    ObjectNode templateLabels = JsonDefaults.object(spec, "template", "metadata", "labels");
    ObjectNode metadata = JsonDefaults.object(object, "metadata");
    if (templateLabels != null && metadata != null) {
      JsonNode labels = metadata.get("labels");
      if (labels == null || labels.isNull() || (labels.isObject() && labels.isEmpty())) {
        metadata.set("labels", templateLabels.deepCopy());
      }
    }
  }

  /** The pod defaults of a job template, shared with the job template of a CronJob. */
  static void applyTemplateDefaults(ObjectNode jobSpec) {
    ObjectNode template = JsonDefaults.objectOrCreate(jobSpec, "template");
    ObjectNode podSpec = template == null ? null : JsonDefaults.objectOrCreate(template, "spec");
    if (podSpec != null) {
      PodSpecDefaults.apply(podSpec, PodSpecOwner.JOB_TEMPLATE);
    }
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public void validate(Field object) {
    validateJobSpec(object.child("spec"));
  }

  /** The checks of a job spec, shared with the job template of a CronJob. */
  static void validateJobSpec(Field spec) {
    if (spec.object() == null) {
      return;
    }
    Problems problems = spec.problems();
    Checks.nonNegative(spec.child("parallelism"));
    Checks.nonNegative(spec.child("completions"));
    Checks.nonNegative(spec.child("backoffLimit"));
    Checks.nonNegative(spec.child("backoffLimitPerIndex"));
    Checks.nonNegative(spec.child("maxFailedIndexes"));
    Checks.nonNegative(spec.child("activeDeadlineSeconds"));
    Checks.nonNegative(spec.child("ttlSecondsAfterFinished"));
    spec.child("suspend").bool();
    Boolean manualSelector = spec.child("manualSelector").bool();
    String mode = Checks.oneOf(spec.child("completionMode"), COMPLETION_MODES);
    if ("Indexed".equals(mode) && !spec.child("completions").isPresent()) {
      problems.required(spec.path().child("completions"), "when completion mode is Indexed");
    }
    Checks.oneOf(spec.child("podReplacementPolicy"), List.of("TerminatingOrFailed", "Failed"));

    Field template = spec.child("template");
    PodTemplateValidation.validate(template, PodSpecOwner.JOB_TEMPLATE);
    Field restartPolicy = template.child("spec", "restartPolicy");
    if (spec.child("podFailurePolicy").isPresent() && "OnFailure".equals(restartPolicy.string())) {
      problems.invalid(
          restartPolicy.path(),
          "OnFailure",
          "only \"Never\" is supported when podFailurePolicy is specified");
    }
    Field selector = spec.child("selector");
    if (selector.isPresent() || Boolean.TRUE.equals(manualSelector)) {
      WorkloadAdmission.selectorMatchesTemplate(selector, template, "Job");
    }
  }

  @Override
  public void validateUpdate(Field object, ObjectNode existing) {
    Field spec = object.child("spec");
    ObjectNode newSpec = spec.object();
    ObjectNode oldSpec = JsonDefaults.object(existing, "spec");
    if (newSpec == null || oldSpec == null) {
      return;
    }
    Problems problems = object.problems();
    for (String immutable :
        List.of("completions", "completionMode", "podFailurePolicy", "backoffLimitPerIndex")) {
      immutable(spec.child(immutable), oldSpec.get(immutable));
    }
    if (!JsonDefaults.isAbsent(oldSpec, "selector")) {
      immutable(spec.child("selector"), oldSpec.get("selector"));
    }
    ObjectNode template = comparableTemplate(newSpec.get("template"));
    ObjectNode oldTemplate = comparableTemplate(oldSpec.get("template"));
    JsonNode suspended = oldSpec.get("suspend");
    if (suspended != null && suspended.isBoolean() && suspended.booleanValue()) {
      // A suspended job that never ran may still be re-targeted (Kubernetes' mutable scheduling
      // directives): labels, annotations, node selector, tolerations, affinity, scheduling gates.
      copySchedulingDirectives(oldTemplate, template);
    }
    if (!JsonTrees.semanticallyEqual(template, oldTemplate)) {
      Field templateField = spec.child("template");
      problems.invalid(templateField.path(), "object", "field is immutable");
    }
  }

  @Override
  public void validateStatus(Field status) {
    if (status.object() == null) {
      return;
    }
    for (String count : STATUS_COUNTS) {
      Checks.nonNegative(status.child(count));
    }
    status.child("startTime").string();
    status.child("completionTime").string();
    status.child("completedIndexes").string();
    for (Field condition : status.child("conditions").items()) {
      Checks.requiredString(condition.child("type"));
      Checks.requiredOneOf(condition.child("status"), List.of("True", "False", "Unknown"));
    }
  }

  private static void immutable(Field field, @Nullable JsonNode old) {
    if (!JsonTrees.semanticallyEqual(field.node(), old)) {
      JsonNode value = field.node();
      field
          .problems()
          .invalid(
              field.path(),
              value == null ? "null" : value.isString() ? value.stringValue() : value,
              "field is immutable");
    }
  }

  /** The template without the labels the job controller adds, which may appear later. */
  private static ObjectNode comparableTemplate(@Nullable JsonNode template) {
    ObjectNode copy =
        template instanceof ObjectNode object
            ? object.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    ObjectNode labels = JsonDefaults.object(copy, "metadata", "labels");
    if (labels != null) {
      labels.remove(CONTROLLER_LABELS);
    }
    return copy;
  }

  private static void copySchedulingDirectives(ObjectNode from, ObjectNode to) {
    ObjectNode fromMetadata = JsonDefaults.objectOrCreate(from, "metadata");
    ObjectNode toMetadata = JsonDefaults.objectOrCreate(to, "metadata");
    if (fromMetadata != null && toMetadata != null) {
      for (String name : List.of("labels", "annotations")) {
        JsonTrees.copyField(fromMetadata, toMetadata, name);
      }
    }
    ObjectNode fromSpec = JsonDefaults.object(from, "spec");
    ObjectNode toSpec = JsonDefaults.object(to, "spec");
    if (fromSpec != null && toSpec != null) {
      for (String name : List.of("nodeSelector", "tolerations", "affinity", "schedulingGates")) {
        JsonTrees.copyField(fromSpec, toSpec, name);
      }
    }
  }
}
