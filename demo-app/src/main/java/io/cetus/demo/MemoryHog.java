package io.cetus.demo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Retains memory on request, to simulate a leak.
 *
 * <p>Memory is taken off the Java heap, in direct buffers of one MiB with every page written, so
 * the process's resident set really grows and a container's memory limit (not the JVM's heap limit)
 * is what stops it: a leaking container is OOM-killed rather than throwing {@link
 * OutOfMemoryError}. The JVM caps direct memory at the heap size unless {@code
 * -XX:MaxDirectMemorySize} raises it, which the demo image does; when the cap is hit, {@link
 * #allocate} keeps what it got and reports the failure.
 *
 * <p>Thread-safe.
 */
final class MemoryHog {

  static final int MIB = 1 << 20;
  private static final int PAGE = 4096;

  private final List<ByteBuffer> retained = new ArrayList<>();
  private final ScheduledExecutorService scheduler;
  private @Nullable ScheduledFuture<?> leak;
  private int leakMibPerSecond;

  MemoryHog(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Retains {@code mib} more MiB.
   *
   * @throws OutOfMemoryError when the JVM refuses more direct memory; what was allocated before
   *     stays retained
   */
  synchronized void allocate(int mib) {
    for (int i = 0; i < mib; i++) {
      ByteBuffer chunk = ByteBuffer.allocateDirect(MIB);
      for (int offset = 0; offset < MIB; offset += PAGE) {
        chunk.put(offset, (byte) 1);
      }
      retained.add(chunk);
    }
  }

  /** Retains {@code mibPerSecond} more MiB every second from now on; 0 stops leaking. */
  synchronized void leak(int mibPerSecond) {
    stopLeaking();
    if (mibPerSecond > 0) {
      leakMibPerSecond = mibPerSecond;
      leak = scheduler.scheduleAtFixedRate(() -> leakOnce(mibPerSecond), 0, 1, TimeUnit.SECONDS);
    }
  }

  /** Stops leaking and releases everything retained. */
  synchronized void free() {
    stopLeaking();
    retained.clear();
    // Direct buffers are released by the collector; ask for it so the resident set shrinks now.
    System.gc();
  }

  synchronized int retainedMib() {
    return retained.size();
  }

  synchronized int leakMibPerSecond() {
    return leakMibPerSecond;
  }

  private void leakOnce(int mib) {
    try {
      allocate(mib);
    } catch (OutOfMemoryError e) {
      // A real leak keeps trying too; the next tick may find memory freed by the collector.
    }
  }

  private void stopLeaking() {
    if (leak != null) {
      leak.cancel(false);
      leak = null;
    }
    leakMibPerSecond = 0;
  }
}
