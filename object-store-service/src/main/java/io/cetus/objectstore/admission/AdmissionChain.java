package io.cetus.objectstore.admission;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defaulting and validation of every object written through the API, as Kubernetes' API server does
 * them, on the JSON the user sent: fields Cetus does not model pass through untouched.
 *
 * <p>Each method works on a deep copy and never changes its arguments. It returns the object to
 * store, or throws one 422 {@link ApiException} ({@code The Pod "web" is invalid: ...}) listing
 * every problem found, each naming its field ({@code spec.containers[0].image}). A value of the
 * wrong JSON type ({@code "replicas": "two"}) is such a problem too, never a server error.
 *
 * <p>On kinds with a {@code status} subresource, the main resource and the status are written
 * separately, as in Kubernetes: a create starts from the kind's initial status (a pod is {@code
 * Pending}), an update keeps the stored status whatever the request says, and a status update keeps
 * everything but the status (and the request's {@code metadata} other than labels, annotations,
 * finalizers, owner references, generation and deletion timestamp).
 *
 * <p>What the caller owns: resolving {@code generateName}, {@code uid}, {@code resourceVersion},
 * {@code creationTimestamp}, {@code generation}, and allocating cluster IPs and node ports.
 * Thread-safe and stateless.
 */
@Component
public final class AdmissionChain {

  /** Metadata a status write cannot change, after Kubernetes' ResetObjectMetaForStatus. */
  private static final List<String> METADATA_KEPT_ON_STATUS_WRITE =
      List.of(
          "labels",
          "annotations",
          "finalizers",
          "ownerReferences",
          "generation",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  private static final KindAdmission GENERIC = new GenericAdmission();

  private final Map<ResourceType, KindAdmission> kinds =
      Map.ofEntries(
          Map.entry(ResourceTypes.NAMESPACES, new NamespaceAdmission()),
          Map.entry(ResourceTypes.PODS, new PodAdmission()),
          Map.entry(ResourceTypes.SERVICES, new ServiceAdmission()),
          Map.entry(ResourceTypes.NODES, new NodeAdmission()),
          Map.entry(ResourceTypes.EVENTS, new EventAdmission()),
          Map.entry(ResourceTypes.ENDPOINTS, new EndpointsAdmission()),
          Map.entry(ResourceTypes.CONFIG_MAPS, new ConfigMapAdmission()),
          Map.entry(ResourceTypes.SECRETS, new SecretAdmission()),
          Map.entry(ResourceTypes.DEPLOYMENTS, new DeploymentAdmission()),
          Map.entry(ResourceTypes.REPLICA_SETS, new ReplicaSetAdmission()),
          Map.entry(ResourceTypes.DAEMON_SETS, new DaemonSetAdmission()),
          Map.entry(ResourceTypes.STATEFUL_SETS, new StatefulSetAdmission()),
          Map.entry(ResourceTypes.JOBS, new JobAdmission()),
          Map.entry(ResourceTypes.CRON_JOBS, new CronJobAdmission()),
          Map.entry(ResourceTypes.LEASES, new LeaseAdmission()));

  /**
   * Returns a defaulted deep copy of {@code object} (never mutates the argument), or throws 422.
   */
  public ObjectNode admitCreate(ResourceType type, ObjectNode object) {
    KindAdmission kind = kindOf(type);
    ObjectNode admitted = object.deepCopy();
    kind.applyDefaults(admitted);
    kind.prepareForCreate(admitted);
    if (type.hasSubresource("status")) {
      ObjectNode status = kind.initialStatus(admitted);
      if (status != null) {
        admitted.set("status", status);
      }
    }
    kind.applyStatusDefaults(admitted);

    Problems problems = new Problems();
    Field root = Field.root(admitted, problems);
    MetadataValidation.validate(root.child("metadata"), kind.nameRule(), type.namespaced());
    kind.validate(root);
    problems.throwIfAny(type.kind(), nameOf(admitted));
    return admitted;
  }

  /** Same for a replace/patch of {@code existing}; checks immutable fields against it. */
  public ObjectNode admitUpdate(ResourceType type, ObjectNode object, ObjectNode existing) {
    KindAdmission kind = kindOf(type);
    ObjectNode admitted = object.deepCopy();
    if (type.hasSubresource("status")) {
      JsonTrees.copyField(existing, admitted, "status");
    }
    kind.prepareForUpdate(admitted, existing);
    kind.applyDefaults(admitted);
    kind.applyStatusDefaults(admitted);

    Problems problems = new Problems();
    Field root = Field.root(admitted, problems);
    Field metadata = root.child("metadata");
    MetadataValidation.validate(metadata, kind.nameRule(), type.namespaced());
    MetadataValidation.validateUpdate(metadata, JsonDefaults.object(existing, "metadata"));
    kind.validate(root);
    kind.validateUpdate(root, existing);
    problems.throwIfAny(type.kind(), nameOf(admitted));
    return admitted;
  }

  /**
   * For writes to the status subresource: validate status only (light), no spec defaults. The
   * result is {@code existing} with the request's status and {@code metadata} (less what a status
   * write may not change). Only for kinds with a {@code status} subresource.
   *
   * @throws IllegalArgumentException if {@code type} has no status subresource
   */
  public ObjectNode admitStatusUpdate(ResourceType type, ObjectNode object, ObjectNode existing) {
    if (!type.hasSubresource("status")) {
      throw new IllegalArgumentException(type.qualifiedPlural() + " have no status subresource");
    }
    KindAdmission kind = kindOf(type);
    ObjectNode admitted = existing.deepCopy();
    Problems problems = new Problems();
    Field metadata = Field.of(object.get("metadata"), FieldPath.of("metadata"), problems);
    ObjectNode requestMetadata = metadata.object();
    ObjectNode storedMetadata = JsonDefaults.object(existing, "metadata");
    ObjectNode resultMetadata =
        requestMetadata == null
            ? JsonNodeFactory.instance.objectNode()
            : requestMetadata.deepCopy();
    if (storedMetadata != null) {
      for (String kept : METADATA_KEPT_ON_STATUS_WRITE) {
        JsonTrees.copyField(storedMetadata, resultMetadata, kept);
      }
    }
    admitted.set("metadata", resultMetadata);
    JsonTrees.copyField(object, admitted, "status");
    kind.applyStatusDefaults(admitted);

    Field root = Field.root(admitted, problems);
    MetadataValidation.validateUpdate(root.child("metadata"), storedMetadata);
    kind.validateStatus(root.child("status"));
    problems.throwIfAny(type.kind(), nameOf(admitted));
    return admitted;
  }

  private KindAdmission kindOf(ResourceType type) {
    return kinds.getOrDefault(type, GENERIC);
  }

  private static String nameOf(ObjectNode object) {
    JsonNode name = object.path("metadata").path("name");
    return name.isString() ? name.stringValue() : "";
  }
}
