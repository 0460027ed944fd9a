package io.cetus.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the gateway on a random port in front of the shared {@link FakeObjectStore}, which knows
 * the Node {@value #NODE} of the shared {@link FakeNodeAgent} and the pods {@code default/web} and
 * {@code default/forbidden} on it. Every test class that extends this one shares a single
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  static final String NODE = "node-1";

  static final FakeObjectStore store = FakeObjectStore.shared();

  static final FakeNodeAgent agent = FakeNodeAgent.shared();

  static {
    store.putNode(NODE, "127.0.0.1", agent.port());
    store.putPod("default", "web", NODE);
    store.putPod("default", "forbidden", NODE);
  }

  static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(DEADLINE).build();

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void objectStore(DynamicPropertyRegistry registry) {
    registry.add("CETUS_OBJECT_STORE_URL", store::url);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(DEADLINE);
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
