package io.cetus.nodeagent.pod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Container;
import io.cetus.api.core.EnvFromSource;
import io.cetus.api.core.EnvVar;
import io.cetus.api.core.EnvVarSource;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.client.ObjectClient;

/**
 * A container's environment: the service variables ({@link ServiceEnvVars}), then {@code envFrom},
 * then {@code env} (later entries win, so the container's own names override the services'), with
 * values from literals, {@code fieldRef}, {@code configMapKeyRef} and {@code secretKeyRef}.
 * ConfigMaps and Secrets are read from the API, and Services from the agent's cache, at the moment
 * the container is created, as the kubelet does.
 */
final class EnvResolver {

  /** How long a container's creation waits for the Services to be read once. */
  static final Duration SERVICES_SYNC_WAIT = Duration.ofSeconds(5);

  private final ObjectClient<ConfigMap> configMaps;
  private final ObjectClient<Secret> secrets;
  private final ClusterServices services;
  private final Duration servicesSyncWait;

  /** An environment without service variables. */
  EnvResolver(ObjectClient<ConfigMap> configMaps, ObjectClient<Secret> secrets) {
    this(configMaps, secrets, ClusterServices.none());
  }

  EnvResolver(
      ObjectClient<ConfigMap> configMaps, ObjectClient<Secret> secrets, ClusterServices services) {
    this(configMaps, secrets, services, SERVICES_SYNC_WAIT);
  }

  EnvResolver(
      ObjectClient<ConfigMap> configMaps,
      ObjectClient<Secret> secrets,
      ClusterServices services,
      Duration servicesSyncWait) {
    this.configMaps = configMaps;
    this.secrets = secrets;
    this.services = services;
    this.servicesSyncWait = servicesSyncWait;
  }

  /**
   * @throws ContainerConfigException if a non-optional ConfigMap, Secret or key is missing, or the
   *     Services have not been read yet
   */
  Map<String, String> resolve(Pod pod, Container container, @Nullable String podIp, String hostIp) {
    String namespace = PodContainers.namespace(pod);
    Map<String, String> env = new LinkedHashMap<>(serviceEnv(pod));
    for (EnvFromSource from : container.envFrom()) {
      String prefix = Objects.requireNonNullElse(from.prefix(), "");
      if (from.configMapRef() != null) {
        Optional<ConfigMap> map = configMap(namespace, from.configMapRef().name());
        if (map.isEmpty() && !Boolean.TRUE.equals(from.configMapRef().optional())) {
          throw new ContainerConfigException(
              "configmap \"" + from.configMapRef().name() + "\" not found");
        }
        map.ifPresent(m -> m.data().forEach((k, v) -> env.put(prefix + k, v)));
      }
      if (from.secretRef() != null) {
        Optional<Secret> secret = secret(namespace, from.secretRef().name());
        if (secret.isEmpty() && !Boolean.TRUE.equals(from.secretRef().optional())) {
          throw new ContainerConfigException(
              "secret \"" + from.secretRef().name() + "\" not found");
        }
        secret.ifPresent(s -> secretData(s).forEach((k, v) -> env.put(prefix + k, v)));
      }
    }
    for (EnvVar var : container.env()) {
      String value = value(pod, namespace, var, podIp, hostIp);
      if (value != null) {
        env.put(var.name(), value);
      }
    }
    return env;
  }

  private @Nullable String value(
      Pod pod, String namespace, EnvVar var, @Nullable String podIp, String hostIp) {
    EnvVarSource from = var.valueFrom();
    if (from == null) {
      return Objects.requireNonNullElse(var.value(), "");
    }
    if (from.fieldRef() != null) {
      return switch (from.fieldRef().fieldPath()) {
        case "metadata.name" -> pod.metadata().name();
        case "metadata.namespace" -> namespace;
        case "metadata.uid" -> pod.metadata().uid();
        case "spec.nodeName" -> pod.spec().nodeName();
        case "spec.serviceAccountName" ->
            Objects.requireNonNullElse(pod.spec().serviceAccountName(), "default");
        case "status.podIP" -> Objects.requireNonNullElse(podIp, "");
        case "status.hostIP" -> hostIp;
        default -> {
          String path = from.fieldRef().fieldPath();
          if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
            yield pod.metadata().labels().getOrDefault(path.substring(17, path.length() - 2), "");
          }
          if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
            yield pod.metadata()
                .annotations()
                .getOrDefault(path.substring(22, path.length() - 2), "");
          }
          throw new ContainerConfigException("unsupported fieldRef " + path);
        }
      };
    }
    if (from.configMapKeyRef() != null) {
      var ref = from.configMapKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.optional());
      Optional<ConfigMap> map = configMap(namespace, ref.name());
      if (map.isEmpty()) {
        if (optional) {
          return null;
        }
        throw new ContainerConfigException("configmap \"" + ref.name() + "\" not found");
      }
      String value = map.get().data().get(ref.key());
      if (value == null && !optional) {
        throw new ContainerConfigException(
            "couldn't find key " + ref.key() + " in ConfigMap " + namespace + "/" + ref.name());
      }
      return value;
    }
    if (from.secretKeyRef() != null) {
      var ref = from.secretKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.optional());
      Optional<Secret> secret = secret(namespace, ref.name());
      if (secret.isEmpty()) {
        if (optional) {
          return null;
        }
        throw new ContainerConfigException("secret \"" + ref.name() + "\" not found");
      }
      String value = secretData(secret.get()).get(ref.key());
      if (value == null && !optional) {
        throw new ContainerConfigException(
            "couldn't find key " + ref.key() + " in Secret " + namespace + "/" + ref.name());
      }
      return value;
    }
    return Objects.requireNonNullElse(var.value(), "");
  }

  /** The service variables; the kubelet's error until the Services have been read once. */
  private Map<String, String> serviceEnv(Pod pod) {
    try {
      if (!services.awaitSynced(servicesSyncWait)) {
        throw new ContainerConfigException(
            "services have not yet been read at least once, cannot construct envvars");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerConfigException("interrupted while waiting for the services to be read");
    }
    return ServiceEnvVars.forPod(pod, services.lister());
  }

  Optional<ConfigMap> configMap(String namespace, @Nullable String name) {
    return name == null ? Optional.empty() : configMaps.get(namespace, name);
  }

  Optional<Secret> secret(String namespace, @Nullable String name) {
    return name == null ? Optional.empty() : secrets.get(namespace, name);
  }

  /** A Secret's values decoded: {@code data} is base64, {@code stringData} plain and wins. */
  static Map<String, String> secretData(Secret secret) {
    Map<String, String> data = new LinkedHashMap<>();
    secret
        .data()
        .forEach(
            (k, v) ->
                data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    data.putAll(secret.stringData());
    return data;
  }
}
