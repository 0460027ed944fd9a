package io.cetus.api.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The desired state of a {@link Pod}. Untyped fields ({@code securityContext}, {@code affinity},
 * {@code dnsConfig}, {@code hostAliases}, ...) are kept as read-only JSON maps and passed through
 * unchanged. Build one with {@link #builder()}: the canonical constructor grows with the model.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodSpec(
    List<Volume> volumes,
    List<Container> initContainers,
    List<Container> containers,
    @Nullable String restartPolicy,
    @Nullable Long terminationGracePeriodSeconds,
    @Nullable Long activeDeadlineSeconds,
    @Nullable String dnsPolicy,
    Map<String, String> nodeSelector,
    @Nullable String serviceAccountName,
    @Nullable Boolean automountServiceAccountToken,
    @Nullable String nodeName,
    @Nullable Boolean hostNetwork,
    @Nullable Boolean hostPID,
    @Nullable Boolean hostIPC,
    @Nullable Boolean shareProcessNamespace,
    @Nullable Map<String, Object> securityContext,
    List<LocalObjectReference> imagePullSecrets,
    @Nullable String hostname,
    @Nullable String subdomain,
    @Nullable Map<String, Object> affinity,
    @Nullable String schedulerName,
    List<Toleration> tolerations,
    @Nullable String priorityClassName,
    @Nullable Integer priority,
    @Nullable Map<String, Object> dnsConfig,
    @Nullable Boolean enableServiceLinks,
    @Nullable String preemptionPolicy,
    @Nullable String runtimeClassName,
    List<Map<String, Object>> hostAliases,
    List<Map<String, Object>> topologySpreadConstraints,
    List<Map<String, Object>> readinessGates) {

  public static final String RESTART_ALWAYS = "Always";
  public static final String RESTART_ON_FAILURE = "OnFailure";
  public static final String RESTART_NEVER = "Never";

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final PodSpec EMPTY =
      new PodSpec(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null);

  public PodSpec {
    volumes = Copies.list(volumes);
    initContainers = Copies.list(initContainers);
    containers = Copies.list(containers);
    nodeSelector = Copies.stringMap(nodeSelector);
    securityContext = Copies.json(securityContext);
    imagePullSecrets = Copies.list(imagePullSecrets);
    affinity = Copies.json(affinity);
    tolerations = Copies.list(tolerations);
    dnsConfig = Copies.json(dnsConfig);
    hostAliases = Copies.list(hostAliases);
    topologySpreadConstraints = Copies.list(topologySpreadConstraints);
    readinessGates = Copies.list(readinessGates);
  }

  /** A copy bound to {@code node}, as the scheduler's binding makes it. */
  public PodSpec withNodeName(@Nullable String node) {
    return toBuilder().nodeName(node).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to change a few of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.volumes = volumes;
    builder.initContainers = initContainers;
    builder.containers = containers;
    builder.restartPolicy = restartPolicy;
    builder.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
    builder.activeDeadlineSeconds = activeDeadlineSeconds;
    builder.dnsPolicy = dnsPolicy;
    builder.nodeSelector = nodeSelector;
    builder.serviceAccountName = serviceAccountName;
    builder.automountServiceAccountToken = automountServiceAccountToken;
    builder.nodeName = nodeName;
    builder.hostNetwork = hostNetwork;
    builder.hostPID = hostPID;
    builder.hostIPC = hostIPC;
    builder.shareProcessNamespace = shareProcessNamespace;
    builder.securityContext = securityContext;
    builder.imagePullSecrets = imagePullSecrets;
    builder.hostname = hostname;
    builder.subdomain = subdomain;
    builder.affinity = affinity;
    builder.schedulerName = schedulerName;
    builder.tolerations = tolerations;
    builder.priorityClassName = priorityClassName;
    builder.priority = priority;
    builder.dnsConfig = dnsConfig;
    builder.enableServiceLinks = enableServiceLinks;
    builder.preemptionPolicy = preemptionPolicy;
    builder.runtimeClassName = runtimeClassName;
    builder.hostAliases = hostAliases;
    builder.topologySpreadConstraints = topologySpreadConstraints;
    builder.readinessGates = readinessGates;
    return builder;
  }

  /** Builds a {@link PodSpec}; unset collections are empty, unset values absent. */
  public static final class Builder {

    private @Nullable List<Volume> volumes;
    private @Nullable List<Container> initContainers;
    private @Nullable List<Container> containers;
    private @Nullable String restartPolicy;
    private @Nullable Long terminationGracePeriodSeconds;
    private @Nullable Long activeDeadlineSeconds;
    private @Nullable String dnsPolicy;
    private @Nullable Map<String, String> nodeSelector;
    private @Nullable String serviceAccountName;
    private @Nullable Boolean automountServiceAccountToken;
    private @Nullable String nodeName;
    private @Nullable Boolean hostNetwork;
    private @Nullable Boolean hostPID;
    private @Nullable Boolean hostIPC;
    private @Nullable Boolean shareProcessNamespace;
    private @Nullable Map<String, Object> securityContext;
    private @Nullable List<LocalObjectReference> imagePullSecrets;
    private @Nullable String hostname;
    private @Nullable String subdomain;
    private @Nullable Map<String, Object> affinity;
    private @Nullable String schedulerName;
    private @Nullable List<Toleration> tolerations;
    private @Nullable String priorityClassName;
    private @Nullable Integer priority;
    private @Nullable Map<String, Object> dnsConfig;
    private @Nullable Boolean enableServiceLinks;
    private @Nullable String preemptionPolicy;
    private @Nullable String runtimeClassName;
    private @Nullable List<Map<String, Object>> hostAliases;
    private @Nullable List<Map<String, Object>> topologySpreadConstraints;
    private @Nullable List<Map<String, Object>> readinessGates;

    private Builder() {}

    public Builder volumes(@Nullable List<Volume> volumes) {
      this.volumes = volumes;
      return this;
    }

    public Builder initContainers(@Nullable List<Container> initContainers) {
      this.initContainers = initContainers;
      return this;
    }

    public Builder containers(@Nullable List<Container> containers) {
      this.containers = containers;
      return this;
    }

    public Builder restartPolicy(@Nullable String restartPolicy) {
      this.restartPolicy = restartPolicy;
      return this;
    }

    public Builder terminationGracePeriodSeconds(@Nullable Long terminationGracePeriodSeconds) {
      this.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
      return this;
    }

    public Builder activeDeadlineSeconds(@Nullable Long activeDeadlineSeconds) {
      this.activeDeadlineSeconds = activeDeadlineSeconds;
      return this;
    }

    public Builder dnsPolicy(@Nullable String dnsPolicy) {
      this.dnsPolicy = dnsPolicy;
      return this;
    }

    public Builder nodeSelector(@Nullable Map<String, String> nodeSelector) {
      this.nodeSelector = nodeSelector;
      return this;
    }

    public Builder serviceAccountName(@Nullable String serviceAccountName) {
      this.serviceAccountName = serviceAccountName;
      return this;
    }

    public Builder automountServiceAccountToken(@Nullable Boolean automountServiceAccountToken) {
      this.automountServiceAccountToken = automountServiceAccountToken;
      return this;
    }

    public Builder nodeName(@Nullable String nodeName) {
      this.nodeName = nodeName;
      return this;
    }

    public Builder hostNetwork(@Nullable Boolean hostNetwork) {
      this.hostNetwork = hostNetwork;
      return this;
    }

    public Builder hostPID(@Nullable Boolean hostPID) {
      this.hostPID = hostPID;
      return this;
    }

    public Builder hostIPC(@Nullable Boolean hostIPC) {
      this.hostIPC = hostIPC;
      return this;
    }

    public Builder shareProcessNamespace(@Nullable Boolean shareProcessNamespace) {
      this.shareProcessNamespace = shareProcessNamespace;
      return this;
    }

    public Builder securityContext(@Nullable Map<String, Object> securityContext) {
      this.securityContext = securityContext;
      return this;
    }

    public Builder imagePullSecrets(@Nullable List<LocalObjectReference> imagePullSecrets) {
      this.imagePullSecrets = imagePullSecrets;
      return this;
    }

    public Builder hostname(@Nullable String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder subdomain(@Nullable String subdomain) {
      this.subdomain = subdomain;
      return this;
    }

    public Builder affinity(@Nullable Map<String, Object> affinity) {
      this.affinity = affinity;
      return this;
    }

    public Builder schedulerName(@Nullable String schedulerName) {
      this.schedulerName = schedulerName;
      return this;
    }

    public Builder tolerations(@Nullable List<Toleration> tolerations) {
      this.tolerations = tolerations;
      return this;
    }

    public Builder priorityClassName(@Nullable String priorityClassName) {
      this.priorityClassName = priorityClassName;
      return this;
    }

    public Builder priority(@Nullable Integer priority) {
      this.priority = priority;
      return this;
    }

    public Builder dnsConfig(@Nullable Map<String, Object> dnsConfig) {
      this.dnsConfig = dnsConfig;
      return this;
    }

    public Builder enableServiceLinks(@Nullable Boolean enableServiceLinks) {
      this.enableServiceLinks = enableServiceLinks;
      return this;
    }

    public Builder preemptionPolicy(@Nullable String preemptionPolicy) {
      this.preemptionPolicy = preemptionPolicy;
      return this;
    }

    public Builder runtimeClassName(@Nullable String runtimeClassName) {
      this.runtimeClassName = runtimeClassName;
      return this;
    }

    public Builder hostAliases(@Nullable List<Map<String, Object>> hostAliases) {
      this.hostAliases = hostAliases;
      return this;
    }

    public Builder topologySpreadConstraints(
        @Nullable List<Map<String, Object>> topologySpreadConstraints) {
      this.topologySpreadConstraints = topologySpreadConstraints;
      return this;
    }

    public Builder readinessGates(@Nullable List<Map<String, Object>> readinessGates) {
      this.readinessGates = readinessGates;
      return this;
    }

    public PodSpec build() {
      return new PodSpec(
          volumes,
          initContainers,
          containers,
          restartPolicy,
          terminationGracePeriodSeconds,
          activeDeadlineSeconds,
          dnsPolicy,
          nodeSelector,
          serviceAccountName,
          automountServiceAccountToken,
          nodeName,
          hostNetwork,
          hostPID,
          hostIPC,
          shareProcessNamespace,
          securityContext,
          imagePullSecrets,
          hostname,
          subdomain,
          affinity,
          schedulerName,
          tolerations,
          priorityClassName,
          priority,
          dnsConfig,
          enableServiceLinks,
          preemptionPolicy,
          runtimeClassName,
          hostAliases,
          topologySpreadConstraints,
          readinessGates);
    }
  }
}
