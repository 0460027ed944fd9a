package io.cetus.controller.leader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Elects one leader among the processes that share a name, through a lease in Redis: the key {@code
 * {cetus}:lease:<name>} holds the leader's identity and expires after the lease time.
 *
 * <pre>
 *   follower ──SET NX PX ttl succeeds──► leader ──renew (compare-and-PEXPIRE) every ttl/3──┐
 *      ▲  └─ retry every ttl/3               │  ▲                                         │
 *      │                                     │  └─────────────── renewed ─────────────────┘
 *      └── onStoppedLeading ◄── key no longer ours, or no renewal for 2/3 of ttl
 *   close(): release (compare-and-DEL) if leading, then onStoppedLeading
 * </pre>
 *
 * A leader steps down before its lease can expire (two thirds of the lease time without a
 * successful renewal), so two leaders never overlap as long as clocks advance at the same rate.
 * Identities must be unique per process (host name plus a random suffix, say).
 */
public final class RedisLeaderElector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisLeaderElector.class);
  private static final String RENEW = script("renew.lua");
  private static final String RELEASE = script("release.lua");

  private final RedisClient redis;
  private final String key;
  private final String name;
  private final String identity;
  private final Duration ttl;
  private final Duration retryPeriod;
  private final LeaderCallbacks callbacks;
  private final Clock clock;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ExecutorService callbackThread;
  private final Thread loop;
  private volatile @Nullable StatefulRedisConnection<String, String> connection;
  private volatile boolean leading;
  private long lastRenewMillis;

  /**
   * @param name what is led, e.g. {@code replication-service}; names the key
   * @param identity this process; stored in the key while it leads
   * @param ttl the lease time: how long a dead leader blocks the others at most
   */
  public RedisLeaderElector(
      RedisClient redis,
      String name,
      String identity,
      Duration ttl,
      LeaderCallbacks callbacks,
      Clock clock) {
    if (ttl.toMillis() < 3) {
      throw new IllegalArgumentException("lease time too short: " + ttl);
    }
    this.redis = redis;
    this.name = name;
    this.key = "{cetus}:lease:" + name;
    this.identity = Objects.requireNonNull(identity);
    this.ttl = ttl;
    this.retryPeriod = ttl.dividedBy(3);
    this.callbacks = callbacks;
    this.clock = clock;
    this.callbackThread =
        Executors.newSingleThreadExecutor(
            runnable -> daemon(runnable, "leader-" + name + "-callbacks"));
    this.loop = daemon(this::run, "leader-" + name);
  }

  public RedisLeaderElector(
      RedisClient redis, String name, String identity, Duration ttl, LeaderCallbacks callbacks) {
    this(redis, name, identity, ttl, callbacks, Clock.systemUTC());
  }

  /** Starts competing for the lease in the background. */
  public synchronized void start() {
    if (connection != null) {
      return;
    }
    connection = redis.connect();
    loop.start();
  }

  /** Whether this process holds the lease, as far as it knows. */
  public boolean isLeader() {
    return leading;
  }

  /** The identity in the lease now, if anyone holds it. */
  public Optional<String> currentLeader() {
    return Optional.ofNullable(commands().get(key));
  }

  /** Stops competing; releases the lease if this process holds it, then tells the callbacks. */
  @Override
  public void close() {
    closed.countDown();
    if (loop.isAlive()) {
      try {
        loop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    callbackThread.shutdown();
    try {
      callbackThread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private void run() {
    do {
      try {
        if (leading) {
          renew();
        } else {
          tryAcquire();
        }
      } catch (RuntimeException e) {
        log.warn("Leader election {}: {}", name, e.toString());
        if (leading && heldTooLongWithoutRenewal()) {
          stepDown("no renewal for " + millisSinceRenewal() + " ms");
        }
      }
    } while (!awaitClose(retryPeriod));
    if (leading) {
      release();
      stepDown("closed");
    }
  }

  private void tryAcquire() {
    String answer = commands().set(key, identity, SetArgs.Builder.nx().px(ttl.toMillis()));
    // A lease that is already ours (we stepped down while it survived) is taken over by renewing.
    if ("OK".equals(answer) || renewed()) {
      lastRenewMillis = clock.millis();
      leading = true;
      log.info("Leader election {}: {} is now the leader", name, identity);
      callbackThread.execute(callbacks::onStartedLeading);
    }
  }

  private void renew() {
    if (renewed()) {
      lastRenewMillis = clock.millis();
    } else {
      stepDown("the lease is held by " + currentLeaderQuietly());
    }
  }

  private boolean renewed() {
    Long answer =
        commands()
            .eval(
                RENEW,
                ScriptOutputType.INTEGER,
                new String[] {key},
                identity,
                String.valueOf(ttl.toMillis()));
    return answer != null && answer == 1L;
  }

  private void release() {
    try {
      commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, identity);
    } catch (RedisException e) {
      log.warn("Leader election {}: could not release the lease; it expires in {}", name, ttl);
    }
  }

  private void stepDown(String why) {
    leading = false;
    log.warn("Leader election {}: {} stopped leading: {}", name, identity, why);
    callbackThread.execute(callbacks::onStoppedLeading);
  }

  private boolean heldTooLongWithoutRenewal() {
    return millisSinceRenewal() >= ttl.toMillis() * 2 / 3;
  }

  private long millisSinceRenewal() {
    return clock.millis() - lastRenewMillis;
  }

  private String currentLeaderQuietly() {
    try {
      return currentLeader().orElse("nobody");
    } catch (RedisException e) {
      return "unknown";
    }
  }

  private boolean awaitClose(Duration delay) {
    try {
      return closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  private RedisCommands<String, String> commands() {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      throw new IllegalStateException("leader elector " + name + " is not started");
    }
    return current.sync();
  }

  private static Thread daemon(Runnable runnable, String threadName) {
    Thread thread = new Thread(runnable, threadName);
    thread.setDaemon(true);
    return thread;
  }

  private static String script(String file) {
    try (InputStream in =
        Objects.requireNonNull(
            RedisLeaderElector.class.getResourceAsStream(file), file + " missing")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
