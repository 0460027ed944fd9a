package io.cetus.gateway;

import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;

import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns a failure inside the gateway into the Kubernetes {@code Status} a client gets. Failures to
 * reach a backend name the service and its address, so an operator sees at once which one is down.
 */
public final class GatewayFailures {

  static final String NOT_FOUND_MESSAGE = "the server could not find the requested resource";

  private GatewayFailures() {}

  /** The status to answer {@code failure} with; 500 for anything unexpected. */
  public static KubernetesStatus toStatus(ServerWebExchange exchange, Throwable failure) {
    if (failure instanceof GatewayStatusException described) {
      return described.status();
    }
    RouteTarget target = RouteTarget.of(exchange);
    Throwable unreachable = unreachableCause(failure);
    if (unreachable != null && target != null) {
      return KubernetesStatus.failure(503, unreachableMessage(target, unreachable));
    }
    if (failure instanceof ResponseStatusException rse) {
      int code = rse.getStatusCode().value();
      return KubernetesStatus.failure(code, messageFor(code, rse, target));
    }
    if (hasCause(failure, TimeoutException.class)) {
      return KubernetesStatus.failure(504, timeoutMessage(target));
    }
    return KubernetesStatus.failure(500, "an internal error occurred in the gateway");
  }

  /** Whether {@code status} reports an unexpected failure, worth a stack trace in the log. */
  static boolean isUnexpected(KubernetesStatus status) {
    return status.code() == 500;
  }

  private static String messageFor(
      int code, ResponseStatusException failure, @Nullable RouteTarget target) {
    return switch (code) {
      case 404 -> NOT_FOUND_MESSAGE;
      case 405 -> "the server does not allow this method on the requested resource";
      case 504 -> timeoutMessage(target);
      default -> {
        String reason = failure.getReason();
        HttpStatus status = HttpStatus.resolve(code);
        yield reason != null ? reason : status != null ? status.getReasonPhrase() : "HTTP " + code;
      }
    };
  }

  private static String unreachableMessage(RouteTarget target, Throwable cause) {
    if (cause instanceof PrematureCloseException
        || cause instanceof ClosedChannelException
        || cause instanceof WebSocketClientHandshakeException) {
      return target.service()
          + " at "
          + target.address()
          + " closed the connection before it answered";
    }
    return target.service()
        + " is unavailable: cannot connect to "
        + target.address()
        + " ("
        + describe(cause)
        + ")";
  }

  private static String timeoutMessage(@Nullable RouteTarget target) {
    return target == null
        ? "the gateway timed out"
        : target.service() + " at " + target.address() + " did not answer in time";
  }

  /**
   * The gist of a connect error. Netty's native transport wraps it in the syscall and appends the
   * address: "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:8091".
   */
  public static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    int address = message.indexOf(": /");
    String gist = address > 0 ? message.substring(0, address) : message;
    int syscall = gist.lastIndexOf("): ");
    return syscall >= 0 ? gist.substring(syscall + 3) : gist;
  }

  private static @Nullable Throwable unreachableCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException
          || t instanceof UnknownHostException
          || t instanceof ClosedChannelException
          || t instanceof PrematureCloseException
          || (t instanceof WebSocketClientHandshakeException handshake
              && handshake.response() == null)) {
        return t;
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
