package io.cetus.api.selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one {@link Selector} implementation: requirements kept sorted by key (stable). */
record RequirementsSelector(List<LabelRequirement> requirements) implements Selector {

  RequirementsSelector {
    List<LabelRequirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(LabelRequirement::key));
    requirements = List.copyOf(sorted);
  }

  @Override
  public boolean matches(Map<String, String> labels) {
    for (LabelRequirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isEverything() {
    return requirements.isEmpty();
  }

  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }
}
