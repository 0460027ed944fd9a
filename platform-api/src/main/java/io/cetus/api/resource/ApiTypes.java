package io.cetus.api.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cetus.api.apps.DaemonSet;
import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.StatefulSet;
import io.cetus.api.batch.CronJob;
import io.cetus.api.batch.Job;
import io.cetus.api.coordination.Lease;
import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.Namespace;
import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.api.core.Service;
import io.cetus.api.meta.ApiObject;

/**
 * Which record class models which {@link ResourceType}, both ways, so that generic code (clients,
 * informers, the object store) can read and write typed objects. Covers every entry of {@link
 * ResourceTypes#all()}.
 */
public final class ApiTypes {

  private static final Map<ResourceType, Class<? extends ApiObject>> CLASSES =
      new LinkedHashMap<>();
  private static final Map<Class<? extends ApiObject>, ResourceType> TYPES = new LinkedHashMap<>();

  static {
    register(ResourceTypes.PODS, Pod.class);
    register(ResourceTypes.SERVICES, Service.class);
    register(ResourceTypes.DAEMON_SETS, DaemonSet.class);
    register(ResourceTypes.DEPLOYMENTS, Deployment.class);
    register(ResourceTypes.REPLICA_SETS, ReplicaSet.class);
    register(ResourceTypes.STATEFUL_SETS, StatefulSet.class);
    register(ResourceTypes.CRON_JOBS, CronJob.class);
    register(ResourceTypes.JOBS, Job.class);
    register(ResourceTypes.NAMESPACES, Namespace.class);
    register(ResourceTypes.NODES, Node.class);
    register(ResourceTypes.EVENTS, Event.class);
    register(ResourceTypes.ENDPOINTS, Endpoints.class);
    register(ResourceTypes.CONFIG_MAPS, ConfigMap.class);
    register(ResourceTypes.SECRETS, Secret.class);
    register(ResourceTypes.LEASES, Lease.class);
  }

  private ApiTypes() {}

  /**
   * The kind {@code type} models.
   *
   * @throws IllegalArgumentException for a class that models no served kind
   */
  public static ResourceType typeOf(Class<? extends ApiObject> type) {
    ResourceType resourceType = TYPES.get(type);
    if (resourceType == null) {
      throw new IllegalArgumentException(type.getName() + " models no kind the API serves");
    }
    return resourceType;
  }

  /**
   * The record class of {@code type}.
   *
   * @throws IllegalArgumentException for a kind without a model class
   */
  public static Class<? extends ApiObject> classOf(ResourceType type) {
    Class<? extends ApiObject> modelClass = CLASSES.get(type);
    if (modelClass == null) {
      throw new IllegalArgumentException("no model class for " + type.qualifiedPlural());
    }
    return modelClass;
  }

  private static void register(ResourceType type, Class<? extends ApiObject> modelClass) {
    CLASSES.put(type, modelClass);
    TYPES.put(modelClass, type);
  }
}
