package io.cetus.nodeagent.web;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiException;
import io.cetus.nodeagent.pod.ContainerLocator;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.runtime.ContainerNotFoundException;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.LogOptions;

/**
 * {@code GET /api/v1/namespaces/{ns}/pods/{name}/log} for the pods of this node, with kubectl's
 * parameters: {@code container}, {@code follow}, {@code tailLines}, {@code previous}, {@code
 * timestamps}, {@code sinceSeconds}, {@code sinceTime}, {@code limitBytes}. Followed logs are
 * flushed as they come and end when the container stops or the client goes away.
 */
@RestController
class PodLogResource {

  private static final int BUFFER = 8192;

  private final PodAgent agent;
  private final ContainerLocator containers;
  private final ContainerRuntime runtime;
  private final Clock clock;

  PodLogResource(
      PodAgent agent, ContainerLocator containers, ContainerRuntime runtime, Clock clock) {
    this.agent = agent;
    this.containers = containers;
    this.runtime = runtime;
    this.clock = clock;
  }

  @GetMapping("/api/v1/namespaces/{namespace}/pods/{name}/log")
  ResponseEntity<StreamingResponseBody> log(
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String container,
      @RequestParam(defaultValue = "false") boolean follow,
      @RequestParam(required = false) @Nullable Integer tailLines,
      @RequestParam(defaultValue = "false") boolean previous,
      @RequestParam(defaultValue = "false") boolean timestamps,
      @RequestParam(required = false) @Nullable Long sinceSeconds,
      @RequestParam(required = false) @Nullable String sinceTime,
      @RequestParam(required = false) @Nullable Long limitBytes) {
    Pod pod =
        agent
            .pods()
            .lister()
            .get(namespace, name)
            .orElseThrow(() -> ApiException.notFound("pods", name));
    String containerName = PodContainerNames.resolve(pod, container);
    if (tailLines != null && tailLines < 0) {
      throw ApiException.badRequest("tailLines must be greater than or equal to 0");
    }
    if (limitBytes != null && limitBytes < 1) {
      throw ApiException.badRequest("limitBytes must be greater than 0");
    }
    ContainerStatus target =
        containers
            .find(pod, containerName, previous)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        previous
                            ? "previous terminated container \""
                                + containerName
                                + "\" in pod \""
                                + name
                                + "\" not found"
                            : "container \""
                                + containerName
                                + "\" in pod \""
                                + name
                                + "\" is waiting to start: ContainerCreating"));
    LogOptions options =
        new LogOptions(follow, tailLines, since(sinceSeconds, sinceTime), timestamps, limitBytes);
    InputStream logs;
    try {
      logs = runtime.logs(target.id(), options);
    } catch (ContainerNotFoundException e) {
      throw ApiException.notFound("pods", name);
    }
    StreamingResponseBody body =
        out -> {
          try (InputStream in = logs) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) >= 0) {
              out.write(buffer, 0, read);
              if (follow) {
                out.flush();
              }
            }
          }
        };
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
  }

  private @Nullable Instant since(@Nullable Long sinceSeconds, @Nullable String sinceTime) {
    if (sinceSeconds != null && sinceTime != null) {
      throw ApiException.badRequest("at most one of sinceTime or sinceSeconds may be specified");
    }
    if (sinceSeconds != null) {
      if (sinceSeconds < 1) {
        throw ApiException.badRequest("sinceSeconds must be greater than 0");
      }
      return clock.instant().minusSeconds(sinceSeconds);
    }
    if (sinceTime != null) {
      try {
        return Instant.parse(sinceTime);
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest("sinceTime must be an RFC 3339 time: " + sinceTime);
      }
    }
    return null;
  }
}
