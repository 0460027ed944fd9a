package io.cetus.nodeagent.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.nodeagent.pod.ContainerLocator;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerState;
import io.cetus.nodeagent.runtime.ContainerStatus;

/**
 * Checks an {@code exec} or {@code attach} request before the upgrade, so that everything a client
 * can get wrong is answered as plain HTTP with a Kubernetes {@code Status}, as kubelet does: the
 * pod is not on this node (404), no command, no stream asked for, an unknown or ambiguous
 * container, a container that is not running, a request that is not a WebSocket upgrade, or none of
 * the {@link RemoteCommandProtocol channel protocols} offered (400). What passes is handed to the
 * handler as the {@link RemoteCommand} attribute.
 */
final class RemoteCommandHandshake implements HandshakeInterceptor {

  static final String ATTRIBUTE = RemoteCommand.class.getName();

  private static final Pattern PATH =
      Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/(exec|attach)/?$");
  private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");

  private final PodAgent agent;
  private final ContainerLocator containers;
  private final ContainerRuntime runtime;

  RemoteCommandHandshake(PodAgent agent, ContainerLocator containers, ContainerRuntime runtime) {
    this.agent = agent;
    this.containers = containers;
    this.runtime = runtime;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    try {
      HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
      attributes.put(ATTRIBUTE, resolve(servlet));
      return true;
    } catch (ApiException e) {
      response.setStatusCode(HttpStatus.valueOf(e.code()));
      response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      try {
        response.getBody().write(Json.mapper().writeValueAsBytes(e.status()));
      } catch (java.io.IOException ignored) {
        // the client went away; there is no one left to tell
      }
      return false;
    }
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception exception) {}

  private RemoteCommand resolve(HttpServletRequest request) {
    Matcher path = PATH.matcher(request.getRequestURI());
    if (!path.matches()) {
      throw ApiException.notFound("pods", request.getRequestURI());
    }
    String namespace = decode(path.group(1));
    String name = decode(path.group(2));
    RemoteCommand.Kind kind =
        path.group(3).equals("exec") ? RemoteCommand.Kind.EXEC : RemoteCommand.Kind.ATTACH;
    Pod pod =
        agent
            .pods()
            .lister()
            .get(namespace, name)
            .orElseThrow(() -> ApiException.notFound("pods", name));
    String containerName = PodContainerNames.resolve(pod, request.getParameter("container"));
    Container spec = PodContainerNames.container(pod, containerName);

    List<String> command = new ArrayList<>();
    String[] commandValues = request.getParameterValues("command");
    if (commandValues != null) {
      command.addAll(List.of(commandValues));
    }
    boolean stdin = flag(request, "stdin");
    boolean stdout = flag(request, "stdout");
    boolean stderr = flag(request, "stderr");
    boolean tty = flag(request, "tty");
    if (kind == RemoteCommand.Kind.EXEC && command.isEmpty()) {
      throw ApiException.badRequest("you must specify at least 1 command");
    }
    if (!stdin && !stdout && !stderr) {
      throw ApiException.badRequest("you must specify at least one of stdin, stdout, stderr");
    }
    if (kind == RemoteCommand.Kind.ATTACH) {
      // The main process has the streams its container was created with.
      tty = Boolean.TRUE.equals(spec.tty());
      stdin = stdin && Boolean.TRUE.equals(spec.stdin());
    }
    if (tty) {
      stderr = false; // a terminal has one output stream (kubelet drops stderr the same way)
    }
    boolean supported =
        kind == RemoteCommand.Kind.EXEC
            ? runtime.capabilities().exec()
            : runtime.capabilities().attach();
    if (!supported) {
      throw ApiException.badRequest(
          "the container runtime "
              + runtime.name()
              + " of this node does not support "
              + kind.name().toLowerCase(Locale.ROOT));
    }
    ContainerStatus running =
        containers
            .find(pod, containerName, false)
            .filter(status -> status.state() == ContainerState.RUNNING)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "container " + containerName + " in pod " + name + " is not running"));
    if (!isWebSocketUpgrade(request)) {
      throw ApiException.badRequest("Upgrade request required");
    }
    if (RemoteCommandProtocol.select(request.getHeaders("Sec-WebSocket-Protocol")) == null) {
      throw ApiException.badRequest(
          "none of the offered WebSocket subprotocols is supported; supported: "
              + String.join(", ", RemoteCommandProtocol.NAMES));
    }
    return new RemoteCommand(
        kind, namespace, name, containerName, running.id(), command, stdin, stdout, stderr, tty);
  }

  private static boolean isWebSocketUpgrade(HttpServletRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return "GET".equals(request.getMethod())
        && upgrade != null
        && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }

  /** Go's {@code strconv.ParseBool} spellings of true, as kube-apiserver parses these. */
  private static boolean flag(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value != null && TRUE.contains(value);
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
