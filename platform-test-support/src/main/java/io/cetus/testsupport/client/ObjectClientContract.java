package io.cetus.testsupport.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Binding;
import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Container;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.ObjectList;
import io.cetus.client.PatchType;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What controllers rely on from an {@link ObjectClientFactory}, written once and run against the
 * real object store (over HTTP) and against {@link FakeApiClient}, so the fake cannot drift from
 * the server. A subclass supplies the clients and a namespace that exists and is empty for each
 * test.
 */
public abstract class ObjectClientContract {

  /** The clients under test. */
  protected abstract ObjectClientFactory clients();

  /** A namespace of this test's own, empty at its start. */
  protected abstract String namespace();

  private ObjectClient<ConfigMap> configMaps() {
    return clients().forType(ConfigMap.class);
  }

  private ObjectClient<Pod> pods() {
    return clients().forType(Pod.class);
  }

  @Test
  void createdObjectCanBeReadUpdatedAndDeleted() {
    ConfigMap created = configMaps().create(configMap("settings", Map.of("mode", "fast")));

    assertThat(created.metadata().uid()).isNotBlank();
    assertThat(created.metadata().resourceVersion()).isNotBlank();
    assertThat(created.metadata().creationTimestamp()).isNotNull();
    assertThat(configMaps().get(namespace(), "settings")).contains(created);

    ConfigMap updated = configMaps().update(created.withData(Map.of("mode", "safe")));

    assertThat(updated.data()).containsEntry("mode", "safe");
    assertThat(updated.metadata().resourceVersion())
        .isNotEqualTo(created.metadata().resourceVersion());

    configMaps().delete(namespace(), "settings");

    assertThat(configMaps().get(namespace(), "settings")).isEmpty();
  }

  @Test
  void createOfATakenNameFailsWithAlreadyExists() {
    configMaps().create(configMap("settings", Map.of()));

    assertThatThrownBy(() -> configMaps().create(configMap("settings", Map.of())))
        .satisfies(e -> assertThat(ApiErrors.isAlreadyExists(e)).isTrue());
  }

  @Test
  void createWithGenerateNameGetsAFreshName() {
    ConfigMap template = configMap("unused", Map.of());
    ConfigMap generated =
        template.withMetadata(template.metadata().withName(null).withGenerateName("web-"));

    ConfigMap first = configMaps().create(generated);
    ConfigMap second = configMaps().create(generated);

    assertThat(first.metadata().name()).startsWith("web-").hasSizeGreaterThan("web-".length());
    assertThat(second.metadata().name()).isNotEqualTo(first.metadata().name());
  }

  @Test
  void createdPodStartsPendingAtGenerationOneWhateverStatusItWasSentWith() {
    Pod pod = pod("web").withStatus(PodStatus.builder().phase(PodStatus.RUNNING).build());

    Pod created = pods().create(pod);

    assertThat(created.metadata().generation()).isEqualTo(1L);
    assertThat(created.status().phase()).isEqualTo(PodStatus.PENDING);
  }

  @Test
  void updateWithStaleResourceVersionFailsWithConflict() {
    ConfigMap created = configMaps().create(configMap("settings", Map.of("mode", "fast")));
    configMaps().update(created.withData(Map.of("mode", "safe")));

    assertThatThrownBy(() -> configMaps().update(created.withData(Map.of("mode", "stale"))))
        .satisfies(e -> assertThat(ApiErrors.isConflict(e)).isTrue());
    assertThat(configMaps().get(namespace(), "settings").orElseThrow().data())
        .containsEntry("mode", "safe");
  }

  @Test
  void updateThatChangesNothingKeepsTheResourceVersion() {
    ConfigMap created = configMaps().create(configMap("settings", Map.of("mode", "fast")));

    ConfigMap same = configMaps().update(created);

    assertThat(same.metadata().resourceVersion()).isEqualTo(created.metadata().resourceVersion());
  }

  @Test
  void specChangeBumpsTheGenerationAndALabelChangeDoesNot() {
    Pod created = pods().create(pod("web"));

    // a patch, not an update: a typed round trip drops the empty objects the server defaults
    Pod relabelled =
        pods()
            .patch(
                namespace(),
                "web",
                PatchType.MERGE,
                "{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}");
    Container container = relabelled.spec().containers().getFirst();
    Pod newImage =
        pods()
            .update(
                relabelled.withSpec(
                    relabelled.spec().toBuilder()
                        .containers(List.of(container.toBuilder().image("nginx:1.28").build()))
                        .build()));

    assertThat(relabelled.metadata().generation()).isEqualTo(1L);
    assertThat(newImage.metadata().generation()).isEqualTo(2L);
  }

