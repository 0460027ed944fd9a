package io.cetus.client.http;

import java.io.IOException;
import java.net.http.HttpClient;

import org.junit.jupiter.api.AfterAll;

/** The same behaviour when every request goes through a JDK {@link HttpClient} handed over. */
class HttpObjectClientOverJdkClientTest extends HttpObjectClientTest {

  // Static: the superclass's constructor asks for a client before this class's fields exist.
  private static final HttpClient JDK =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpObjectClientOverJdkClientTest() throws IOException {}

  @Override
  ApiClient.Builder clientOf(String baseUrl) {
    return ApiClient.builder(baseUrl).httpClient(JDK);
  }

  @AfterAll
  static void closeJdkClient() {
    JDK.shutdownNow();
  }
}
