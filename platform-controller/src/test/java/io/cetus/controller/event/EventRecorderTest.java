package io.cetus.controller.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecorderTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final FakeApiClient api = new FakeApiClient(clock);
  private final EventRecorder recorder =
      new EventRecorder(api.forType(Event.class), clock, "kubelet", "node-1");
  private final Pod pod =
      api.forType(Pod.class)
          .create(new Pod(null, null, ObjectMeta.named("default", "web"), null, null));

  @Test
  void eventAboutAContainerNamesItsFieldPathAndTheReportingHost() {
    recorder.normal(pod, "spec.containers{app}", "Started", "Started container app");

    Event event = events().getFirst();
    assertThat(event.involvedObject().name()).isEqualTo("web");
    assertThat(event.involvedObject().fieldPath()).isEqualTo("spec.containers{app}");
    assertThat(event.source().component()).isEqualTo("kubelet");
    assertThat(event.source().host()).isEqualTo("node-1");
    assertThat(event.type()).isEqualTo(Event.TYPE_NORMAL);
  }

  @Test
  void repeatedEventRaisesTheCountOfTheFirst() {
    recorder.warning(
        pod, "spec.containers{app}", "BackOff", "Back-off restarting failed container");
    recorder.warning(
        pod, "spec.containers{app}", "BackOff", "Back-off restarting failed container");

    assertThat(events()).hasSize(1);
    assertThat(events().getFirst().count()).isEqualTo(2);
  }

  private List<Event> events() {
    return api.forType(Event.class).list("default").items();
  }
}
