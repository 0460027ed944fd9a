package io.cetus.objectstore.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.StoreList;

import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds the allocation state from the stored Services, as Kubernetes' repair controllers for
 * cluster IPs and node ports do: at start (before the web server opens) and every {@code
 * platform.object-store.allocation-repair-interval}.
 *
 * <ul>
 *   <li>A value a Service uses but the state lacks (Redis lost it, or the Service predates
 *       allocation) is claimed again at once.
 *   <li>A value claimed but used by no Service (a store that crashed between claiming and writing,
 *       or between deleting and giving back) is given back once {@value #PASSES_BEFORE_RELEASE}
 *       passes in a row found it unused, so a create that has claimed and not yet written is never
 *       robbed.
 *   <li>A claim outside the configured range (the range changed) is given back at once.
 * </ul>
 *
 * The claimed values are read before the Services are listed, so a write racing with the pass can
 * only make it keep a value longer, never give away one in use. Several store replicas may each run
 * it; each pass is idempotent. Works on one background thread; a failed pass is retried within 10
 * s.
 */
@Component
public class AllocationRepair implements SmartLifecycle {

  static final int PASSES_BEFORE_RELEASE = 3;

  private static final Logger log = LoggerFactory.getLogger(AllocationRepair.class);
  private static final int PAGE_SIZE = 500;
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

  private final ObjectStore store;
  private final ClusterIpAllocator clusterIps;
  private final NodePortAllocator nodePorts;
  private final Duration interval;

  /** Per value, how many passes in a row found it claimed and unused. */
  private final Map<String, Integer> unusedIps = new HashMap<>();

  private final Map<String, Integer> unusedPorts = new HashMap<>();
  private @Nullable ScheduledExecutorService executor;
  private volatile boolean running;
  private boolean firstPass = true;

  AllocationRepair(
      ObjectStore store,
      ClusterIpAllocator clusterIps,
      NodePortAllocator nodePorts,
      ServiceNetworkProperties properties) {
    this.store = store;
    this.clusterIps = clusterIps;
    this.nodePorts = nodePorts;
    this.interval = properties.allocationRepairInterval();
  }

  @Override
  public synchronized void start() {
    Duration next = interval;
    try {
      repair();
    } catch (RuntimeException e) {
      log.warn("could not repair the service allocations yet; retrying in the background", e);
      next = retryDelay();
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("cetus-allocation-repair").unstarted(task));
    running = true;
    scheduleIn(next);
  }

  /** Early, so that the state is whole before the web server opens (as for the namespaces). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public synchronized void stop() {
    running = false;
    ScheduledExecutorService worker = executor;
    if (worker != null) {
      worker.shutdownNow();
    }
    executor = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * One pass over every Service; for tests and operators too.
   *
   * @return what it changed
   */
  synchronized Report repair() {
    Set<String> claimedIps = clusterIps.claimed();
    Set<String> claimedPorts = nodePorts.claimed();
    Map<String, String> ipsInUse = new HashMap<>();
    Map<String, String> portsInUse = new HashMap<>();
    List<String> outsideRange = new ArrayList<>();
    String continueAfter = null;
    do {
      StoreList page = store.list(ResourceTypes.SERVICES, null, continueAfter, PAGE_SIZE);
      for (ObjectNode service : page.items()) {
        ObjectNode spec = ServiceSpecs.spec(service);
        if (spec == null) {
          continue;
        }
        String who =
            service.at("/metadata/namespace").asString("")
                + "/"
                + service.at("/metadata/name").asString("");
        for (String ip : ServiceSpecs.heldClusterIps(spec)) {
          use(clusterIps, ip, who, ipsInUse, outsideRange);
        }
        for (int port : ServiceSpecs.heldNodePorts(spec)) {
          use(nodePorts, Integer.toString(port), who, portsInUse, outsideRange);
        }
      }
      continueAfter = page.continueAfter();
    } while (continueAfter != null);
    if (!outsideRange.isEmpty()) {
      String message = "services use addresses outside the configured ranges (not tracked): {}";
      if (firstPass) {
        log.warn(message, outsideRange);
      } else {
        log.debug(message, outsideRange);
      }
    }
    firstPass = false;
    PoolChanges ips = repair(clusterIps, claimedIps, ipsInUse.keySet(), unusedIps);
    PoolChanges ports = repair(nodePorts, claimedPorts, portsInUse.keySet(), unusedPorts);
    return new Report(ips.restored(), ips.released(), ports.restored(), ports.released());
  }

  private static void use(
      RangeAllocator allocator,
      String value,
      String who,
      Map<String, String> inUse,
      List<String> outsideRange) {
    if (!allocator.inRange(value)) {
      outsideRange.add(who + " " + value);
      return;
    }
    String other = inUse.putIfAbsent(value, who);
    if (other != null && !other.equals(who)) {
      log.warn("{} {} is used by both {} and {}", allocator.pool(), value, other, who);
    }
  }

  private static PoolChanges repair(
      RangeAllocator allocator,
      Set<String> claimed,
      Set<String> inUse,
      Map<String, Integer> unused) {
    List<String> missing =
        inUse.stream().filter(value -> !claimed.contains(value)).sorted().toList();
    if (!missing.isEmpty()) {
      allocator.claimAll(missing);
      log.warn(
          "{}: claimed again what services use but the allocation state lacked: {}",
          allocator,
          missing);
    }
    List<String> released = new ArrayList<>();
    Map<String, Integer> stillUnused = new HashMap<>();
    for (String value : claimed) {
      if (inUse.contains(value)) {
        continue;
      }
      int passes = unused.getOrDefault(value, 0) + 1;
      if (!allocator.inRange(value) || passes >= PASSES_BEFORE_RELEASE) {
        released.add(value);
      } else {
        stillUnused.put(value, passes);
      }
    }
    unused.clear();
    unused.putAll(stillUnused);
    if (!released.isEmpty()) {
      released.sort(null);
      allocator.release(released);
      log.info("{}: gave back what no service uses: {}", allocator, released);
    }
    return new PoolChanges(missing, List.copyOf(released));
  }

  private void scheduledPass() {
    Duration next = interval;
    try {
      repair();
    } catch (RuntimeException e) {
      log.warn("repairing the service allocations failed; retrying soon", e);
      next = retryDelay();
    }
    scheduleIn(next);
  }

  private synchronized void scheduleIn(Duration delay) {
    ScheduledExecutorService worker = executor;
    if (!running || worker == null) {
      return;
    }
    try {
      worker.schedule(this::scheduledPass, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopped meanwhile
    }
  }

  private Duration retryDelay() {
    return interval.compareTo(RETRY_AFTER_FAILURE) < 0 ? interval : RETRY_AFTER_FAILURE;
  }

  /** What one pass changed, per pool: values claimed again and values given back. */
  record Report(
      List<String> restoredIps,
      List<String> releasedIps,
      List<String> restoredPorts,
      List<String> releasedPorts) {}

  private record PoolChanges(List<String> restored, List<String> released) {}
}
