package io.cetus.api.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired state of a {@link Service}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceSpec(
    List<ServicePort> ports,
    Map<String, String> selector,
    @Nullable String clusterIP,
    List<String> clusterIPs,
    @Nullable String type,
    List<String> externalIPs,
    @Nullable String sessionAffinity,
    @Nullable String loadBalancerIP,
    List<String> loadBalancerSourceRanges,
    @Nullable String externalName,
    @Nullable String externalTrafficPolicy,
    @Nullable Integer healthCheckNodePort,
    @Nullable Boolean publishNotReadyAddresses,
    @Nullable Map<String, Object> sessionAffinityConfig,
    List<String> ipFamilies,
    @Nullable String ipFamilyPolicy,
    @Nullable Boolean allocateLoadBalancerNodePorts,
    @Nullable String loadBalancerClass,
    @Nullable String internalTrafficPolicy) {

  public static final String CLUSTER_IP = "ClusterIP";
  public static final String NODE_PORT = "NodePort";
  public static final String LOAD_BALANCER = "LoadBalancer";
  public static final String EXTERNAL_NAME = "ExternalName";

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ServiceSpec EMPTY =
      new ServiceSpec(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null);

  public ServiceSpec {
    ports = Copies.list(ports);
    selector = Copies.stringMap(selector);
    clusterIPs = Copies.list(clusterIPs);
    externalIPs = Copies.list(externalIPs);
    loadBalancerSourceRanges = Copies.list(loadBalancerSourceRanges);
    sessionAffinityConfig = Copies.json(sessionAffinityConfig);
    ipFamilies = Copies.list(ipFamilies);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to change a few of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.ports = ports;
    builder.selector = selector;
    builder.clusterIP = clusterIP;
    builder.clusterIPs = clusterIPs;
    builder.type = type;
    builder.externalIPs = externalIPs;
    builder.sessionAffinity = sessionAffinity;
    builder.loadBalancerIP = loadBalancerIP;
    builder.loadBalancerSourceRanges = loadBalancerSourceRanges;
    builder.externalName = externalName;
    builder.externalTrafficPolicy = externalTrafficPolicy;
    builder.healthCheckNodePort = healthCheckNodePort;
    builder.publishNotReadyAddresses = publishNotReadyAddresses;
    builder.sessionAffinityConfig = sessionAffinityConfig;
    builder.ipFamilies = ipFamilies;
    builder.ipFamilyPolicy = ipFamilyPolicy;
    builder.allocateLoadBalancerNodePorts = allocateLoadBalancerNodePorts;
    builder.loadBalancerClass = loadBalancerClass;
    builder.internalTrafficPolicy = internalTrafficPolicy;
    return builder;
  }

  /** Builds a {@link ServiceSpec}; unset collections are empty, unset values absent. */
  public static final class Builder {

    private @Nullable List<ServicePort> ports;
    private @Nullable Map<String, String> selector;
    private @Nullable String clusterIP;
    private @Nullable List<String> clusterIPs;
    private @Nullable String type;
    private @Nullable List<String> externalIPs;
    private @Nullable String sessionAffinity;
    private @Nullable String loadBalancerIP;
    private @Nullable List<String> loadBalancerSourceRanges;
    private @Nullable String externalName;
    private @Nullable String externalTrafficPolicy;
    private @Nullable Integer healthCheckNodePort;
    private @Nullable Boolean publishNotReadyAddresses;
    private @Nullable Map<String, Object> sessionAffinityConfig;
    private @Nullable List<String> ipFamilies;
    private @Nullable String ipFamilyPolicy;
    private @Nullable Boolean allocateLoadBalancerNodePorts;
    private @Nullable String loadBalancerClass;
    private @Nullable String internalTrafficPolicy;

    private Builder() {}

    public Builder ports(@Nullable List<ServicePort> ports) {
      this.ports = ports;
      return this;
    }

    public Builder selector(@Nullable Map<String, String> selector) {
      this.selector = selector;
      return this;
    }

    public Builder clusterIP(@Nullable String clusterIP) {
      this.clusterIP = clusterIP;
      return this;
    }

    public Builder clusterIPs(@Nullable List<String> clusterIPs) {
      this.clusterIPs = clusterIPs;
      return this;
    }

    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    public Builder externalIPs(@Nullable List<String> externalIPs) {
      this.externalIPs = externalIPs;
      return this;
    }

    public Builder sessionAffinity(@Nullable String sessionAffinity) {
      this.sessionAffinity = sessionAffinity;
      return this;
    }

    public Builder loadBalancerIP(@Nullable String loadBalancerIP) {
      this.loadBalancerIP = loadBalancerIP;
      return this;
    }

    public Builder loadBalancerSourceRanges(@Nullable List<String> loadBalancerSourceRanges) {
      this.loadBalancerSourceRanges = loadBalancerSourceRanges;
      return this;
    }

    public Builder externalName(@Nullable String externalName) {
      this.externalName = externalName;
      return this;
    }

    public Builder externalTrafficPolicy(@Nullable String externalTrafficPolicy) {
      this.externalTrafficPolicy = externalTrafficPolicy;
      return this;
    }

    public Builder healthCheckNodePort(@Nullable Integer healthCheckNodePort) {
      this.healthCheckNodePort = healthCheckNodePort;
      return this;
    }

    public Builder publishNotReadyAddresses(@Nullable Boolean publishNotReadyAddresses) {
      this.publishNotReadyAddresses = publishNotReadyAddresses;
      return this;
    }

    public Builder sessionAffinityConfig(@Nullable Map<String, Object> sessionAffinityConfig) {
      this.sessionAffinityConfig = sessionAffinityConfig;
      return this;
    }

    public Builder ipFamilies(@Nullable List<String> ipFamilies) {
      this.ipFamilies = ipFamilies;
      return this;
    }

    public Builder ipFamilyPolicy(@Nullable String ipFamilyPolicy) {
      this.ipFamilyPolicy = ipFamilyPolicy;
      return this;
    }

    public Builder allocateLoadBalancerNodePorts(@Nullable Boolean allocateLoadBalancerNodePorts) {
      this.allocateLoadBalancerNodePorts = allocateLoadBalancerNodePorts;
      return this;
    }

    public Builder loadBalancerClass(@Nullable String loadBalancerClass) {
      this.loadBalancerClass = loadBalancerClass;
      return this;
    }

    public Builder internalTrafficPolicy(@Nullable String internalTrafficPolicy) {
      this.internalTrafficPolicy = internalTrafficPolicy;
      return this;
    }

    public ServiceSpec build() {
      return new ServiceSpec(
          ports,
          selector,
          clusterIP,
          clusterIPs,
          type,
          externalIPs,
          sessionAffinity,
          loadBalancerIP,
          loadBalancerSourceRanges,
          externalName,
          externalTrafficPolicy,
          healthCheckNodePort,
          publishNotReadyAddresses,
          sessionAffinityConfig,
          ipFamilies,
          ipFamilyPolicy,
          allocateLoadBalancerNodePorts,
          loadBalancerClass,
          internalTrafficPolicy);
    }
  }
}