  @Test
  void updateIgnoresStatusAndUpdateStatusIgnoresEverythingElse() {
    Pod created = pods().create(pod("web"));

    Pod updated =
        pods()
            .update(
                created
                    .withMetadata(created.metadata().withLabel("tier", "front"))
                    .withStatus(PodStatus.builder().phase(PodStatus.RUNNING).build()));
    Pod statusUpdated =
        pods()
            .updateStatus(
                updated
                    .withMetadata(updated.metadata().withLabel("tier", "back"))
                    .withStatus(PodStatus.builder().phase(PodStatus.RUNNING).build()));

    assertThat(updated.status().phase()).isEqualTo(PodStatus.PENDING);
    assertThat(updated.metadata().labels()).containsEntry("tier", "front");
    assertThat(statusUpdated.status().phase()).isEqualTo(PodStatus.RUNNING);
    assertThat(statusUpdated.metadata().labels()).containsEntry("tier", "front");
  }

  @Test
  void missingObjectIsEmptyOnGetAndNotFoundOnWrites() {
    assertThat(configMaps().get(namespace(), "missing")).isEmpty();
    assertThatThrownBy(() -> configMaps().delete(namespace(), "missing"))
        .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
    assertThatThrownBy(() -> configMaps().update(configMap("missing", Map.of())))
        .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
    assertThatThrownBy(
            () ->
                configMaps()
                    .patch(namespace(), "missing", PatchType.MERGE, "{\"data\":{\"a\":\"b\"}}"))
        .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
  }

  @Test
  void mergePatchChangesOnlyWhatItNames() {
    configMaps().create(configMap("settings", Map.of("mode", "fast", "level", "3")));

    ConfigMap patched =
        configMaps()
            .patch(
                namespace(),
                "settings",
                PatchType.MERGE,
                "{\"data\":{\"level\":null,\"new\":\"x\"}}");

    assertThat(patched.data()).containsOnly(Map.entry("mode", "fast"), Map.entry("new", "x"));
  }

  @Test
  void mergePatchWithAStaleResourceVersionFailsWithConflict() {
    ConfigMap created = configMaps().create(configMap("settings", Map.of("mode", "fast")));
    configMaps().update(created.withData(Map.of("mode", "safe")));

    assertThatThrownBy(
            () ->
                configMaps()
                    .patch(
                        namespace(),
                        "settings",
                        PatchType.MERGE,
                        "{\"metadata\":{\"resourceVersion\":\""
                            + created.metadata().resourceVersion()
                            + "\"},\"data\":{\"mode\":\"x\"}}"))
        .satisfies(e -> assertThat(ApiErrors.isConflict(e)).isTrue());
  }

