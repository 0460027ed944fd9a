package io.cetus.e2e.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cetus.client.ObjectClientFactory;
import io.cetus.client.http.ApiClient;
import io.cetus.testsupport.client.ObjectClientContract;

/**
 * The contract {@code FakeApiClient} is held to, run against the real object store, so the fake
 * that controller unit tests use behaves as the server does.
 */
@ExtendWith(StoreUnderTest.class)
class ObjectClientContractIT extends ObjectClientContract {

  private static ApiClient api;
  private String namespace;

  @BeforeAll
  static void connect(StoreUnderTest.Running platform) {
    api = platform.apiClient();
  }

  @AfterAll
  static void disconnect() {
    api.close();
  }

  @BeforeEach
  void newNamespace() {
    namespace = StoreUnderTest.Running.newNamespace(api);
  }

  @Override
  protected ObjectClientFactory clients() {
    return api;
  }

  @Override
  protected String namespace() {
    return namespace;
  }
}
