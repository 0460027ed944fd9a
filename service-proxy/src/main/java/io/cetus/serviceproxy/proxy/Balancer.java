package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the endpoints of one service port for new connections: round robin, or with {@code
 * ClientIP} affinity the endpoint a client last connected to, as long as that endpoint is still
 * ready and the client used it within the affinity timeout. Endpoints are replaced as a whole by
 * {@link #update}; connections already made are not affected (they drain). Thread-safe: the
 * reconciler updates, event loops choose.
 */
final class Balancer {

  private static final int PURGE_EVERY = 1024;

  private final Clock clock;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger choices = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Sticky> sticky = new ConcurrentHashMap<>();
  private volatile List<InetSocketAddress> endpoints = List.of();
  private volatile SessionAffinity affinity = SessionAffinity.NONE;

  Balancer(Clock clock) {
    this.clock = clock;
  }

  /** Replaces the ready endpoints; affinities to endpoints that are gone are forgotten. */
  void update(List<InetSocketAddress> ready, SessionAffinity newAffinity) {
    endpoints = List.copyOf(ready);
    affinity = newAffinity;
    if (!newAffinity.clientIp()) {
      sticky.clear();
    } else {
      Set<InetSocketAddress> live = new HashSet<>(ready);
      sticky.values().removeIf(entry -> !live.contains(entry.endpoint()));
    }
  }

  List<InetSocketAddress> endpoints() {
    return endpoints;
  }

  /**
   * Every ready endpoint, in the order to try them for a new connection from {@code client}: the
   * client's affine endpoint first if it has one, then round robin from the next endpoint in turn.
   * Empty when there is none.
   */
  List<InetSocketAddress> candidates(InetAddress client) {
    List<InetSocketAddress> current = endpoints;
    int count = current.size();
    if (count == 0) {
      return List.of();
    }
    InetSocketAddress preferred = affine(client, current);
    List<InetSocketAddress> order = new ArrayList<>(count);
    int start = 0;
    if (preferred != null) {
      order.add(preferred);
    } else {
      start = Math.floorMod(next.getAndIncrement(), count);
    }
    for (int i = 0; i < count; i++) {
      InetSocketAddress endpoint = current.get((start + i) % count);
      if (!endpoint.equals(preferred)) {
        order.add(endpoint);
      }
    }
    return order;
  }

  /** Records that {@code client} is now connected to {@code endpoint}. */
  void connected(InetAddress client, InetSocketAddress endpoint) {
    if (affinity.clientIp()) {
      sticky.put(client, new Sticky(endpoint, clock.millis()));
    }
  }

  private @Nullable InetSocketAddress affine(InetAddress client, List<InetSocketAddress> current) {
    SessionAffinity settings = affinity;
    if (!settings.clientIp()) {
      return null;
    }
    long now = clock.millis();
    long timeout = settings.timeout().toMillis();
    if (choices.incrementAndGet() % PURGE_EVERY == 0) {
      sticky.values().removeIf(entry -> now - entry.lastUsedMillis() >= timeout);
    }
    Sticky entry = sticky.get(client);
    if (entry == null
        || now - entry.lastUsedMillis() >= timeout
        || !current.contains(entry.endpoint())) {
      return null;
    }
    return entry.endpoint();
  }

  private record Sticky(InetSocketAddress endpoint, long lastUsedMillis) {}
}
