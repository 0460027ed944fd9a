package io.cetus.client.http;

import java.io.IOException;

/**
 * How an {@link ApiClient} sends a request and reads its whole answer. A request that gets no
 * answer within the client's request timeout fails with {@link java.net.http.HttpTimeoutException}.
 */
interface Transport extends AutoCloseable {

  ApiAnswer send(ApiRequest request) throws IOException, InterruptedException;

  @Override
  void close();
}
