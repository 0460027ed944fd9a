package io.cetus.nodeagent.runtime;

/**
 * What a runtime can do beyond start, stop and inspect (Nomad's {@code Capabilities}). Callers
 * check a flag before using the matching feature, and report its absence instead of failing.
 *
 * @param exec commands can run inside a running container
 * @param execStdin an exec can read the caller's stdin, and sees end-of-file when it is closed
 * @param execTty an exec can run on a terminal
 * @param logs container output can be read and followed
 * @param attach a caller can connect to a running container's main process: its live output, and
 *     its stdin if the container was created with stdin open
 * @param sharedNetworkNamespace a container can join another's network namespace
 * @param portPublishing container ports can be published on the node
 * @param memoryLimits memory limits are enforced, and exceeding one is reported as OOM-killed
 * @param cpuLimits CPU limits and shares are enforced
 * @param init an init process can forward signals and reap zombies
 */
public record RuntimeCapabilities(
    boolean exec,
    boolean execStdin,
    boolean execTty,
    boolean logs,
    boolean attach,
    boolean sharedNetworkNamespace,
    boolean portPublishing,
    boolean memoryLimits,
    boolean cpuLimits,
    boolean init) {

  /** Every capability. */
  public static RuntimeCapabilities all() {
    return new RuntimeCapabilities(true, true, true, true, true, true, true, true, true, true);
  }
}
