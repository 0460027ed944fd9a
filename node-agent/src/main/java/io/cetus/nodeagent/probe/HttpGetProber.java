package io.cetus.nodeagent.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.HTTPGetAction;
import io.cetus.api.core.Probe;

/** {@code httpGet}: a GET to the pod's IP; 200-399 is success, as in Kubernetes. */
final class HttpGetProber implements Prober {

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(1))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public ProbeResult probe(
      Probe probe,
      Container container,
      String containerId,
      @Nullable String podIp,
      Duration timeout) {
    HTTPGetAction action = Objects.requireNonNull(probe.httpGet());
    String host = action.host() == null || action.host().isEmpty() ? podIp : action.host();
    if (host == null) {
      return ProbeResult.failed("pod has no IP");
    }
    int port = Ports.resolve(container, action.port());
    String scheme = "HTTPS".equalsIgnoreCase(action.scheme()) ? "https" : "http";
    String path = Objects.requireNonNullElse(action.path(), "/");
    URI uri =
        URI.create(scheme + "://" + host + ":" + port + (path.startsWith("/") ? "" : "/") + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    action.httpHeaders().forEach(h -> request.header(h.name(), h.value()));
    try {
      int status =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 400
          ? ProbeResult.ok()
          : ProbeResult.failed("HTTP probe failed with statuscode: " + status);
    } catch (IOException e) {
      return ProbeResult.failed("Get \"" + uri + "\": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.failed("interrupted");
    }
  }
}
