package io.cetus.serviceproxy.endpoints;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.json.Json;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.selector.Selector;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;

import static io.cetus.serviceproxy.endpoints.Fixtures.NAMESPACE;
import static io.cetus.serviceproxy.endpoints.Fixtures.NODE;
import static io.cetus.serviceproxy.endpoints.Fixtures.WEB;
import static io.cetus.serviceproxy.endpoints.Fixtures.containerPort;
import static io.cetus.serviceproxy.endpoints.Fixtures.phase;
import static io.cetus.serviceproxy.endpoints.Fixtures.pod;
import static io.cetus.serviceproxy.endpoints.Fixtures.port;
import static io.cetus.serviceproxy.endpoints.Fixtures.running;
import static io.cetus.serviceproxy.endpoints.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One reconcile at a time on an in-memory API server, judged by what the store holds. */
class EndpointsReconcilerTest {

  private final ReconcileHarness harness = new ReconcileHarness();
  private Instant now;

  @BeforeEach
  void start() throws InterruptedException {
    harness.start();
    now = harness.clock.instant();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void readyPodsGoToAddressesAndUnreadyOnesToNotReadyAddresses() throws Exception {
    harness.services.create(
        service("web", WEB, port(80, 8080))
            .withMetadata(ObjectMeta.named(NAMESPACE, "web").withLabels(Map.of("team", "blue"))));
    Pod a = harness.run(pod("a", WEB), running("10.242.0.5", true, now));
    Pod b = harness.run(pod("b", WEB), running("10.242.0.6", false, now));
    harness.run(pod("other", Map.of("app", "db")), running("10.242.0.7", true, now));

    assertThat(harness.reconcile("web")).isEqualTo(Result.DONE);

    Endpoints endpoints = harness.endpointsOf("web");
    assertThat(endpoints.subsets())
        .containsExactly(
            new EndpointSubset(
                List.of(address("10.242.0.5", a)),
                List.of(address("10.242.0.6", b)),
                List.of(new EndpointPort(null, 8080, "TCP", null))));
    assertThat(endpoints.metadata().labels()).isEqualTo(Map.of("team", "blue"));
    assertThat(endpoints.metadata().annotations())
        .containsEntry(EndpointsReconciler.TRIGGER_TIME, "2026-01-01T00:00:00Z");
    assertThat(endpoints.metadata().ownerReferences()).isEmpty();
  }

  @Test
  void aNamedTargetPortIsResolvedOnEachPod() throws Exception {
    harness.services.create(service("web", WEB, port("http", 80, IntOrString.of("http"))));
    Pod a = harness.run(pod("a", WEB, containerPort("http", 8080)), running("10.0.0.1", true, now));
    Pod b = harness.run(pod("b", WEB, containerPort("http", 9090)), running("10.0.0.2", true, now));

    harness.reconcile("web");

    assertThat(harness.endpointsOf("web").subsets())
        .containsExactly(
            new EndpointSubset(
                List.of(address("10.0.0.1", a)),
                List.of(),
                List.of(new EndpointPort("http", 8080, "TCP", null))),
            new EndpointSubset(
                List.of(address("10.0.0.2", b)),
                List.of(),
                List.of(new EndpointPort("http", 9090, "TCP", null))));
  }

  @Test
  void aPodWithoutTheNamedPortIsLeftOutOfThatPortOnly() throws Exception {
    harness.services.create(
        service(
            "web",
            WEB,
            port("http", 80, IntOrString.of("http")),
            new ServicePort("metrics", "TCP", "http", 9100, IntOrString.of(9100), null)));
    Pod named =
        harness.run(pod("named", WEB, containerPort("http", 8080)), running("10.0.0.1", true, now));
    Pod unnamed = harness.run(pod("unnamed", WEB), running("10.0.0.2", true, now));
    Pod udp =
        harness.run(
            pod("udp", WEB, containerPort("http", 8080, "UDP")), running("10.0.0.3", false, now));

    harness.reconcile("web");

    assertThat(harness.endpointsOf("web").subsets())
        .containsExactly(
            new EndpointSubset(
                List.of(address("10.0.0.1", named)),
                List.of(),
                List.of(new EndpointPort("http", 8080, "TCP", null))),
            new EndpointSubset(
                List.of(address("10.0.0.1", named), address("10.0.0.2", unnamed)),
                List.of(address("10.0.0.3", udp)),
                List.of(new EndpointPort("metrics", 9100, "TCP", "http"))));
  }

  @Test
  void terminatingFinishedAndAddresslessPodsAreLeftOut() throws Exception {
    harness.services.create(service("web", WEB, port(80, 8080)));
    Pod ready = harness.run(pod("ready", WEB), running("10.0.0.1", true, now));
    harness.run(pod("terminating", WEB), running("10.0.0.2", true, now));
    harness.pods.delete(NAMESPACE, "terminating"); // bound: it stays for its grace period
    harness.run(pod("succeeded", WEB), phase(PodStatus.SUCCEEDED, "10.0.0.3"));
    harness.run(pod("failed", WEB), phase(PodStatus.FAILED, "10.0.0.4"));
    harness.run(pod("pending", WEB), PodStatus.builder().phase(PodStatus.PENDING).build());
    assertThat(harness.pods.get(NAMESPACE, "terminating").orElseThrow().metadata().isBeingDeleted())
        .isTrue();

    harness.reconcile("web");

    assertThat(harness.endpointsOf("web").subsets())
        .containsExactly(
            new EndpointSubset(
                List.of(address("10.0.0.1", ready)),
                List.of(),
                List.of(new EndpointPort(null, 8080, "TCP", null))));
  }

  @Test
  void publishNotReadyAddressesListsUnreadyAndTerminatingPodsAsAddresses() throws Exception {
    Service web = service("web", WEB, port(80, 8080));
    harness.services.create(
        web.withSpec(web.spec().toBuilder().publishNotReadyAddresses(true).build()));
    Pod ready = harness.run(pod("ready", WEB), running("10.0.0.1", true, now));
    Pod unready = harness.run(pod("unready", WEB), running("10.0.0.2", false, now));
    harness.run(pod("terminating", WEB), running("10.0.0.3", false, now));
    harness.pods.delete(NAMESPACE, "terminating");
    Pod terminating = harness.pods.get(NAMESPACE, "terminating").orElseThrow();
    harness.run(pod("failed", WEB), phase(PodStatus.FAILED, "10.0.0.4"));

    harness.reconcile("web");

    assertThat(harness.endpointsOf("web").subsets())
        .containsExactly(
            new EndpointSubset(
                List.of(
                    address("10.0.0.1", ready),
                    address("10.0.0.2", unready),
                    address("10.0.0.3", terminating)),
                List.of(),
                List.of(new EndpointPort(null, 8080, "TCP", null))));
  }

  @Test
  void servicesWithoutASelectorAndExternalNamesKeepTheirHandWrittenEndpoints() throws Exception {
    harness.services.create(service("external", Map.of(), port(80, 80)));
    Service alias = service("alias", WEB, port(80, 80));
    harness.services.create(
        alias.withSpec(
            ServiceSpec.builder()
                .type(ServiceSpec.EXTERNAL_NAME)
                .externalName("example.com")
                .selector(WEB)
                .build()));
    harness.run(pod("a", WEB), running("10.0.0.1", true, now));
    Endpoints handWritten =
        harness.endpoints.create(
            new Endpoints(
                null,
                null,
                ObjectMeta.named(NAMESPACE, "external"),
                List.of(
                    new EndpointSubset(
                        List.of(new EndpointAddress("192.0.2.10", null, null, null)),
                        List.of(),
                        List.of(new EndpointPort(null, 80, "TCP", null))))));

    harness.reconcile("external");
    harness.reconcile("alias");

    assertThat(harness.endpointWrites.writes()).isEmpty();
    assertThat(harness.endpointsOf("external")).isEqualTo(handWritten);
    assertThat(harness.endpoints.get(NAMESPACE, "alias")).isEmpty();
  }

  @Test
  void aDeletedServiceTakesItsEndpointsAlong() throws Exception {
    harness.services.create(service("web", WEB, port(80, 8080)));
    harness.services.create(service("external", Map.of(), port(80, 80)));
    harness.endpoints.create(
        new Endpoints(null, null, ObjectMeta.named(NAMESPACE, "external"), List.of()));
    harness.run(pod("a", WEB), running("10.0.0.1", true, now));
    harness.reconcile("web");
    assertThat(harness.endpoints.get(NAMESPACE, "web")).isPresent();

    harness.services.delete(NAMESPACE, "web");
    harness.services.delete(NAMESPACE, "external");
    harness.reconcile("web");
    harness.reconcile("external");

    // as in Kubernetes: the Endpoints of a service go with it, whoever wrote them
    assertThat(harness.endpoints.list(NAMESPACE).items()).isEmpty();
    harness.endpointWrites.clear();
    harness.reconcile("web"); // gone already: nothing to do, nothing fails
    assertThat(harness.endpointWrites.writes()).containsExactly("delete default/web");
  }

  @Test
  void endpointsReplacedBehindTheCacheOfAGoneServiceAreLookedAtAgain() throws Exception {
    Endpoints stored =
        harness.endpoints.create(
            new Endpoints(null, null, ObjectMeta.named(NAMESPACE, "web"), List.of()));
    ObjectMeta m = stored.metadata();
    Endpoints earlier =
        stored.withMetadata(
            new ObjectMeta(
                m.name(),
                null,
                m.namespace(),
                "uid-of-an-earlier-one",
                "1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    harness.awaitCachesCaughtUp();
    EndpointsReconciler staleCache =
        new EndpointsReconciler(
            harness.serviceCache.lister(),
            harness.podCache.lister(),
            listerOf(earlier),
            harness.endpointWrites,
            new EventRecorder(harness.events, harness.clock, EndpointsController.COMPONENT));

    assertThat(staleCache.reconcile(new Request(NAMESPACE, "web")))
        .isEqualTo(Result.requeueIn(EndpointsReconciler.RACE_RETRY));
    assertThat(harness.endpoints.get(NAMESPACE, "web")).isPresent();

    assertThat(harness.reconcile("web")).isEqualTo(Result.DONE); // the cache shows the new one
    assertThat(harness.endpoints.get(NAMESPACE, "web")).isEmpty();
  }

  @Test
  void anUnchangedStateWritesNothing() throws Exception {
    harness.services.create(service("web", WEB, port(80, 8080)));
    Pod a = harness.run(pod("a", WEB), running("10.0.0.1", true, now));
    harness.run(pod("b", WEB), running("10.0.0.2", true, now));
    harness.reconcile("web");
    assertThat(harness.endpointWrites.writes()).containsExactly("create default/web");

    harness.reconcile("web");
    harness.pods.update(
        a.withMetadata(a.metadata().withAnnotations(Map.of("touched", "yes")))); // not shown
    harness.reconcile("web");
    assertThat(harness.endpointWrites.writes()).containsExactly("create default/web");

    a = harness.pods.get(NAMESPACE, "a").orElseThrow();
    harness.clock.advance(Duration.ofSeconds(5));
    harness.pods.updateStatus(a.withStatus(running("10.0.0.1", false, harness.clock.instant())));
    harness.reconcile("web");

    assertThat(harness.endpointWrites.writes())
        .containsExactly("create default/web", "update default/web");
    Endpoints endpoints = harness.endpointsOf("web");
    assertThat(endpoints.subsets().getFirst().notReadyAddresses())
        .extracting(EndpointAddress::ip)
        .containsExactly("10.0.0.1");
    assertThat(endpoints.metadata().annotations())
        .containsEntry(EndpointsReconciler.TRIGGER_TIME, "2026-01-01T00:00:05Z");
  }

  @Test
  void theSameStateAlwaysWritesTheSameBytes() throws Exception {
    harness.services.create(
        service(
            "web",
            WEB,
            port("http", 80, IntOrString.of("http")),
            port("admin", 81, IntOrString.of(9000))));
    for (int i = 20; i > 0; i--) {
      harness.run(
          pod("p" + i, WEB, containerPort("http", i % 3 == 0 ? 8080 : 8081)),
          running("10.0.0." + i, i % 4 != 0, now));
    }
    harness.reconcile("web");
    String first = content(harness.endpointsOf("web"));

    harness.endpoints.delete(NAMESPACE, "web");
    harness.reconcile("web");

    assertThat(content(harness.endpointsOf("web"))).isEqualTo(first);
    assertThat(harness.endpointsOf("web").subsets()).hasSize(3);
  }

  @Test
  void podsOfTheServicesSubdomainGetTheirHostname() throws Exception {
    harness.services.create(service("db", WEB, port(5432, 5432)));
    Pod named =
        harness.run(withHostname(pod("db-0", WEB), "db-0", "db"), running("10.0.0.1", true, now));
    Pod elsewhere =
        harness.run(
            withHostname(pod("db-1", WEB), "db-1", "other"), running("10.0.0.2", true, now));

    harness.reconcile("db");

    assertThat(harness.endpointsOf("db").subsets().getFirst().addresses())
        .containsExactly(
            new EndpointAddress("10.0.0.1", "db-0", NODE, reference(named)),
            new EndpointAddress("10.0.0.2", null, NODE, reference(elsewhere)));
  }

  @Test
  void aHeadlessServiceWithoutPortsListsAddressesAndIsLabelledHeadless() throws Exception {
    Service headless = service("db", WEB);
    harness.services.create(
        headless.withSpec(headless.spec().toBuilder().clusterIP("None").ports(List.of()).build()));
    Pod a = harness.run(pod("a", WEB), running("10.0.0.1", true, now));

    harness.reconcile("db");

    Endpoints endpoints = harness.endpointsOf("db");
    assertThat(endpoints.subsets())
        .containsExactly(new EndpointSubset(List.of(address("10.0.0.1", a)), List.of(), List.of()));
    assertThat(endpoints.metadata().labels())
        .isEqualTo(Map.of(EndpointsReconciler.HEADLESS_LABEL, ""));
  }

  @Test
  void endpointsWrittenByHandForASelectingServiceAreReplacedKeepingTheirAnnotations()
      throws Exception {
    harness.services.create(service("web", WEB, port(80, 8080)));
    harness.endpoints.create(
        new Endpoints(
            null,
            null,
            ObjectMeta.named(NAMESPACE, "web")
                .withLabels(Map.of("stale", "true"))
                .withAnnotations(Map.of("note", "kept")),
            List.of(
                new EndpointSubset(
                    List.of(new EndpointAddress("192.0.2.1", null, null, null)),
                    List.of(),
                    List.of(new EndpointPort(null, 80, "TCP", null))))));
    Pod a = harness.run(pod("a", WEB), running("10.0.0.1", true, now));

    harness.reconcile("web");

    Endpoints endpoints = harness.endpointsOf("web");
    assertThat(endpoints.subsets().getFirst().addresses()).containsExactly(address("10.0.0.1", a));
    assertThat(endpoints.metadata().labels()).isEmpty();
    assertThat(endpoints.metadata().annotations()).containsEntry("note", "kept");
  }

  @Test
  void aWriteThatLostARaceIsLookedAtAgainWithoutAnEvent() throws Exception {
    harness.services.create(service("web", WEB, port(80, 8080)));
    harness.run(pod("a", WEB), running("10.0.0.1", true, now));
    harness.api.failNextWrite(ApiException.alreadyExists("endpoints", "web"));

    assertThat(harness.reconcile("web"))
        .isEqualTo(Result.requeueIn(EndpointsReconciler.RACE_RETRY));
    assertThat(harness.reconcile("web")).isEqualTo(Result.DONE);

    assertThat(harness.endpoints.get(NAMESPACE, "web")).isPresent();
    assertThat(harness.events.list(NAMESPACE).items()).isEmpty();
  }

  @Test
  void aRefusedWriteIsRecordedAsAnEventAndRetried() throws Exception {
    harness.services.create(service("web", WEB, port(80, 8080)));
    harness.run(pod("a", WEB), running("10.0.0.1", true, now));
    harness.api.failNextWrite(new ApiException(Reason.INTERNAL_ERROR, "disk on fire"));

    assertThatThrownBy(() -> harness.reconcile("web")).isInstanceOf(ApiException.class);

    assertThat(harness.events.list(NAMESPACE).items())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(Event.TYPE_WARNING);
              assertThat(event.reason()).isEqualTo(EndpointsReconciler.FAILED_TO_CREATE);
              assertThat(event.message())
                  .isEqualTo("Failed to create endpoint for service default/web: disk on fire");
              assertThat(event.involvedObject().kind()).isEqualTo("Endpoints");
            });
    assertThat(harness.reconcile("web")).isEqualTo(Result.DONE);
    assertThat(harness.endpoints.get(NAMESPACE, "web")).isPresent();
  }

  private static Lister<Endpoints> listerOf(Endpoints only) {
    return new Lister<>() {
      @Override
      public Optional<Endpoints> get(@Nullable String namespace, String name) {
        return Optional.of(only).filter(e -> name.equals(e.metadata().name()));
      }

      @Override
      public List<Endpoints> list(@Nullable String namespace) {
        return List.of(only);
      }

      @Override
      public List<Endpoints> list(@Nullable String namespace, Selector selector) {
        return List.of(only);
      }

      @Override
      public List<Endpoints> list() {
        return List.of(only);
      }
    };
  }

  private static Pod withHostname(Pod pod, String hostname, String subdomain) {
    return pod.withSpec(pod.spec().toBuilder().hostname(hostname).subdomain(subdomain).build());
  }

  private static EndpointAddress address(String ip, Pod pod) {
    return new EndpointAddress(ip, null, NODE, reference(pod));
  }

  private static ObjectReference reference(Pod pod) {
    return new ObjectReference(
        "Pod", NAMESPACE, pod.metadata().name(), pod.metadata().uid(), null, null, null);
  }

  /** What the controller decides: subsets, labels and annotations, as JSON. */
  private static String content(Endpoints endpoints) {
    return Json.mapper()
        .writeValueAsString(
            List.of(
                endpoints.subsets(),
                endpoints.metadata().labels(),
                endpoints.metadata().annotations()));
  }
}
