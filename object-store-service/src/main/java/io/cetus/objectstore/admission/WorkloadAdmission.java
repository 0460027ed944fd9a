package io.cetus.objectstore.admission;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cetus.api.selector.Selector;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the apps/v1 controllers (Deployment, ReplicaSet, DaemonSet, StatefulSet) share: a required,
 * non-empty and immutable {@code spec.selector} that must select the pods of {@code spec.template},
 * a template whose pods always restart, and non-negative counts. Subclasses add their own defaults
 * and rules.
 */
abstract class WorkloadAdmission implements KindAdmission {

  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  private static final List<String> STATUS_COUNTS =
      List.of(
          "observedGeneration",
          "replicas",
          "updatedReplicas",
          "readyReplicas",
          "availableReplicas",
          "unavailableReplicas",
          "fullyLabeledReplicas",
          "currentReplicas",
          "terminatingReplicas",
          "collisionCount",
          "currentNumberScheduled",
          "numberMisscheduled",
          "desiredNumberScheduled",
          "numberReady",
          "updatedNumberScheduled",
          "numberAvailable",
          "numberUnavailable");

  private final String kind;

  WorkloadAdmission(String kind) {
    this.kind = kind;
  }

  /** The kind's own defaults of {@code spec}; the template is defaulted already. */
  abstract void applySpecDefaults(ObjectNode spec);

  /** The kind's own checks of {@code spec}. */
  abstract void validateSpec(Field spec);

  /** The kind's own update rules for {@code spec}. */
  void validateSpecUpdate(Field spec, ObjectNode oldSpec) {}

  @Override
  public final void applyDefaults(ObjectNode object) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    if (spec == null) {
      return;
    }
    ObjectNode template = JsonDefaults.objectOrCreate(spec, "template");
    ObjectNode podSpec = template == null ? null : JsonDefaults.objectOrCreate(template, "spec");
    if (podSpec != null) {
      PodSpecDefaults.apply(podSpec, PodSpecOwner.WORKLOAD_TEMPLATE);
    }
    applySpecDefaults(spec);
  }

  @Override
  public final void validate(Field object) {
    Field spec = object.child("spec");
    if (spec.object() == null) {
      return;
    }
    Checks.nonNegative(spec.child("replicas"));
    Checks.nonNegative(spec.child("minReadySeconds"));
    Checks.nonNegative(spec.child("revisionHistoryLimit"));
    Field template = spec.child("template");
    PodTemplateValidation.validate(template, PodSpecOwner.WORKLOAD_TEMPLATE);
    selectorMatchesTemplate(spec.child("selector"), template, kind);
    validateSpec(spec);
  }

  @Override
  public final void validateUpdate(Field object, ObjectNode existing) {
    Field spec = object.child("spec");
    ObjectNode oldSpec = JsonDefaults.object(existing, "spec");
    if (spec.object() == null || oldSpec == null) {
      return;
    }
    Field selector = spec.child("selector");
    if (!JsonTrees.semanticallyEqual(selector.node(), oldSpec.get("selector"))) {
      object
          .problems()
          .invalid(
              selector.path(),
              selector.node() == null ? "null" : selector.node(),
              "field is immutable");
    }
    validateSpecUpdate(spec, oldSpec);
  }

  @Override
  public void validateStatus(Field status) {
    if (status.object() == null) {
      return;
    }
    for (String count : STATUS_COUNTS) {
      Checks.nonNegative(status.child(count));
    }
    for (Field condition : status.child("conditions").items()) {
      Checks.requiredString(condition.child("type"));
      Checks.requiredOneOf(condition.child("status"), List.of("True", "False", "Unknown"));
    }
  }

  /**
   * The rule of every selector-driven controller: a selector is required, must not be empty, and
   * must select the template's labels, or the controller would create pods it never counts.
   */
  static void selectorMatchesTemplate(Field selectorField, Field template, String kind) {
    Problems problems = selectorField.problems();
    if (!selectorField.isPresent()) {
      problems.required(selectorField.path());
      return;
    }
    Selector selector = LabelSelectorValidation.validate(selectorField);
    if (selector == null) {
      return;
    }
    if (selector.isEverything()) {
      problems.invalid(
          selectorField.path(),
          selectorField.node(),
          "empty selector is invalid for " + kind.toLowerCase(Locale.ROOT));
      return;
    }
    Field labels = template.child("metadata", "labels");
    Map<String, String> templateLabels = labels.stringMap();
    if (!selector.matches(templateLabels)) {
      problems.invalid(
          labels.path(),
          labels.node() == null ? "null" : labels.node(),
          "`selector` does not match template `labels`");
    }
  }

  /**
   * A count or a percentage ({@code 25%}) in a rolling update; returns whether it is zero, or
   * {@code null} when it is absent or invalid.
   */
  static @Nullable Boolean intOrPercent(Field field, boolean atMostHundredPercent) {
    JsonNode value = field.node();
    if (value == null) {
      return null;
    }
    Problems problems = field.problems();
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      if (value.intValue() < 0) {
        problems.invalid(field.path(), value.intValue(), Checks.NON_NEGATIVE);
        return null;
      }
      return value.intValue() == 0;
    }
    if (!value.isString()) {
      problems.wrongType(field.path(), value, "integer or string");
      return null;
    }
    String text = value.stringValue();
    if (!PERCENT.matcher(text).matches()) {
      problems.invalid(
          field.path(),
          text,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',"
              + " or '93%')");
      return null;
    }
    long percent = Long.parseLong(text.substring(0, text.length() - 1));
    if (atMostHundredPercent && percent > 100) {
      problems.invalid(field.path(), text, "must not be greater than 100%");
      return null;
    }
    return percent == 0;
  }
}
