package io.cetus.client.informer.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.selector.LabelSelectors;
import io.cetus.client.TestObject;

import static org.assertj.core.api.Assertions.assertThat;

class StoreListerTest {

  private final ThreadSafeStore<TestObject> store = new ThreadSafeStore<>();
  private final StoreLister<TestObject> lister = new StoreLister<>(store);

  @Test
  void listsOnlyTheObjectsOfTheAskedNamespace() {
    store.replace(
        List.of(
            TestObject.of("red", "a", "1"),
            TestObject.of("red", "b", "2"),
            TestObject.of("blue", "a", "3")));

    assertThat(lister.list("red")).extracting(o -> o.metadata().name()).containsOnly("a", "b");
    assertThat(lister.list("blue")).containsExactly(TestObject.of("blue", "a", "3"));
    assertThat(lister.list("green")).isEmpty();
    assertThat(lister.list(null)).hasSize(3);
    assertThat(lister.list()).hasSize(3);
  }

  @Test
  void getsByNamespaceAndName() {
    store.put(TestObject.of("red", "a", "1"));
    store.put(TestObject.of(null, "cluster-wide", "2"));

    assertThat(lister.get("red", "a")).contains(TestObject.of("red", "a", "1"));
    assertThat(lister.get("blue", "a")).isEmpty();
    assertThat(lister.get(null, "cluster-wide")).isPresent();
  }

  @Test
  void removedAndReplacedObjectsLeaveTheNamespaceIndex() {
    store.put(TestObject.of("red", "a", "1"));
    store.put(TestObject.of("red", "b", "1"));
    store.remove("red/a");

    assertThat(lister.list("red")).extracting(o -> o.metadata().name()).containsOnly("b");

    store.replace(List.of(TestObject.of("blue", "c", "2")));

    assertThat(lister.list("red")).isEmpty();
    assertThat(lister.list("blue")).hasSize(1);
  }

  @Test
  void updatedObjectIsListedOnceWithItsNewState() {
    store.put(TestObject.of("red", "a", "1"));
    store.put(TestObject.of("red", "a", "2"));

    assertThat(lister.list("red")).containsExactly(TestObject.of("red", "a", "2"));
  }

  @Test
  void filtersByLabelSelectorWithinANamespace() {
    store.replace(
        List.of(
            TestObject.of("red", "web", "1").withLabels(Map.of("app", "web")),
            TestObject.of("red", "db", "1").withLabels(Map.of("app", "db")),
            TestObject.of("blue", "web", "1").withLabels(Map.of("app", "web"))));

    assertThat(lister.list("red", LabelSelectors.parse("app=web")))
        .extracting(o -> o.metadata().name())
        .containsExactly("web");
    assertThat(lister.list(null, LabelSelectors.parse("app=web"))).hasSize(2);
    assertThat(lister.list("red", LabelSelectors.parse("app notin (web,db)"))).isEmpty();
  }
}
