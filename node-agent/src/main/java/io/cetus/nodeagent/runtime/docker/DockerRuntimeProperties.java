package io.cetus.nodeagent.runtime.docker;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link DockerContainerRuntime} reaches the Docker engine.
 *
 * @param host the engine's address: {@code unix:///var/run/docker.sock} (the default, or {@code
 *     DOCKER_HOST}) or {@code tcp://host:port} without TLS
 * @param apiVersion the API version in request paths; empty (the default) sends unversioned paths,
 *     which every engine answers at its own version. A fixed version breaks on engines too old
 *     (20.10 stops at 1.41) or too new (29 refuses below 1.44).
 * @param connectTimeout to open a connection
 * @param requestTimeout for calls that answer at once (inspect, create, list); streams, pulls and
 *     stops, which last as long as they need, have none of their own
 * @param pullTimeout for one image pull
 * @param oomEventGrace how long an exit that looks like an OOM kill waits for the engine's {@code
 *     oom} event (see {@link DockerContainerRuntime})
 * @param maxConnections connections to the engine; each followed log, exec and pending call holds
 *     one
 */
public record DockerRuntimeProperties(
    URI host,
    String apiVersion,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration pullTimeout,
    Duration oomEventGrace,
    int maxConnections) {

  public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

  public DockerRuntimeProperties {
    Objects.requireNonNull(host, "host");
    if (!"unix".equals(host.getScheme()) && !"tcp".equals(host.getScheme())) {
      throw new IllegalArgumentException(
          "Docker host must be unix:///path or tcp://host:port (no TLS): " + host);
    }
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(pullTimeout, "pullTimeout");
    Objects.requireNonNull(oomEventGrace, "oomEventGrace");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
  }

  /** Defaults, with the host from {@code DOCKER_HOST} if the process has it. */
  public static DockerRuntimeProperties defaults() {
    return fromEnvironment(System.getenv());
  }

  /** Defaults, with the host from {@code DOCKER_HOST} in {@code env} if set. */
  public static DockerRuntimeProperties fromEnvironment(Map<String, String> env) {
    String dockerHost = env.get("DOCKER_HOST");
    URI host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : URI.create(dockerHost);
    return new DockerRuntimeProperties(
        host,
        "",
        Duration.ofSeconds(5),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofSeconds(2),
        256);
  }

  public DockerRuntimeProperties withHost(URI host) {
    return new DockerRuntimeProperties(
        host,
        apiVersion,
        connectTimeout,
        requestTimeout,
        pullTimeout,
        oomEventGrace,
        maxConnections);
  }

  public DockerRuntimeProperties withPullTimeout(Duration pullTimeout) {
    return new DockerRuntimeProperties(
        host,
        apiVersion,
        connectTimeout,
        requestTimeout,
        pullTimeout,
        oomEventGrace,
        maxConnections);
  }
}