  @Test
  void listFiltersByLabelSelectorAndPagesWithContinueTokens() {
    for (String name : List.of("a", "b", "c")) {
      ConfigMap cm = configMap(name, Map.of());
      configMaps().create(cm.withMetadata(cm.metadata().withLabels(Map.of("app", "web"))));
    }
    configMaps().create(configMap("other", Map.of()));

    assertThat(configMaps().list(namespace(), LabelSelectors.parse("app=web")).items())
        .extracting(cm -> cm.metadata().name())
        .containsExactlyInAnyOrder("a", "b", "c");

    List<String> paged = new ArrayList<>();
    ListOptions options = ListOptions.ALL.withLabelSelector("app=web").withLimit(2);
    ObjectList<ConfigMap> page = configMaps().list(namespace(), options);
    page.items().forEach(cm -> paged.add(cm.metadata().name()));
    assertThat(page.hasMore()).isTrue();
    while (page.hasMore()) {
      page = configMaps().list(namespace(), options.withContinue(page.continueToken()));
      page.items().forEach(cm -> paged.add(cm.metadata().name()));
    }
    assertThat(paged).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void listFiltersByFieldSelector() {
    pods().create(pod("unbound"));
    pods().create(pod("bound"));
    pods().createSubresource(namespace(), "bound", "binding", binding("bound", "node-1"));

    assertThat(
            pods()
                .list(namespace(), ListOptions.ALL.withFieldSelector("spec.nodeName=node-1"))
                .items())
        .extracting(pod -> pod.metadata().name())
        .containsExactly("bound");
  }

  @Test
  void watchDeliversEveryChangeAfterTheListRevisionInOrder() {
    String from = configMaps().list(namespace()).resourceVersion();
    try (WatchStream<ConfigMap> watch = configMaps().watch(namespace(), WatchOptions.from(from))) {
      ConfigMap created = configMaps().create(configMap("settings", Map.of("mode", "fast")));
      ConfigMap updated = configMaps().update(created.withData(Map.of("mode", "safe")));
      configMaps().delete(namespace(), "settings");

      assertThat(next(watch)).isEqualTo(new WatchEvent<>(WatchEvent.ADDED, created));
      assertThat(next(watch)).isEqualTo(new WatchEvent<>(WatchEvent.MODIFIED, updated));
      WatchEvent<ConfigMap> deleted = next(watch);
      assertThat(deleted.type()).isEqualTo(WatchEvent.DELETED);
      assertThat(deleted.object().data()).containsEntry("mode", "safe");
    }
  }

  @Test
  void bindingAssignsAPodToANodeOnce() {
    pods().create(pod("web"));

    pods().createSubresource(namespace(), "web", "binding", binding("web", "node-1"));

    Pod bound = pods().get(namespace(), "web").orElseThrow();
    assertThat(bound.spec().nodeName()).isEqualTo("node-1");
    assertThat(Condition.holds(bound.status().conditions(), PodCondition.POD_SCHEDULED)).isTrue();
    assertThatThrownBy(
            () -> pods().createSubresource(namespace(), "web", "binding", binding("web", "node-2")))
        .satisfies(e -> assertThat(ApiErrors.isConflict(e)).isTrue());
    assertThat(pods().get(namespace(), "web").orElseThrow().spec().nodeName()).isEqualTo("node-1");
  }

  @Test
  void bindingOfAMissingPodFailsWithNotFound() {
    assertThatThrownBy(
            () ->
                pods()
                    .createSubresource(namespace(), "missing", "binding", binding("missing", "n")))
        .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
  }

  @Test
  void boundPodIsMarkedForItsGracePeriodAndGoesAtOnceWithGraceZero() {
    pods().create(pod("web"));
    pods().createSubresource(namespace(), "web", "binding", binding("web", "node-1"));

    pods().delete(namespace(), "web");

    Optional<Pod> marked = pods().get(namespace(), "web");
    assertThat(marked).isPresent();
    assertThat(marked.get().metadata().isBeingDeleted()).isTrue();

    pods().delete(namespace(), "web", DeleteOptions.DEFAULT.withGracePeriodSeconds(0L));

    assertThat(pods().get(namespace(), "web")).isEmpty();
  }

  @Test
  void unboundPodGoesAtOnce() {
    pods().create(pod("web"));

    pods().delete(namespace(), "web");

    assertThat(pods().get(namespace(), "web")).isEmpty();
  }

  @Test
  void deleteWithAnotherUidAsPreconditionFailsWithConflict() {
    configMaps().create(configMap("settings", Map.of()));

    assertThatThrownBy(
            () ->
                configMaps()
                    .delete(
                        namespace(),
                        "settings",
                        DeleteOptions.DEFAULT.withPreconditions("not-its-uid", null)))
        .satisfies(e -> assertThat(ApiErrors.isConflict(e)).isTrue());
    assertThat(configMaps().get(namespace(), "settings")).isPresent();
  }

  private static <T> WatchEvent<T> next(WatchStream<T> watch) {
    Optional<WatchEvent<T>> event = watch.next();
    assertThat(event).as("watch ended early").isPresent();
    return event.get();
  }

  private ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMap(null, null, ObjectMeta.named(namespace(), name), null, data, null);
  }

  private Pod pod(String name) {
    return new Pod(
        null,
        null,
        ObjectMeta.named(namespace(), name),
        PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build(),
        null);
  }

  private Binding binding(String pod, String node) {
    return new Binding(
        null,
        null,
        ObjectMeta.named(namespace(), pod),
        new ObjectReference("Node", null, node, null, "v1", null, null));
  }
}
