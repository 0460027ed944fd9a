package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cetus.nodeagent.probe.ProbeScheduler;

/** Runs probe workers only when the test ticks it, ignoring delays and periods. */
final class ManualProbeScheduler implements ProbeScheduler {

  private final List<Runnable> tasks = new CopyOnWriteArrayList<>();

  @Override
  public Runnable schedule(Runnable task, Duration initialDelay, Duration period) {
    tasks.add(task);
    return () -> tasks.remove(task);
  }

  /** Runs every scheduled worker once. */
  void tick() {
    tasks.forEach(Runnable::run);
  }

  int scheduled() {
    return tasks.size();
  }
}
