package io.cetus.api.meta;

import java.util.List;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One {@code matchExpressions} entry of a {@link LabelSelector}: {@code operator} is {@code In},
 * {@code NotIn} (both need values), {@code Exists} or {@code DoesNotExist} (both take none).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelectorRequirement(String key, String operator, List<String> values) {

  public static final String IN = "In";
  public static final String NOT_IN = "NotIn";
  public static final String EXISTS = "Exists";
  public static final String DOES_NOT_EXIST = "DoesNotExist";

  public LabelSelectorRequirement {
    values = Copies.list(values);
  }
}
