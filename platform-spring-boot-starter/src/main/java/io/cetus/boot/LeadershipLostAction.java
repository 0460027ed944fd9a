package io.cetus.boot;

/**
 * What a service does after it lost leadership while running, once its controllers have stopped.
 * The default, {@link ExitOnLeadershipLost}, exits the JVM; define a bean of this type to do
 * otherwise. Not called when leadership ends because the service itself shuts down.
 */
@FunctionalInterface
public interface LeadershipLostAction {

  /** Runs on the leader elector's callback thread; must not block. */
  void onLeadershipLost();
}
