package io.cetus.controller.leader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.testsupport.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisLeaderElectorIT {

  private static final Duration TTL = Duration.ofMillis(900);
  private static final String KEY = "{cetus}:lease:replication";

  private static RedisServerProcess redis;

  private final List<RedisClient> clients = new ArrayList<>();
  private final List<RedisLeaderElector> electors = new ArrayList<>();

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void emptyRedis() {
    redis.flushAll();
  }

  @AfterEach
  void closeElectors() {
    electors.forEach(RedisLeaderElector::close);
    clients.forEach(RedisClient::shutdown);
  }

  @Test
  void ofTwoElectorsExactlyOneLeads() {
    var a = new Recording();
    var b = new Recording();
    RedisLeaderElector first = elector("a", a);
    RedisLeaderElector second = elector("b", b);

    await().until(() -> first.isLeader() || second.isLeader());

    RedisLeaderElector leader = first.isLeader() ? first : second;
    await()
        .during(2 * TTL.toMillis(), TimeUnit.MILLISECONDS)
        .atMost(5, TimeUnit.SECONDS)
        .until(() -> first.isLeader() ^ second.isLeader() && leader.isLeader());
    assertThat(leader.currentLeader()).contains(leader == first ? "a" : "b");
    assertThat((leader == first ? a : b).calls).containsExactly("started");
    assertThat((leader == first ? b : a).calls).isEmpty();
  }

  @Test
  void whenTheLeaderClosesTheOtherTakesOverWithinTheLeaseTime() {
    var a = new Recording();
    var b = new Recording();
    RedisLeaderElector first = elector("a", a);
    await().until(first::isLeader);
    RedisLeaderElector second = elector("b", b);

    first.close();

    assertThat(a.calls).containsExactly("started", "stopped");
    await().atMost(TTL).until(second::isLeader);
    assertThat(second.currentLeader()).contains("b");
    await().until(() -> b.calls.equals(List.of("started")));
  }

  @Test
  void leaderWhoseLeaseIsTakenStopsLeading() {
    var a = new Recording();
    RedisLeaderElector elector = elector("a", a);
    await().until(elector::isLeader);

    redisClient().connect().sync().set(KEY, "usurper");

    await().atMost(TTL).until(() -> !elector.isLeader());
    await().until(() -> a.calls.equals(List.of("started", "stopped")));
  }

  @Test
  void leaderThatCannotReachRedisIsReplacedOnceItsLeaseExpires() {
    var a = new Recording();
    var b = new Recording();
    RedisClient isolated = redisClient();
    RedisLeaderElector first =
        started(new RedisLeaderElector(isolated, "replication", "a", TTL, a));
    await().until(first::isLeader);
    RedisLeaderElector second = elector("b", b);

    isolated.shutdown(); // the leader can no longer renew, nor release

    await().atMost(TTL).until(() -> !first.isLeader());
    await().atMost(TTL.multipliedBy(2)).until(second::isLeader);
    assertThat(a.calls).containsExactly("started", "stopped");
  }

  private RedisLeaderElector elector(String identity, LeaderCallbacks callbacks) {
    return started(new RedisLeaderElector(redisClient(), "replication", identity, TTL, callbacks));
  }

  private RedisLeaderElector started(RedisLeaderElector elector) {
    electors.add(elector);
    elector.start();
    return elector;
  }

  private RedisClient redisClient() {
    RedisClient client = RedisClient.create(redis.uri());
    clients.add(client);
    return client;
  }

  private static final class Recording implements LeaderCallbacks {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onStartedLeading() {
      calls.add("started");
    }

    @Override
    public void onStoppedLeading() {
      calls.add("stopped");
    }
  }
}
