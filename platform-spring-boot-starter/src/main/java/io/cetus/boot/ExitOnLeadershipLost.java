package io.cetus.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the application context and exits the JVM with status 1, so the supervisor (docker
 * compose's restart policy, {@code cetus up}, Kubernetes) starts a fresh replica that campaigns
 * again, as Kubernetes' own controller managers do. Resuming in the same process would need fresh
 * informers and queues (they cannot restart) and would risk in-flight work of the old term writing
 * after another replica took over; a clean process start rules both out.
 */
public final class ExitOnLeadershipLost implements LeadershipLostAction {

  private final ConfigurableApplicationContext context;

  public ExitOnLeadershipLost(ConfigurableApplicationContext context) {
    this.context = context;
  }

  @Override
  public void onLeadershipLost() {
    // Not on the elector's thread: closing the context waits for that thread to finish.
    Thread exit =
        new Thread(
            () -> System.exit(SpringApplication.exit(context, () -> 1)), "leadership-lost-exit");
    exit.start();
  }
}
