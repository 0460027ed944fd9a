package io.cetus.objectstore.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.api.resource.ResourceTypes.CONFIG_MAPS;
import static io.cetus.api.resource.ResourceTypes.DEPLOYMENTS;
import static io.cetus.api.resource.ResourceTypes.NODES;
import static io.cetus.api.resource.ResourceTypes.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link ObjectStore} guarantees. Subclasses supply a new, empty store per test; the
 * tests close it (when it is {@link AutoCloseable}) and every watch they opened.
 */
abstract class ObjectStoreContract {

  static final Duration DEADLINE = Duration.ofSeconds(20);

  private ObjectStore store;
  private final List<WatchSubscription> subscriptions =
      Collections.synchronizedList(new ArrayList<>());

  /** A new store with no objects and revision 0. */
  protected abstract ObjectStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    subscriptions.forEach(WatchSubscription::close);
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  protected ObjectStore store() {
    return store;
  }

  // --- create, get, update, delete

  @Test
  void createdObjectIsStoredUnderTheRevisionOfItsWrite() {
    ObjectNode object = configMap("default", "a", "1");
    object.withObjectProperty("metadata").put("resourceVersion", "999");

    ObjectNode created = store.create(CONFIG_MAPS, object);

    assertThat(revision(created)).isEqualTo(store.currentRevision()).isEqualTo(1);
    assertThat(store.get(CONFIG_MAPS, "default", "a")).contains(created);
    assertThat(created.path("data").path("value").asString()).isEqualTo("1");
  }

  @Test
  void storedObjectKeepsEveryFieldExactly() {
    ObjectNode object = configMap("default", "shapes", "x");
    object.putArray("emptyList");
    object.putObject("emptyMap");
    object.putArray("nested").addObject().putArray("inner").add(1).add(2.5).add(true).addNull();
    object.put("text", "ünïcødé \"quoted\" \\ back/slash \u0001");
    object.put("bigNumber", 12345678901234567L);

    ObjectNode created = store.create(CONFIG_MAPS, object);

    ObjectNode expected = object.deepCopy();
    expected
        .withObjectProperty("metadata")
        .put("resourceVersion", Long.toString(revision(created)));
    assertThat(store.get(CONFIG_MAPS, "default", "shapes")).contains(expected);
    assertThat(created).isEqualTo(expected);
  }

