package io.cetus.api.selector;

import java.util.List;
import java.util.Map;

/**
 * A parsed label selector: an AND of requirements on an object's labels. Immutable and thread-safe.
 * Obtain one from {@link LabelSelectors}.
 *
 * <p>{@link #toString()} is the canonical text form Kubernetes prints: requirements sorted by key
 * and set values sorted, e.g. {@code app=web,tier in (backend,frontend),!canary}. Parsing that text
 * gives an equal selector; {@link #EVERYTHING} prints as the empty string.
 */
public interface Selector {

  /** Matches every object, including one without labels. */
  Selector EVERYTHING = new RequirementsSelector(List.of());

  /** Whether {@code labels} satisfy every requirement. */
  boolean matches(Map<String, String> labels);

  /** Whether this selector has no requirements, and so matches every object. */
  boolean isEverything();

  /** The canonical text form, parseable by {@link LabelSelectors#parse}. */
  @Override
  String toString();
}
