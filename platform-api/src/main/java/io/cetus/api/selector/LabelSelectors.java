package io.cetus.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.LabelSelectorRequirement;
import io.cetus.api.selector.LabelRequirement.Operator;
import io.cetus.api.validation.Names;

/**
 * Builds {@link Selector}s from the text form of the {@code labelSelector} query parameter and from
 * the structured {@link LabelSelector} of workload specs.
 *
 * <p>Supported: {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)},
 * {@code key notin (a,b)}, {@code key} (exists), {@code !key} (does not exist), and Kubernetes'
 * {@code key>n} / {@code key<n} integer comparisons; a comma means AND. {@code !=} and {@code
 * notin} also match objects without the label. Keys must be qualified names and values valid label
 * values ({@link Names}); anything else fails with a 400 {@link ApiException} naming the problem.
 */
public final class LabelSelectors {

  private LabelSelectors() {}

  /**
   * Parses the text form of a label selector.
   *
   * @param text the selector, e.g. {@code app=web,tier notin (cache)}; {@code null} or blank
   *     selects everything
   * @throws ApiException 400 BadRequest on bad syntax or an invalid key or value
   */
  public static Selector parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Selector.EVERYTHING;
    }
    return new RequirementsSelector(LabelSelectorParser.parse(text));
  }

  /**
   * The selector a structured {@link LabelSelector} stands for: all {@code matchLabels} and all
   * {@code matchExpressions} must hold.
   *
   * <p>Both {@code null} and an empty selector ({@code {}}) give {@link Selector#EVERYTHING}.
   * Kubernetes lets a missing selector match nothing; here the distinction is left to validation,
   * which rejects workloads without a selector before any controller sees them.
   *
   * @throws ApiException 400 BadRequest for an unknown operator, values that do not fit the
   *     operator, or an invalid key or value
   */
  public static Selector of(@Nullable LabelSelector selector) {
    if (selector == null) {
      return Selector.EVERYTHING;
    }
    List<LabelRequirement> requirements = new ArrayList<>();
    selector
        .matchLabels()
        .forEach(
            (key, value) ->
                requirements.add(
                    new LabelRequirement(
                        validKey(key), Operator.EQUALS, List.of(validValue(key, value)))));
    for (LabelSelectorRequirement expression : selector.matchExpressions()) {
      requirements.add(requirement(expression));
    }
    return new RequirementsSelector(requirements);
  }

  /** {@code a=1,b=2}: the text form of equality requirements, sorted by key. */
  public static String format(Map<String, String> matchLabels) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(matchLabels)
        .forEach(
            (key, value) ->
                text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value));
    return text.toString();
  }

  private static LabelRequirement requirement(LabelSelectorRequirement expression) {
    String key = validKey(expression.key());
    List<String> values = expression.values();
    Operator operator =
        switch (expression.operator()) {
          case LabelSelectorRequirement.IN -> Operator.IN;
          case LabelSelectorRequirement.NOT_IN -> Operator.NOT_IN;
          case LabelSelectorRequirement.EXISTS -> Operator.EXISTS;
          case LabelSelectorRequirement.DOES_NOT_EXIST -> Operator.DOES_NOT_EXIST;
          default ->
              throw ApiException.badRequest(
                  "\""
                      + expression.operator()
                      + "\" is not a valid label selector operator; use In, NotIn, Exists or"
                      + " DoesNotExist");
        };
    boolean setOperator = operator == Operator.IN || operator == Operator.NOT_IN;
    if (setOperator && values.isEmpty()) {
      throw ApiException.badRequest(
          "label selector operator " + expression.operator() + " on \"" + key + "\" needs values");
    }
    if (!setOperator && !values.isEmpty()) {
      throw ApiException.badRequest(
          "label selector operator "
              + expression.operator()
              + " on \""
              + key
              + "\" takes no values");
    }
    for (String value : values) {
      validValue(key, value);
    }
    return new LabelRequirement(key, operator, values);
  }

  private static String validKey(String key) {
    List<String> problems = Names.qualifiedName(key);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(
          "invalid label selector key \"" + key + "\": " + String.join("; ", problems));
    }
    return key;
  }

  private static String validValue(String key, String value) {
    List<String> problems = Names.labelValue(value);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(
          "invalid label selector value \""
              + value
              + "\" for key \""
              + key
              + "\": "
              + String.join("; ", problems));
    }
    return value;
  }
}
