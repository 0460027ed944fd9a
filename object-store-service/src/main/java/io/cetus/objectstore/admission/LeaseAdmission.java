package io.cetus.objectstore.admission;

import tools.jackson.databind.node.ObjectNode;

/** Leases ({@code coordination.k8s.io/v1}): a positive duration and a count of transitions. */
final class LeaseAdmission implements KindAdmission {

  @Override
  public void applyDefaults(ObjectNode object) {}

  @Override
  public void validate(Field object) {
    Field spec = object.child("spec");
    spec.child("holderIdentity").string();
    Checks.positive(spec.child("leaseDurationSeconds"));
    Checks.nonNegative(spec.child("leaseTransitions"));
    spec.child("acquireTime").string();
    spec.child("renewTime").string();
  }
}
