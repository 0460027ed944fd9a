package io.cetus.api.core;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The observed state of a {@link Pod}, written by the node agent (and the scheduler's {@code
 * PodScheduled} condition).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodStatus(
    @Nullable String phase,
    List<PodCondition> conditions,
    @Nullable String message,
    @Nullable String reason,
    @Nullable String nominatedNodeName,
    @Nullable String hostIP,
    List<HostIP> hostIPs,
    @Nullable String podIP,
    List<PodIP> podIPs,
    @Nullable Instant startTime,
    List<ContainerStatus> initContainerStatuses,
    List<ContainerStatus> containerStatuses,
    @Nullable String qosClass) {

  public static final String PENDING = "Pending";
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String UNKNOWN = "Unknown";

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final PodStatus EMPTY =
      new PodStatus(null, null, null, null, null, null, null, null, null, null, null, null, null);

  public PodStatus {
    conditions = Copies.list(conditions);
    hostIPs = Copies.list(hostIPs);
    podIPs = Copies.list(podIPs);
    initContainerStatuses = Copies.list(initContainerStatuses);
    containerStatuses = Copies.list(containerStatuses);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to change a few of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.phase = phase;
    builder.conditions = conditions;
    builder.message = message;
    builder.reason = reason;
    builder.nominatedNodeName = nominatedNodeName;
    builder.hostIP = hostIP;
    builder.hostIPs = hostIPs;
    builder.podIP = podIP;
    builder.podIPs = podIPs;
    builder.startTime = startTime;
    builder.initContainerStatuses = initContainerStatuses;
    builder.containerStatuses = containerStatuses;
    builder.qosClass = qosClass;
    return builder;
  }

  /** Builds a {@link PodStatus}; unset collections are empty, unset values absent. */
  public static final class Builder {

    private @Nullable String phase;
    private @Nullable List<PodCondition> conditions;
    private @Nullable String message;
    private @Nullable String reason;
    private @Nullable String nominatedNodeName;
    private @Nullable String hostIP;
    private @Nullable List<HostIP> hostIPs;
    private @Nullable String podIP;
    private @Nullable List<PodIP> podIPs;
    private @Nullable Instant startTime;
    private @Nullable List<ContainerStatus> initContainerStatuses;
    private @Nullable List<ContainerStatus> containerStatuses;
    private @Nullable String qosClass;

    private Builder() {}

    public Builder phase(@Nullable String phase) {
      this.phase = phase;
      return this;
    }

    public Builder conditions(@Nullable List<PodCondition> conditions) {
      this.conditions = conditions;
      return this;
    }

    public Builder message(@Nullable String message) {
      this.message = message;
      return this;
    }

    public Builder reason(@Nullable String reason) {
      this.reason = reason;
      return this;
    }

    public Builder nominatedNodeName(@Nullable String nominatedNodeName) {
      this.nominatedNodeName = nominatedNodeName;
      return this;
    }

    public Builder hostIP(@Nullable String hostIP) {
      this.hostIP = hostIP;
      return this;
    }

    public Builder hostIPs(@Nullable List<HostIP> hostIPs) {
      this.hostIPs = hostIPs;
      return this;
    }

    public Builder podIP(@Nullable String podIP) {
      this.podIP = podIP;
      return this;
    }

    public Builder podIPs(@Nullable List<PodIP> podIPs) {
      this.podIPs = podIPs;
      return this;
    }

    public Builder startTime(@Nullable Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    public Builder initContainerStatuses(@Nullable List<ContainerStatus> initContainerStatuses) {
      this.initContainerStatuses = initContainerStatuses;
      return this;
    }

    public Builder containerStatuses(@Nullable List<ContainerStatus> containerStatuses) {
      this.containerStatuses = containerStatuses;
      return this;
    }

    public Builder qosClass(@Nullable String qosClass) {
      this.qosClass = qosClass;
      return this;
    }

    public PodStatus build() {
      return new PodStatus(
          phase,
          conditions,
          message,
          reason,
          nominatedNodeName,
          hostIP,
          hostIPs,
          podIP,
          podIPs,
          startTime,
          initContainerStatuses,
          containerStatuses,
          qosClass);
    }
  }
}
