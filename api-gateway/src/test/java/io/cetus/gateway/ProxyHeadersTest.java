package io.cetus.gateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cetus.gateway.FakeObjectStore.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is one proxy hop: the client's hop-by-hop and forwarding headers stop at it, every
 * other header and the body go on. Sent over a plain socket, since the JDK client refuses to set
 * several of these headers.
 */
class ProxyHeadersTest extends GatewayTestSupport {

  @Test
  void hopByHopAndForwardingHeadersStopAtTheGateway() throws Exception {
    String uri = "/api/v1/namespaces/default/configmaps?test=hop-by-hop";
    String body = "{\"kind\":\"ConfigMap\"}";
    String request =
        "POST "
            + uri
            + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + port
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Forwarded: for=192.0.2.1;proto=https\r\n"
            + "X-Forwarded-For: 192.0.2.1\r\n"
            + "X-Forwarded-Proto: https\r\n"
            + "Proxy-Authorization: Basic c2VjcmV0\r\n"
            + "Keep-Alive: timeout=5\r\n"
            + "TE: trailers\r\n"
            + "X-Hop: only for the gateway\r\n"
            + "Connection: close, X-Hop\r\n"
            + "X-Kept: yes\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "\r\n"
            + Integer.toHexString(body.length())
            + "\r\n"
            + body
            + "\r\n0\r\n\r\n";

    String response;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(response).startsWith("HTTP/1.1 200");
    Recorded received = store.lastRequestTo(uri).orElseThrow();
    assertThat(received.headers())
        .doesNotContainKeys(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "Proxy-Authorization",
            "Keep-Alive",
            "TE",
            "X-Hop");
    assertThat(received.header("X-Kept")).isEqualTo("yes");
    assertThat(received.header("Content-Type")).isEqualTo("application/json");
    assertThat(received.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
  }
}
