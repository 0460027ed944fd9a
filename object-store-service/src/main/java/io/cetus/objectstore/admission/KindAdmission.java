package io.cetus.objectstore.admission;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cetus.api.validation.Names;

import tools.jackson.databind.node.ObjectNode;

/**
 * Admission of one kind: its defaults, its create and update preparation and its validation. {@link
 * AdmissionChain} calls these on a private copy of the object, so they mutate freely; the chain
 * itself checks {@code metadata} and handles {@code status} on the kinds with a status subresource.
 */
interface KindAdmission {

  /** The rule for {@code metadata.name}. */
  default Function<String, List<String>> nameRule() {
    return Names::dns1123Subdomain;
  }

  /**
   * Kubernetes' defaults, applied on every write of the object as the API server's decoding does.
   * Values of the wrong JSON type are left for {@link #validate} to report.
   */
  void applyDefaults(ObjectNode object);

  /** What Kubernetes' create strategy fills in besides defaults, e.g. a namespace's finalizer. */
  default void prepareForCreate(ObjectNode object) {}

  /**
   * The status a new object starts with, replacing whatever the request carried; {@code null} to
   * keep the request's status (nodes register with theirs).
   */
  default @Nullable ObjectNode initialStatus(ObjectNode object) {
    return null;
  }

  /**
   * Carries over from {@code existing} what an update leaves alone although the request omits it,
   * e.g. a service's allocated cluster IP.
   */
  default void prepareForUpdate(ObjectNode object, ObjectNode existing) {}

  /** The kind's checks of a whole object ({@code metadata} is checked by the chain). */
  void validate(Field object);

  /** What an update may not change, beyond what {@link #validate} checks. */
  default void validateUpdate(Field object, ObjectNode existing) {}

  /** Defaults of {@code status}, applied on status writes too. */
  default void applyStatusDefaults(ObjectNode object) {}

  /** The light checks of a status written through the status subresource. */
  default void validateStatus(Field status) {}
}
