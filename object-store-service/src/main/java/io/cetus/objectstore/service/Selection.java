package io.cetus.objectstore.service;

import org.jspecify.annotations.Nullable;

import io.cetus.api.selector.FieldSelector;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.selector.Selector;

import tools.jackson.databind.node.ObjectNode;

/** The {@code labelSelector} and {@code fieldSelector} of a list or watch, both to be met. */
public record Selection(Selector labels, FieldSelector fields) {

  public static final Selection EVERYTHING =
      new Selection(Selector.EVERYTHING, FieldSelector.EVERYTHING);

  /**
   * Parses the query-string forms.
   *
   * @throws io.cetus.api.errors.ApiException 400 for a selector that does not parse
   */
  public static Selection parse(@Nullable String labelSelector, @Nullable String fieldSelector) {
    return new Selection(LabelSelectors.parse(labelSelector), FieldSelector.parse(fieldSelector));
  }

  public boolean isEverything() {
    return labels.isEverything() && fields.isEverything();
  }

  public boolean matches(ObjectNode object) {
    return labels.matches(Meta.labels(object))
        && fields.matches(field -> FieldValues.valueOf(object, field));
  }
}
