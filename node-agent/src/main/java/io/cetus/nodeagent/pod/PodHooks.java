package io.cetus.nodeagent.pod;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.HTTPGetAction;
import io.cetus.api.core.LifecycleHandler;
import io.cetus.nodeagent.probe.Ports;
import io.cetus.nodeagent.runtime.ContainerRuntime;

/**
 * Runs a container's {@code preStop} handler: {@code exec} inside the container, {@code httpGet}
 * against the pod's IP, or {@code sleep}. Bounded by the time left of the grace period; a failing
 * hook is reported and the stop goes on, as in Kubernetes.
 */
final class PodHooks {

  private final ContainerRuntime runtime;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  PodHooks(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * @return null if the hook succeeded (or there is none), else why it failed
   */
  @Nullable String preStop(
      Container container, String containerId, @Nullable String podIp, Duration timeout) {
    LifecycleHandler handler =
        container.lifecycle() == null ? null : container.lifecycle().preStop();
    if (handler == null || timeout.isNegative() || timeout.isZero()) {
      return null;
    }
    try {
      if (handler.exec() != null) {
        var result = runtime.exec(containerId, handler.exec().command(), timeout);
        return result.successful()
            ? null
            : "exited with " + result.exitCode() + ": " + result.stdout() + result.stderr();
      }
      if (handler.httpGet() != null && podIp != null) {
        return httpGet(container, handler.httpGet(), podIp, timeout);
      }
      if (handler.sleep() != null) {
        long millis = Math.min(handler.sleep().seconds() * 1000L, timeout.toMillis());
        Thread.sleep(millis);
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException | java.io.IOException e) {
      return e.toString();
    }
  }

  private @Nullable String httpGet(
      Container container, HTTPGetAction action, String podIp, Duration timeout)
      throws java.io.IOException, InterruptedException {
    int port = Ports.resolve(container, action.port());
    String host = action.host() == null || action.host().isEmpty() ? podIp : action.host();
    String scheme = "HTTPS".equalsIgnoreCase(action.scheme()) ? "https" : "http";
    String path = Objects.requireNonNullElse(action.path(), "/");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    scheme + "://" + host + ":" + port + (path.startsWith("/") ? "" : "/") + path))
            .timeout(timeout)
            .GET();
    action.httpHeaders().forEach(h -> request.header(h.name(), h.value()));
    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    return status >= 200 && status < 400 ? null : "HTTP " + status;
  }
}
