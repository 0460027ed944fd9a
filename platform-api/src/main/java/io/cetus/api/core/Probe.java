package io.cetus.api.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A periodic check of a container: one handler ({@code exec}, {@code httpGet}, {@code tcpSocket} or
 * {@code grpc}, the last kept as JSON) and its timing. Absent timings take Kubernetes' defaults
 * (period 10 s, timeout 1 s, success 1, failure 3).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Probe(
    @Nullable ExecAction exec,
    @Nullable HTTPGetAction httpGet,
    @Nullable TCPSocketAction tcpSocket,
    @Nullable Map<String, Object> grpc,
    @Nullable Integer initialDelaySeconds,
    @Nullable Integer timeoutSeconds,
    @Nullable Integer periodSeconds,
    @Nullable Integer successThreshold,
    @Nullable Integer failureThreshold,
    @Nullable Long terminationGracePeriodSeconds) {

  public Probe {
    grpc = Copies.json(grpc);
  }
}
