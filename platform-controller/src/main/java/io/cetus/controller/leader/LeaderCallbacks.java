package io.cetus.controller.leader;

/**
 * Told when this process gains and loses leadership. Callbacks run in order on the elector's
 * callback thread, never concurrently; lease renewal goes on meanwhile on another thread.
 */
public interface LeaderCallbacks {

  /** This process now holds the lease: start working. */
  void onStartedLeading();

  /**
   * This process no longer holds the lease (lost, or released on close): stop working at once,
   * since another replica may already have started. Kubernetes components exit here; a process that
   * stays up must make sure nothing of the old term keeps writing.
   */
  void onStoppedLeading();
}
