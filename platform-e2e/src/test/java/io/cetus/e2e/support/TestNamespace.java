package io.cetus.e2e.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A namespace of the platform under test ({@link CetusPlatform}) for one test class: created with
 * {@code kubectl} before the class's {@code @BeforeAll} methods, so they can apply objects to it,
 * and deleted after its tests without waiting for its pods to go.
 *
 * <pre>{@code
 * @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
 * }</pre>
 */
public final class TestNamespace implements BeforeAllCallback, AfterAllCallback {

  private final String name;

  public TestNamespace(String name) {
    this.name = name;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    CetusPlatform.kubectl(context).ok("create", "namespace", name);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // the next class need not wait for this one's pods to stop
    CetusPlatform.kubectl(context).run("delete", "namespace", name, "--wait=false");
  }
}
