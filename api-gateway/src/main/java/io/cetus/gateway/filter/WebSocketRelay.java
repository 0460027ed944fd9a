package io.cetus.gateway.filter;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Relays messages (data, pings and pongs) between the client's and the backend's WebSocket
 * sessions, each direction with the receiver's backpressure, and closes each side with the close
 * code the other side ended with, after the last message from that side has been relayed.
 */
final class WebSocketRelay {

  private static final Log log = LogFactory.getLog(WebSocketRelay.class);

  private WebSocketRelay() {}

  /** Completes once both directions are over and both sessions are closed. */
  static Mono<Void> between(WebSocketSession client, WebSocketSession backend) {
    return Mono.when(pipe(backend, client), pipe(client, backend));
  }

  /**
   * Relays every message from {@code from} to {@code to}, then closes {@code to} with the close
   * code {@code from} ended with. Closing only after the last message went out keeps a final
   * message (exec's exit status on channel 3) ahead of the close frame.
   */
  private static Mono<Void> pipe(WebSocketSession from, WebSocketSession to) {
    return to.send(uncancellable(from.receive().doOnNext(WebSocketMessage::retain)))
        .onErrorResume(
            failure -> {
              log.debug("WebSocket relay to session " + to.getId() + " failed", failure);
              return Mono.empty();
            })
        .then(from.closeStatus().defaultIfEmpty(CloseStatus.NO_CLOSE_FRAME))
        .flatMap(status -> to.isOpen() ? to.close(sendable(status)) : Mono.empty());
  }

  /**
   * {@code messages}, except that a cancel from downstream does not reach the source: from then on
   * the source is drained and its messages released. When {@code to} goes away, its sender cancels
   * what it reads; cancelling a session's inbound makes Reactor Netty close that session at once
   * with an empty close frame (1005), ahead of the proper close the other direction is about to
   * send with the real code and after the last messages.
   */
  private static Flux<WebSocketMessage> uncancellable(Flux<WebSocketMessage> messages) {
    return Flux.<WebSocketMessage>create(
            sink -> {
              // Accumulates demand until the source's subscription arrives, which Reactor Netty
              // delivers later, on the connection's event loop.
              Operators.DeferredSubscription upstream = new Operators.DeferredSubscription();
              AtomicBoolean draining = new AtomicBoolean();
              messages.subscribe(
                  new CoreSubscriber<>() {
                    @Override
                    public void onSubscribe(Subscription subscription) {
                      upstream.set(subscription);
                    }

                    @Override
                    public void onNext(WebSocketMessage message) {
                      if (draining.get()) {
                        message.release();
                      } else {
                        sink.next(message);
                      }
                    }

                    @Override
                    public void onError(Throwable failure) {
                      sink.error(failure);
                    }

                    @Override
                    public void onComplete() {
                      sink.complete();
                    }
                  });
              sink.onRequest(upstream::request);
              sink.onCancel(
                  () -> {
                    draining.set(true);
                    upstream.request(Long.MAX_VALUE);
                  });
            })
        .doOnDiscard(WebSocketMessage.class, WebSocketMessage::release);
  }

  /** 1005 and 1006 describe a missing close frame and may not be sent in one (RFC 6455 7.4.1). */
  static CloseStatus sendable(@Nullable CloseStatus status) {
    if (status == null || status.getCode() == CloseStatus.NO_STATUS_CODE.getCode()) {
      return CloseStatus.NORMAL;
    }
    int code = status.getCode();
    boolean reserved = code == 1004 || code == 1006 || code == 1015;
    if (reserved || code < 1000 || code >= 5000) {
      return CloseStatus.SERVER_ERROR;
    }
    return status;
  }
}
