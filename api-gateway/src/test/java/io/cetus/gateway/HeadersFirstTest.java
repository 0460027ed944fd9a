package io.cetus.gateway;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed response's status and headers reach the client as soon as the backend sends them, not
 * with the first chunk of its body: a client that waits for the headers before it reads
 * (client-go's watch, a Java client with a response timeout) must not hang on a quiet watch or a
 * followed log of a quiet container.
 */
class HeadersFirstTest extends GatewayTestSupport {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "object-store, /api/v1/namespaces/quiet/pods?resourceVersion=7&watch=true,"
        + " application/json, '{\"type\":\"BOOKMARK\"}\n'",
    "object-store, /api/v1/namespaces/quiet/configmaps?watch=1&allowWatchBookmarks=true,"
        + " application/json, '{\"type\":\"BOOKMARK\"}\n'",
    "object-store, /apis/example.io/v1/namespaces/quiet/sse?watch=true,"
        + " text/event-stream, '{\"type\":\"BOOKMARK\"}\n'",
    "node-agent, /api/v1/namespaces/default/pods/web/log?container=quiet&follow=true,"
        + " text/plain, 'a line after a long silence\n'"
  })
  void headersArriveWhileTheBackendIsQuietThenTheBodyIntact(
      String backend, String uri, String contentType, String line) throws Exception {
    CompletableFuture<Void> gate =
        backend.equals("node-agent") ? agent.streamGate() : store.streamGate();

    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      send(socket, uri);
      InputStream in = socket.getInputStream();

      // The backend sends nothing more until the gate opens, which it does only after this.
      assertThat(readLine(in)).isEqualTo("HTTP/1.1 200 OK");
      Map<String, String> headers = readHeaders(in);
      assertThat(headers).containsEntry("content-type", contentType);
      assertThat(headers).containsEntry("transfer-encoding", "chunked");
      assertThat(headers).doesNotContainKey("content-length");

      gate.complete(null);

      // The first thing after the headers is the line's chunk: no empty chunk (which would end
      // the body) was sent to flush the headers.
      byte[] expected = line.getBytes(StandardCharsets.UTF_8);
      assertThat(readLine(in)).isEqualTo(Integer.toHexString(expected.length));
      assertThat(in.readNBytes(expected.length)).isEqualTo(expected);
      assertThat(readLine(in)).isEmpty();
      // Then the end of the body, as the backend finished.
      assertThat(readLine(in)).isEqualTo("0");
      assertThat(readLine(in)).isEmpty();
    }
  }

  /** What client-go does: wait for the response headers, then read the body as it comes. */
  @Test
  void aClientThatWaitsForTheHeadersGetsThemOnAQuietWatch() throws Exception {
    CompletableFuture<Void> gate = store.streamGate();

    HttpResponse<InputStream> response =
        http.sendAsync(
                request("/api/v1/namespaces/quiet/pods?watch=true").GET().build(),
                BodyHandlers.ofInputStream())
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    gate.complete(null);
    try (BufferedReader body =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(body.readLine()).isEqualTo("{\"type\":\"BOOKMARK\"}");
      assertThat(body.readLine()).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/namespaces/default/configmaps",
        "/api/v1/namespaces/default/configmaps?watch=false",
        "/api/v1/namespaces/default/pods/web/log?container=nginx&follow=false"
      })
  void anOrdinaryResponseKeepsItsContentLength(String uri) throws Exception {
    HttpResponse<String> response = get(uri);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
  }

  @Test
  void aWatchRefusedWithAStatusKeepsItsCodeAndContentLength() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/errors/410?watch=true");

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.headers().firstValue("X-Backend")).hasValue("object-store");
    assertThat(response.body()).isEqualTo(FakeObjectStore.status(410, "from the backend"));
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(response.body().length()));
  }

  private void send(Socket socket, String uri) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: */*\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Header names in lower case, up to the empty line that ends them. */
  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return headers;
  }

  /** One CRLF-terminated line; fails if the socket's read timeout passes first. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed after \"" + line + "\"");
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
      }
      line.write(b);
      previous = b;
    }
  }
}
