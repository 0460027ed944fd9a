package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.LabelSelectorRequirement;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.selector.Selector;
import io.cetus.api.validation.Names;

/** Checks of a structured label selector ({@code matchLabels} and {@code matchExpressions}). */
final class LabelSelectorValidation {

  private static final List<String> OPERATORS =
      List.of(
          LabelSelectorRequirement.IN,
          LabelSelectorRequirement.NOT_IN,
          LabelSelectorRequirement.EXISTS,
          LabelSelectorRequirement.DOES_NOT_EXIST);

  private LabelSelectorValidation() {}

  /**
   * Validates {@code selector} and returns what it selects, or {@code null} when it is absent or
   * invalid (the problems are reported).
   */
  static @Nullable Selector validate(Field selector) {
    if (selector.object() == null) {
      return null;
    }
    int before = selector.problems().count();
    Map<String, String> matchLabels = MetadataValidation.labels(selector.child("matchLabels"));
    List<LabelSelectorRequirement> expressions = new ArrayList<>();
    for (Field expression : selector.child("matchExpressions").items()) {
      LabelSelectorRequirement requirement = requirement(expression);
      if (requirement != null) {
        expressions.add(requirement);
      }
    }
    if (selector.problems().count() != before) {
      return null;
    }
    return LabelSelectors.of(new LabelSelector(matchLabels, expressions));
  }

  private static @Nullable LabelSelectorRequirement requirement(Field expression) {
    Problems problems = expression.problems();
    Field keyField = expression.child("key");
    String key = keyField.string();
    if (key == null || key.isEmpty()) {
      if (key != null || !keyField.isPresent()) {
        problems.required(keyField.path());
      }
    } else {
      problems.invalidEach(keyField.path(), key, Names.qualifiedName(key));
    }
    Field operatorField = expression.child("operator");
    String operator = operatorField.string();
    Field valuesField = expression.child("values");
    List<String> values = new ArrayList<>();
    for (Field item : valuesField.items()) {
      String value = item.string();
      if (value != null) {
        values.add(value);
        problems.invalidEach(item.path(), value, Names.labelValue(value));
      }
    }
    if (operator == null || operator.isEmpty()) {
      if (operator != null || !operatorField.isPresent()) {
        problems.required(operatorField.path());
      }
      return null;
    }
    if (!OPERATORS.contains(operator)) {
      problems.invalid(operatorField.path(), operator, "not a valid selector operator");
      return null;
    }
    boolean setOperator =
        operator.equals(LabelSelectorRequirement.IN)
            || operator.equals(LabelSelectorRequirement.NOT_IN);
    if (setOperator && values.isEmpty()) {
      problems.required(valuesField.path(), "must be specified when `operator` is 'In' or 'NotIn'");
    } else if (!setOperator && !values.isEmpty()) {
      problems.forbidden(
          valuesField.path(), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    }
    return key == null ? null : new LabelSelectorRequirement(key, operator, values);
  }
}
