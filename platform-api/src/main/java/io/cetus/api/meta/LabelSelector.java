package io.cetus.api.meta;

import java.util.List;
import java.util.Map;

import io.cetus.api.internal.Copies;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.selector.Selector;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The structured selector of workload specs ({@code spec.selector} of a Deployment, ReplicaSet,
 * Job, ...): every {@code matchLabels} pair and every {@code matchExpressions} entry must hold. An
 * empty selector ({@code {}}) matches every object.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelector(
    Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {

  public LabelSelector {
    matchLabels = Copies.stringMap(matchLabels);
    matchExpressions = Copies.list(matchExpressions);
  }

  public static LabelSelector matchLabels(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  /**
   * The selector this stands for.
   *
   * @throws io.cetus.api.errors.ApiException 400 BadRequest if an expression is malformed
   */
  public Selector toSelector() {
    return LabelSelectors.of(this);
  }
}
