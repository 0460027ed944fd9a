package io.cetus.boot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.cetus.client.informer.SharedInformer;

/**
 * Reports whether this replica does its job: {@code UP} while it waits as a standby or leads with
 * synced informers and running controllers; {@code OUT_OF_SERVICE} while it leads but its informers
 * have not synced yet (the object store is slow or unreachable), or once it has stopped. Details
 * name the role, the identity and each informer's sync state.
 */
public final class ControllersHealthIndicator implements HealthIndicator {

  private final ControllerLifecycle lifecycle;

  public ControllersHealthIndicator(ControllerLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Health health() {
    Map<String, Boolean> synced = new LinkedHashMap<>();
    for (SharedInformer<?> informer : lifecycle.informers().informers()) {
      synced.put(informer.toString(), informer.hasSynced());
    }
    boolean leading = lifecycle.leading();
    Health.Builder health;
    if (!lifecycle.isRunning()) {
      health = Health.status(Status.OUT_OF_SERVICE);
    } else if (!leading || lifecycle.controllersStarted()) {
      health = Health.up();
    } else {
      health = Health.status(Status.OUT_OF_SERVICE).withDetail("waitingFor", "informers to sync");
    }
    health
        .withDetail("role", leading ? "leader" : "standby")
        .withDetail("controllers", lifecycle.controllers().size())
        .withDetail("informersSynced", synced);
    if (lifecycle.identity() != null) {
      health.withDetail("identity", lifecycle.identity());
    }
    return health.build();
  }
}
