package io.cetus.objectstore.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.objectstore.store.memory.InMemoryObjectStore;
import io.cetus.testsupport.time.MutableClock;

import static io.cetus.api.resource.ResourceTypes.CONFIG_MAPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionCompactorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock, Duration.ofHours(1));
  private final RevisionCompactor compactor =
      new RevisionCompactor(store, clock, Duration.ofMinutes(5));

  @Test
  void compactsToTheRevisionNotedWatchHistoryAgo() {
    long noted = write("0");
    compactor.tick();
    for (int minute = 1; minute < 5; minute++) {
      clock.advance(Duration.ofMinutes(1));
      write(Integer.toString(minute));
      compactor.tick();
      assertThat(store.compactedRevision()).isZero();
    }

    clock.advance(Duration.ofMinutes(1));
    write("5");
    compactor.tick();

    assertThat(store.compactedRevision()).isEqualTo(noted);
    assertThatThrownBy(() -> store.watch(CONFIG_MAPS, null, noted - 1, new RecordingListener()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    store.watch(CONFIG_MAPS, null, noted, new RecordingListener()).close();
  }

  @Test
  void keepsEverythingWhileNoRevisionIsOldEnough() {
    write("0");
    compactor.tick();
    clock.advance(Duration.ofMinutes(4));
    write("1");

    assertThat(compactor.tick()).isZero();
    assertThat(store.compactedRevision()).isZero();
  }

  private long write(String value) {
    if (store.get(CONFIG_MAPS, "default", "cm").isEmpty()) {
      return ObjectStoreContract.revision(
          store.create(CONFIG_MAPS, ObjectStoreContract.configMap("default", "cm", value)));
    }
    return ObjectStoreContract.revision(
        store.update(CONFIG_MAPS, ObjectStoreContract.configMap("default", "cm", value), null));
  }
}
