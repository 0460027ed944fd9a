package io.cetus.objectstore.admission;

import tools.jackson.databind.node.ObjectNode;

/** A kind without rules of its own: only its {@code metadata} is checked, by the chain. */
final class GenericAdmission implements KindAdmission {

  @Override
  public void applyDefaults(ObjectNode object) {}

  @Override
  public void validate(Field object) {}
}
