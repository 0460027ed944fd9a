package io.cetus.testsupport.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Processes a test JVM starts (Redis, the platform's services): none outlives the JVM, and each is
 * asked to stop before it is killed.
 */
public final class ChildProcesses {

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private ChildProcesses() {}

  /**
   * Kills {@code process} when this JVM exits, should a test never close it.
   *
   * @return the hook, for {@link #stop}
   */
  public static Thread killOnExit(Process process, String name) {
    Thread hook = new Thread(process::destroyForcibly, name + "-reaper");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /**
   * Asks {@code process} to stop (SIGTERM), waits up to {@code grace} for it to exit, then kills
   * it, and drops its exit hook.
   */
  public static void stop(Process process, Duration grace, Thread killOnExit) {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