  @Test
  void createOfATakenNameFailsWithAlreadyExists() {
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));

    assertThatThrownBy(() -> store.create(CONFIG_MAPS, configMap("default", "a", "2")))
        .satisfies(reason(Reason.ALREADY_EXISTS, 409));
    assertThat(store.create(CONFIG_MAPS, configMap("other", "a", "3"))).isNotNull();
    assertThat(value(store.get(CONFIG_MAPS, "default", "a").orElseThrow())).isEqualTo("1");
  }

  @Test
  void updateReplacesTheObjectUnderANewRevision() {
    ObjectNode created = store.create(CONFIG_MAPS, configMap("default", "a", "1"));

    ObjectNode updated =
        store.update(CONFIG_MAPS, configMap("default", "a", "2"), resourceVersion(created));

    assertThat(revision(updated)).isGreaterThan(revision(created));
    assertThat(store.get(CONFIG_MAPS, "default", "a")).contains(updated);
    assertThat(value(updated)).isEqualTo("2");
  }

  @Test
  void updateWithoutExpectedResourceVersionAlwaysApplies() {
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    store.update(CONFIG_MAPS, configMap("default", "a", "2"), null);

    ObjectNode updated = store.update(CONFIG_MAPS, configMap("default", "a", "3"), null);

    assertThat(store.get(CONFIG_MAPS, "default", "a")).contains(updated);
  }

  @Test
  void updateOfAMissingObjectFailsWithNotFound() {
    assertThatThrownBy(() -> store.update(CONFIG_MAPS, configMap("default", "a", "1"), null))
        .satisfies(reason(Reason.NOT_FOUND, 404));
    assertThat(store.get(CONFIG_MAPS, "default", "a")).isEmpty();
  }

  @Test
  void deleteOfAMissingObjectFailsWithNotFound() {
    assertThatThrownBy(() -> store.delete(CONFIG_MAPS, "default", "a", null))
        .satisfies(reason(Reason.NOT_FOUND, 404));
  }

  @Test
  void updateWithStaleResourceVersionFailsWithConflict() {
    ObjectNode created = store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    ObjectNode updated =
        store.update(CONFIG_MAPS, configMap("default", "a", "2"), resourceVersion(created));

    assertThatThrownBy(
            () ->
                store.update(CONFIG_MAPS, configMap("default", "a", "3"), resourceVersion(created)))
        .satisfies(reason(Reason.CONFLICT, 409));
    assertThat(store.get(CONFIG_MAPS, "default", "a")).contains(updated);
  }

  @Test
  void deleteWithStaleResourceVersionFailsWithConflict() {
    ObjectNode created = store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    ObjectNode updated = store.update(CONFIG_MAPS, configMap("default", "a", "2"), null);

    assertThatThrownBy(() -> store.delete(CONFIG_MAPS, "default", "a", resourceVersion(created)))
        .satisfies(reason(Reason.CONFLICT, 409));
    assertThat(store.get(CONFIG_MAPS, "default", "a")).contains(updated);
  }

  @Test
  void deleteRemovesTheObjectAndReturnsItsLastStateAtTheDeletionRevision() {
    ObjectNode created = store.create(CONFIG_MAPS, configMap("default", "a", "1"));

    ObjectNode deleted = store.delete(CONFIG_MAPS, "default", "a", resourceVersion(created));

    assertThat(revision(deleted)).isEqualTo(store.currentRevision()).isGreaterThan(1);
    assertThat(value(deleted)).isEqualTo("1");
    assertThat(store.get(CONFIG_MAPS, "default", "a")).isEmpty();
    assertThat(store.list(CONFIG_MAPS, null, null, 0).items()).isEmpty();
    assertThat(value(store.create(CONFIG_MAPS, configMap("default", "a", "again"))))
        .isEqualTo("again");
  }

  @Test
  void clusterScopedObjectsLiveOutsideNamespaces() {
    ObjectNode created = store.create(NODES, node("n1"));

    assertThat(store.get(NODES, null, "n1")).contains(created);
    assertThat(store.list(NODES, null, null, 0).items()).containsExactly(created);
    assertThat(revision(store.delete(NODES, null, "n1", null))).isGreaterThan(revision(created));
  }

  @Test
  void objectsWithoutAnAddressAreRefusedNamingTheField() {
    ObjectNode nameless = configMap("default", "x", "1");
    nameless.withObjectProperty("metadata").remove("name");
    ObjectNode homeless = configMap("default", "x", "1");
    homeless.withObjectProperty("metadata").remove("namespace");

    assertThatThrownBy(() -> store.create(CONFIG_MAPS, nameless))
        .satisfies(reason(Reason.BAD_REQUEST, 400))
        .hasMessageContaining("metadata.name");
    assertThatThrownBy(() -> store.create(CONFIG_MAPS, homeless))
        .satisfies(reason(Reason.BAD_REQUEST, 400))
        .hasMessageContaining("metadata.namespace");
    assertThatThrownBy(() -> store.create(CONFIG_MAPS, configMap("default", "a/b", "1")))
        .satisfies(reason(Reason.BAD_REQUEST, 400))
        .hasMessageContaining("metadata.name");
    assertThat(store.currentRevision()).isZero();
  }

  @Test
  void resourceVersionsIncreaseStrictlyAcrossKinds() {
    List<Long> revisions = new ArrayList<>();
    revisions.add(revision(store.create(CONFIG_MAPS, configMap("default", "a", "1"))));
    revisions.add(revision(store.create(NODES, node("n1"))));
    revisions.add(revision(store.create(PODS, pod("default", "p1"))));
    revisions.add(revision(store.update(CONFIG_MAPS, configMap("default", "a", "2"), null)));
    revisions.add(revision(store.create(DEPLOYMENTS, deployment("default", "d1"))));
    revisions.add(revision(store.delete(NODES, null, "n1", null)));
    revisions.add(revision(store.create(PODS, pod("default", "p2"))));

    assertThat(revisions).isSorted().doesNotHaveDuplicates();
    assertThat(revisions.getLast()).isEqualTo(store.currentRevision());
  }

  // --- list

  @Test
  void listIsOrderedByNamespaceThenNameAndFilteredByNamespace() {
    for (String key : List.of("beta/b", "alpha/c", "gamma/z", "alpha/a", "beta/a")) {
      String[] parts = key.split("/");
      store.create(CONFIG_MAPS, configMap(parts[0], parts[1], key));
    }
    store.create(PODS, pod("alpha", "not-a-config-map"));

    StoreList all = store.list(CONFIG_MAPS, null, null, 0);
    StoreList alpha = store.list(CONFIG_MAPS, "alpha", null, 0);

    assertThat(all.items())
        .extracting(ObjectStoreContract::value)
        .containsExactly("alpha/a", "alpha/c", "beta/a", "beta/b", "gamma/z");
    assertThat(all.revision()).isEqualTo(store.currentRevision());
    assertThat(all.continueAfter()).isNull();
    assertThat(alpha.items())
        .extracting(ObjectStoreContract::value)
        .containsExactly("alpha/a", "alpha/c");
    assertThat(store.list(CONFIG_MAPS, "delta", null, 0).items()).isEmpty();
  }

  @Test
  void pagingWithLimitVisitsEveryItemOnce() {
    for (int i = 0; i < 23; i++) {
      store.create(CONFIG_MAPS, configMap("ns-" + (i % 3), "cm-" + i, Integer.toString(i)));
    }
    List<ObjectNode> everything = store.list(CONFIG_MAPS, null, null, 0).items();

    List<ObjectNode> paged = new ArrayList<>();
    int pages = 0;
    String continueAfter = null;
    do {
      StoreList page = store.list(CONFIG_MAPS, null, continueAfter, 5);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
      paged.addAll(page.items());
      continueAfter = page.continueAfter();
      pages++;
    } while (continueAfter != null);

    assertThat(paged).containsExactlyElementsOf(everything).hasSize(23);
    assertThat(pages).isEqualTo(5);
    List<ObjectNode> oneNamespace = new ArrayList<>();
    continueAfter = null;
    do {
      StoreList page = store.list(CONFIG_MAPS, "ns-1", continueAfter, 3);
      oneNamespace.addAll(page.items());
      continueAfter = page.continueAfter();
    } while (continueAfter != null);
    assertThat(oneNamespace)
        .containsExactlyElementsOf(store.list(CONFIG_MAPS, "ns-1", null, 0).items())
        .hasSize(8);
  }

  @Test
  void aFullLastPageSaysNoMoreFollow() {
    for (int i = 0; i < 4; i++) {
      store.create(CONFIG_MAPS, configMap("default", "cm-" + i, "x"));
    }

    StoreList first = store.list(CONFIG_MAPS, null, null, 2);
    StoreList second = store.list(CONFIG_MAPS, null, first.continueAfter(), 2);

    assertThat(first.continueAfter()).isNotNull();
    assertThat(second.items()).hasSize(2);
    assertThat(second.continueAfter()).isNull();
  }

  // --- watch

  @Test
  void watchFromAListRevisionSeesLaterChangesAndNoneEarlier() {
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    store.create(CONFIG_MAPS, configMap("default", "b", "1"));
    long listed = store.list(CONFIG_MAPS, null, null, 0).revision();
    store.create(CONFIG_MAPS, configMap("default", "c", "1"));
    store.update(CONFIG_MAPS, configMap("default", "a", "2"), null);

    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, listed, listener);
    store.delete(CONFIG_MAPS, "default", "b", null);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(listener.changes())
                    .containsExactly("ADDED c", "MODIFIED a", "DELETED b"));
    assertThat(listener.revisions()).allMatch(revision -> revision > listed);
  }

  @Test
  void watchFromAnOldRevisionReplaysTheHistoryInOrderThenContinuesLive() {
    long start = revision(store.create(CONFIG_MAPS, configMap("default", "a", "1")));
    store.update(CONFIG_MAPS, configMap("default", "a", "2"), null);
    store.create(NODES, node("elsewhere"));
    store.create(CONFIG_MAPS, configMap("default", "b", "1"));
    store.delete(CONFIG_MAPS, "default", "a", null);

    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, start, listener);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(listener.changes())
                    .containsExactly("MODIFIED a", "ADDED b", "DELETED a"));
    long live = revision(store.create(CONFIG_MAPS, configMap("default", "c", "1")));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(listener.changes())
                    .containsExactly("MODIFIED a", "ADDED b", "DELETED a", "ADDED c"));
    assertThat(listener.revisions()).isSorted().last().isEqualTo(live);
    assertThat(listener.events().getLast().object())
        .isEqualTo(store.get(CONFIG_MAPS, "default", "c").orElseThrow());
  }

  @Test
  void watchCatchingUpWhileWritersRunMissesNothingAndRepeatsNothing() throws Exception {
    List<Long> written = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 300; i++) {
      written.add(revision(store.create(CONFIG_MAPS, configMap("default", "before-" + i, "x"))));
      if (i % 10 == 0) {
        store.create(NODES, node("gap-" + i)); // revisions of other kinds leave gaps
      }
    }
    var go = new CountDownLatch(1);
    var listener = new RecordingListener();
    List<Future<?>> writers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 100; i++) {
                    String name = "w" + writer + "-" + i;
                    written.add(
                        revision(store.create(CONFIG_MAPS, configMap("default", name, "1"))));
                    written.add(
                        revision(store.update(CONFIG_MAPS, configMap("default", name, "2"), null)));
                    store.create(NODES, node(name));
                  }
                  return null;
                }));
      }
      go.countDown();
      watch(CONFIG_MAPS, null, 0, listener);
      for (Future<?> writer : writers) {
        writer.get();
      }
    }

    List<Long> expected = written.stream().sorted().toList();
    await().atMost(DEADLINE).until(() -> listener.revisions().size() >= expected.size());
    assertThat(listener.revisions()).containsExactlyElementsOf(expected);
  }

  @Test
  void watchFilteredByNamespaceSeesOnlyThatNamespace() {
    store.create(CONFIG_MAPS, configMap("alpha", "old", "1"));
    store.create(CONFIG_MAPS, configMap("beta", "old", "1"));

    var listener = new RecordingListener();
    watch(CONFIG_MAPS, "alpha", 0, listener);
    store.create(CONFIG_MAPS, configMap("beta", "new", "1"));
    store.create(CONFIG_MAPS, configMap("alpha-2", "new", "1"));
    store.create(CONFIG_MAPS, configMap("alpha", "new", "1"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(listener.changes()).containsExactly("ADDED old", "ADDED new"));
    assertThat(listener.events())
        .allSatisfy(
            event ->
                assertThat(event.object().path("metadata").path("namespace").asString())
                    .isEqualTo("alpha"));
  }

  @Test
  void watchSeesOnlyItsOwnKind() {
    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, 0, listener);
    store.create(PODS, pod("default", "p"));
    store.create(NODES, node("n"));
    store.create(CONFIG_MAPS, configMap("default", "c", "1"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(listener.changes()).containsExactly("ADDED c"));
  }

  @Test
  void deletedEventCarriesTheLastStateWithTheDeletionResourceVersion() {
    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, store.currentRevision(), listener);
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    store.update(CONFIG_MAPS, configMap("default", "a", "last"), null);

    ObjectNode deleted = store.delete(CONFIG_MAPS, "default", "a", null);

    await().atMost(DEADLINE).untilAsserted(() -> assertThat(listener.events()).hasSize(3));
    StoredEvent event = listener.events().getLast();
    assertThat(event.type()).isEqualTo(StoredEvent.Type.DELETED);
    assertThat(event.revision()).isEqualTo(revision(deleted));
    assertThat(event.object()).isEqualTo(deleted);
    assertThat(value(event.object())).isEqualTo("last");
    assertThat(revision(event.object())).isEqualTo(event.revision());
  }

  @Test
  void everyEventCarriesTheObjectAtItsRevision() {
    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, 0, listener);
    ObjectNode created = store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    ObjectNode updated = store.update(CONFIG_MAPS, configMap("default", "a", "2"), null);

    await().atMost(DEADLINE).untilAsserted(() -> assertThat(listener.events()).hasSize(2));
    assertThat(listener.events()).extracting(StoredEvent::object).containsExactly(created, updated);
    assertThat(listener.events())
        .allSatisfy(event -> assertThat(revision(event.object())).isEqualTo(event.revision()));
  }

  @Test
  void watchFromBelowTheCompactedRevisionFailsWithExpired() {
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    long compactTo = revision(store.update(CONFIG_MAPS, configMap("default", "a", "2"), null));
    store.update(CONFIG_MAPS, configMap("default", "a", "3"), null);

    store.compact(compactTo);

    assertThat(store.compactedRevision()).isEqualTo(compactTo);
    assertThatThrownBy(() -> store.watch(CONFIG_MAPS, null, compactTo - 1, new RecordingListener()))
        .satisfies(reason(Reason.EXPIRED, 410))
        .hasMessage("too old resource version: " + (compactTo - 1) + " (" + compactTo + ")");
    assertThat(value(store.get(CONFIG_MAPS, "default", "a").orElseThrow())).isEqualTo("3");
  }

  @Test
  void watchFromTheCompactedRevisionReplaysWhatFollows() {
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    long compactTo = revision(store.update(CONFIG_MAPS, configMap("default", "a", "2"), null));
    long after = revision(store.update(CONFIG_MAPS, configMap("default", "a", "3"), null));
    store.compact(compactTo);

    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, compactTo, listener);

    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(listener.revisions()).containsExactly(after));
  }

  @Test
  void aCaughtUpWatchOutlivesCompaction() {
    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, 0, listener);
    long first = revision(store.create(CONFIG_MAPS, configMap("default", "a", "1")));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(listener.revisions()).hasSize(1));

    store.compact(store.currentRevision());
    long second = revision(store.update(CONFIG_MAPS, configMap("default", "a", "2"), null));

    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(listener.revisions()).containsExactly(first, second));
    assertThat(listener.closeCause()).isNull();
  }

  @Test
  void compactionNeverGoesBackNorBeyondTheCurrentRevision() {
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    store.create(CONFIG_MAPS, configMap("default", "b", "1"));
    store.compact(2);

    store.compact(1);

    assertThat(store.compactedRevision()).isEqualTo(2);
    assertThatThrownBy(() -> store.compact(3)).satisfies(reason(Reason.BAD_REQUEST, 400));
  }

  @Test
  void closedSubscriptionReceivesNothingMore() {
    var closed = new RecordingListener();
    var open = new RecordingListener();
    WatchSubscription subscription = watch(CONFIG_MAPS, null, 0, closed);
    watch(CONFIG_MAPS, null, 0, open);
    store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(closed.changes()).hasSize(1));

    subscription.close();
    subscription.close();
    store.create(CONFIG_MAPS, configMap("default", "b", "1"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(open.changes()).containsExactly("ADDED a", "ADDED b"));
    assertThat(closed.changes()).containsExactly("ADDED a");
    assertThat(closed.closeCause()).isNull();
  }

  @Test
  void listenersGetTheirOwnCopies() {
    var first = new RecordingListener();
    var second = new RecordingListener();
    watch(CONFIG_MAPS, null, 0, first);
    watch(CONFIG_MAPS, null, 0, second);
    ObjectNode created = store.create(CONFIG_MAPS, configMap("default", "a", "1"));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(first.events()).hasSize(1));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(second.events()).hasSize(1));

    first
        .events()
        .getFirst()
        .object()
        .withObjectProperty("data")
        .put("value", "changed by a listener");
    created.withObjectProperty("data").put("value", "changed by the writer");

    assertThat(value(second.events().getFirst().object())).isEqualTo("1");
    assertThat(value(store.get(CONFIG_MAPS, "default", "a").orElseThrow())).isEqualTo("1");
  }

  @Test
  void concurrentReadModifyWriteWithRetryOnConflictLosesNoUpdate() throws Exception {
    store.create(CONFIG_MAPS, configMap("default", "counter", "0"));
    int writers = 20;
    int increments = 10;
    var go = new CountDownLatch(1);
    List<Future<?>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int w = 0; w < writers; w++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < increments; i++) {
                    incrementWithRetry();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> result : results) {
        result.get();
      }
    }

    assertThat(value(store.get(CONFIG_MAPS, "default", "counter").orElseThrow()))
        .isEqualTo(Integer.toString(writers * increments));
  }

  private void incrementWithRetry() {
    while (true) {
      ObjectNode current = store.get(CONFIG_MAPS, "default", "counter").orElseThrow();
      ObjectNode next = current.deepCopy();
      next.withObjectProperty("data")
          .put("value", Integer.toString(Integer.parseInt(value(current)) + 1));
      try {
        store.update(CONFIG_MAPS, next, resourceVersion(current));
        return;
      } catch (ApiException e) {
        if (e.reason() != Reason.CONFLICT) {
          throw e;
        }
      }
    }
  }

  // --- helpers

  WatchSubscription watch(
      ResourceType type, String namespace, long afterRevision, WatchListener listener) {
    WatchSubscription subscription = store.watch(type, namespace, afterRevision, listener);
    subscriptions.add(subscription);
    return subscription;
  }

  static ObjectNode configMap(String namespace, String name, String value) {
    ObjectNode object = object("v1", "ConfigMap", namespace, name);
    object.putObject("data").put("value", value);
    return object;
  }

  static ObjectNode pod(String namespace, String name) {
    ObjectNode object = object("v1", "Pod", namespace, name);
    object.putObject("spec").putArray("containers").addObject().put("name", "main");
    return object;
  }

  static ObjectNode deployment(String namespace, String name) {
    ObjectNode object = object("apps/v1", "Deployment", namespace, name);
    object.putObject("spec").put("replicas", 1);
    return object;
  }

  static ObjectNode node(String name) {
    ObjectNode object = object("v1", "Node", null, name);
    object.putObject("status");
    return object;
  }

  static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    return object;
  }

  static String value(ObjectNode object) {
    return object.path("data").path("value").asString();
  }

  static String resourceVersion(ObjectNode object) {
    return object.path("metadata").path("resourceVersion").asString();
  }

  static long revision(ObjectNode object) {
    return Long.parseLong(resourceVersion(object));
  }

  static org.assertj.core.api.ThrowingConsumer<Throwable> reason(Reason reason, int code) {
    return thrown ->
        assertThat(thrown)
            .isInstanceOfSatisfying(
                ApiException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(reason);
                  assertThat(e.code()).isEqualTo(code);
                });
  }
}
