package io.cetus.replication;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.Event;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.client.PatchType;

import static io.cetus.replication.Fixtures.NAMESPACE;
import static io.cetus.replication.Fixtures.WEB;
import static io.cetus.replication.Fixtures.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The events a replica set gets as its pods are created and deleted, as Kubernetes records them.
 */
class ReplicaSetEventsTest {

  private final ReconcileHarness harness = new ReconcileHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void eachCreatedAndDeletedPodIsRecordedOnTheReplicaSet() throws Exception {
    harness.replicaSets.create(replicaSet("web", 2, WEB));
    harness.start();

    harness.reconcile("web");

    List<String> created = podNames();
    assertThat(created).hasSize(2);
    assertThat(events("SuccessfulCreate"))
        .extracting(Event::message)
        .containsExactlyInAnyOrder(
            "Created pod: " + created.get(0), "Created pod: " + created.get(1));
    assertThat(events("SuccessfulCreate"))
        .allSatisfy(
            event -> {
              assertThat(event.type()).isEqualTo(Event.TYPE_NORMAL);
              assertThat(event.involvedObject().kind()).isEqualTo("ReplicaSet");
              assertThat(event.involvedObject().name()).isEqualTo("web");
              assertThat(event.source().component()).isEqualTo("replicaset-controller");
            });

    harness.replicaSets.patch(NAMESPACE, "web", PatchType.MERGE, "{\"spec\":{\"replicas\":1}}");
    harness.awaitCachesCaughtUp();
    harness.reconcile("web");

    List<String> left = podNames();
    assertThat(left).hasSize(1);
    List<String> deleted = created.stream().filter(name -> !left.contains(name)).toList();
    assertThat(events("SuccessfulDelete"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.message()).isEqualTo("Deleted pod: " + deleted.getFirst());
              assertThat(event.type()).isEqualTo(Event.TYPE_NORMAL);
            });
  }

  @Test
  void aRefusedCreateIsAWarning() throws Exception {
    harness.replicaSets.create(replicaSet("web", 1, WEB));
    harness.start();
    ApiException refusal =
        new ApiException(Reason.FORBIDDEN, "pods \"web-x7k2p\" is forbidden: exceeded quota");
    harness.api.failNextWrite(refusal);

    assertThatThrownBy(() -> harness.reconcile("web")).isSameAs(refusal);

    assertThat(events("FailedCreate"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(Event.TYPE_WARNING);
              assertThat(event.message()).startsWith("Error creating: ").contains("exceeded quota");
            });
    assertThat(events("SuccessfulCreate")).isEmpty();
  }

  private List<Event> events(String reason) {
    return harness.events.list(NAMESPACE).items().stream()
        .filter(event -> reason.equals(event.reason()))
        .toList();
  }

  private List<String> podNames() {
    return harness.pods.list(NAMESPACE).items().stream()
        .map(pod -> pod.metadata().name())
        .sorted()
        .toList();
  }
}
