package io.cetus.nodeagent.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class QueueInputStreamTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readerGetsPushedChunksThenEndOfStream() throws IOException {
    QueueInputStream stream = new QueueInputStream(8, 0, () -> {});
    stream.push(bytes("hello "));
    stream.push(bytes("world"));
    stream.finish();

    assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
  }

  @Test
  void limitEndsTheStreamAndStopsTheProducer() throws IOException {
    AtomicInteger stops = new AtomicInteger();
    QueueInputStream stream = new QueueInputStream(8, 7, stops::incrementAndGet);
    stream.push(bytes("hello "));
    stream.push(bytes("world"));

    assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello w");
    assertThat(stops).hasValue(1);
    assertThat(stream.push(bytes("more"))).isFalse();
    stream.close();
    assertThat(stops).hasValue(1);
  }

  @Test
  void failureReachesTheReaderAfterQueuedData() throws IOException {
    QueueInputStream stream = new QueueInputStream(8, 0, () -> {});
    stream.push(bytes("partial"));
    stream.fail(new IOException("broken"));

    byte[] buffer = new byte[7];
    assertThat(stream.read(buffer)).isEqualTo(7);
    assertThatThrownBy(stream::read).isInstanceOf(IOException.class).hasMessage("broken");
  }

  @Test
  void fullQueueBlocksTheProducerUntilTheReaderCatchesUp() throws IOException {
    QueueInputStream stream = new QueueInputStream(1, 0, () -> {});
    stream.push(bytes("a"));
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return stream.push(bytes("b"));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(stream.read()).isEqualTo('a');
    await().until(second::isDone);
    assertThat(second.join()).isTrue();
    assertThat(stream.read()).isEqualTo('b');
  }

  @Test
  void closeByTheReaderReleasesABlockedProducer() {
    AtomicInteger stops = new AtomicInteger();
    QueueInputStream stream = new QueueInputStream(1, 0, stops::incrementAndGet);
    CompletableFuture<Boolean> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                stream.push(bytes("a"));
                return stream.push(bytes("b"));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    stream.close();

    await().until(blocked::isDone);
    assertThat(blocked.join()).isFalse();
    assertThat(stops).hasValue(1);
  }
}
