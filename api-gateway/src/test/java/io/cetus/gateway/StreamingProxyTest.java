package io.cetus.gateway;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watches (from the object store) and followed logs (from the node agent) are streamed: each line
 * reaches the client as soon as the backend flushes it, not when the response ends.
 */
class StreamingProxyTest extends GatewayTestSupport {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "object-store, /api/v1/namespaces/default/pods?resourceVersion=143&watch=true,"
        + " application/json, {\"type\":\"ADDED\"}, {\"type\":\"DELETED\"}",
    "node-agent, /api/v1/namespaces/default/pods/web/log?container=nginx&follow=true,"
        + " text/plain, first log line, second log line"
  })
  void eachLineArrivesWhileTheBackendIsStillWriting(
      String backend, String uri, String contentType, String firstLine, String secondLine)
      throws Exception {
    CompletableFuture<Void> clientSawFirstLine =
        backend.equals("node-agent") ? agent.streamGate() : store.streamGate();
    LineCollector lines = new LineCollector();

    CompletableFuture<HttpResponse<Void>> response =
        http.sendAsync(request(uri).GET().build(), BodyHandlers.fromLineSubscriber(lines));

    // The backend holds the second line back until the first one has reached the client.
    await().atMost(DEADLINE).until(() -> lines.received().size() == 1);
    assertThat(lines.received()).containsExactly(firstLine);
    clientSawFirstLine.complete(null);

    await().atMost(DEADLINE).until(lines::completed);
    assertThat(lines.received()).containsExactly(firstLine, secondLine);
    // The response future completes with the body, so only now.
    assertThat(
            response
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS)
                .headers()
                .firstValue("Content-Type"))
        .hasValue(contentType);
  }

  /** Collects lines as the HTTP client decodes them from the body. */
  private static final class LineCollector implements Flow.Subscriber<String> {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean completed;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable failure) {
      completed = true;
    }

    @Override
    public void onComplete() {
      completed = true;
    }

    List<String> received() {
      return lines;
    }

    boolean completed() {
      return completed;
    }
  }
}
