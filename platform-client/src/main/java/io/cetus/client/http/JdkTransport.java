package io.cetus.client.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Requests through the JDK's {@link HttpClient}: what a client uses for {@code https} servers or
 * when it was handed an {@code HttpClient} of its own.
 */
final class JdkTransport implements Transport {

  private final HttpClient http;
  private final Function<String, HttpRequest.Builder> requests;
  private final Duration requestTimeout;

  /** {@code requests} makes a request to a path and query with the client's headers. */
  JdkTransport(
      HttpClient http, Function<String, HttpRequest.Builder> requests, Duration requestTimeout) {
    this.http = http;
    this.requests = requests;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public ApiAnswer send(ApiRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder builder = requests.apply(request.pathAndQuery());
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    byte[] body = request.body();
    builder.method(
        request.method(),
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    // The request timeout of HttpClient ends at the response headers; the deadline here also
    // covers a body that stalls.
    CompletableFuture<HttpResponse<byte[]>> answer =
        http.sendAsync(builder.build(), BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = answer.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
      return new ApiAnswer(response.statusCode(), response.body());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(request.describe() + " failed", e.getCause());
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new HttpTimeoutException("no answer within " + requestTimeout);
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    }
  }

  @Override
  public void close() {
    // The HttpClient belongs to the ApiClient, which closes it.
  }
}
