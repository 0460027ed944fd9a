package io.cetus.objectstore.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.admission.AdmissionChain;
import io.cetus.objectstore.allocation.PendingAllocation;
import io.cetus.objectstore.allocation.ServiceAllocations;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.databind.node.ObjectNode;

/**
 * Creates objects: names them (from {@code generateName} if asked), stamps the metadata the server
 * owns ({@code uid}, {@code creationTimestamp}, {@code generation}), drops what a client may not
 * set, runs admission, allocates a Service's cluster IP and node ports, and stores. What was
 * allocated is given back when the object is not stored (refused, taken name, Redis error, dry
 * run).
 */
@Component
class Creation {

  /** How often a generated name is drawn again after it turned out to be taken. */
  private static final int GENERATE_NAME_ATTEMPTS = 8;

  private final ObjectStore store;
  private final AdmissionChain admission;
  private final ServiceAllocations allocations;
  private final NameGenerator names;
  private final NamespaceGuard namespaces;
  private final ApiMetrics metrics;
  private final Clock clock;

  Creation(
      ObjectStore store,
      AdmissionChain admission,
      ServiceAllocations allocations,
      NameGenerator names,
      NamespaceGuard namespaces,
      ApiMetrics metrics,
      Clock clock) {
    this.store = store;
    this.admission = admission;
    this.allocations = allocations;
    this.names = names;
    this.namespaces = namespaces;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * @param namespace the namespace of the URL; null for cluster-scoped kinds
   * @param body the decoded body; it becomes the new object and must not be used by the caller
   */
  ObjectNode create(
      ResourceType type, @Nullable String namespace, ObjectNode body, WriteOptions options) {
    MetadataShape.checkObject(type, body);
    Identity.placeInNamespace(type, namespace, body);
    ObjectNode metadata = Meta.metadata(body);
    String name = Meta.name(body);
    String generateName = Meta.nonEmpty(metadata, "generateName");
    if (name == null && generateName == null) {
      throw ApiException.invalid(
          type.kind(),
          "",
          List.of(
              new StatusCause(
                  "FieldValueRequired",
                  "Required value: name or generateName is required",
                  "metadata.name")));
    }
    if (type.namespaced() && namespace != null) {
      namespaces.requireOpenForCreate(namespace, type, name != null ? name : generateName);
    }
    stampServerFields(type, body);
    boolean generated = name == null;
    if (generated) {
      metadata.put("name", names.generate(generateName));
    }
    ObjectNode admitted =
        Admissions.decodeErrorsAsBadRequest(() -> admission.admitCreate(type, body));
    // As in Kubernetes, a dry run allocates too (so it fails as the real write would), then gives
    // everything back.
    PendingAllocation allocation = allocations.allocateCreate(type, admitted);
    try {
      if (options.dryRun()) {
        return admitted;
      }
      ObjectNode stored = insert(type, admitted, generated ? generateName : null);
      allocation.commit();
      return stored;
    } finally {
      allocation.abort();
    }
  }

  /** Stores the object, drawing its name again while a generated one is taken. */
  private ObjectNode insert(ResourceType type, ObjectNode admitted, @Nullable String generateName) {
    for (int attempt = 1; ; attempt++) {
      try {
        ObjectNode stored = store.create(type, admitted);
        metrics.write(type, "create");
        return stored;
      } catch (ApiException e) {
        if (generateName == null
            || !ApiErrors.isAlreadyExists(e)
            || attempt == GENERATE_NAME_ATTEMPTS) {
          throw e;
        }
        Meta.metadata(admitted).put("name", names.generate(generateName));
      }
    }
  }

  private void stampServerFields(ResourceType type, ObjectNode object) {
    ObjectNode metadata = Meta.metadata(object);
    metadata.remove(
        List.of(
            "resourceVersion",
            "uid",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "selfLink",
            "generation",
            "managedFields"));
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", Timestamps.now(clock));
    if (Kinds.tracksGeneration(type)) {
      metadata.put("generation", 1);
    }
    if (Kinds.resetsStatusOnCreate(type)) {
      object.remove("status");
    }
    if (type.equals(ResourceTypes.NAMESPACES)) {
      NamespacePhases.defaultForCreate(object);
    }
  }
}
