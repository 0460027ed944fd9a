package io.cetus.testsupport.client;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.WatchStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeListerWatcherTest {

  private final FakeListerWatcher<ConfigMap> source = new FakeListerWatcher<>(ConfigMap.class);

  @Test
  void everyChangeGetsTheNextRevision() {
    ConfigMap first = source.add(configMap("a"));
    ConfigMap second = source.modify(first.withData(Map.of("k", "v")));

    assertThat(first.metadata().resourceVersion()).isEqualTo("1");
    assertThat(second.metadata().resourceVersion()).isEqualTo("2");
    assertThat(source.list().items()).containsExactly(second);
    assertThat(source.list().resourceVersion()).isEqualTo("2");
  }

  @Test
  void watchReplaysTheChangesAfterItsRevisionThenFollowsLiveOnes() {
    ConfigMap a = source.add(configMap("a"));
    ConfigMap b = source.add(configMap("b"));

    try (WatchStream<ConfigMap> watch = source.watch(a.metadata().resourceVersion())) {
      source.delete("ns", "a");

      assertThat(watch.next()).contains(new WatchEvent<>(WatchEvent.ADDED, b));
      WatchEvent<ConfigMap> deleted = watch.next().orElseThrow();
      assertThat(deleted.type()).isEqualTo(WatchEvent.DELETED);
      assertThat(deleted.object().metadata().resourceVersion()).isEqualTo("3");
    }
  }

  @Test
  void watchFromBeforeTheCompactionFailsWithExpired() {
    source.add(configMap("a"));
    source.add(configMap("b"));

    source.compact();

    assertThatThrownBy(() -> source.watch("1"))
        .satisfies(e -> assertThat(ApiErrors.isGone(e)).isTrue());
    source.watch("2").close();
  }

  @Test
  void droppedWatchesEnd() {
    WatchStream<ConfigMap> watch = source.watch("0");

    source.dropWatches();

    assertThat(watch.next()).isEmpty();
    assertThat(source.openWatches()).isZero();
  }

  @Test
  void failedListFailsOnceThenAnswers() {
    source.failNextList(new ApiException(Reason.SERVICE_UNAVAILABLE, "down"));

    assertThatThrownBy(source::list).isInstanceOf(ApiException.class);
    assertThat(source.list().items()).isEmpty();
    assertThat(source.lists()).isEqualTo(2);
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMap(null, null, ObjectMeta.named("ns", name), null, Map.of(), null);
  }
}
