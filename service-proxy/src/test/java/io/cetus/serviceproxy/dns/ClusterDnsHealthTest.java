package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the health indicator says while the server cannot take its address, while the pods' network
 * does not exist yet, and once it serves.
 */
class ClusterDnsHealthTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final SharedInformerFactory informers = new SharedInformerFactory(new FakeApiClient());
  private final ClusterZone zone =
      new ClusterZone(
          "cluster.local",
          informers.forType(Service.class).lister(),
          informers.forType(Endpoints.class).lister(),
          () -> true,
          5);
  private final Upstream upstream =
      new Upstream(List.of(), Duration.ofSeconds(1), NettyTransport.best());
  private ClusterDnsServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void isDownWithTheReasonAndKeepsTryingWhileTheAddressCannotBeTaken() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    DnsAddress address =
        new DnsAddress(
            InetAddress.getByName("198.51.100.10"),
            "127.0.0.0/8",
            command -> {
              attempts.incrementAndGet();
              return new DnsAddress.Command.Result(2, "RTNETLINK answers: Operation not permitted");
            });
    server =
        new ClusterDnsServer(
            address, 0, zone, upstream, Duration.ofMillis(20), NettyTransport.best());
    server.start();

    await().atMost(DEADLINE).until(() -> attempts.get() >= 3);
    Health health = new ClusterDnsHealthIndicator(server).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("serving", false)
        .containsEntry("address", "198.51.100.10")
        .hasEntrySatisfying(
            "error", error -> assertThat(error.toString()).contains("Operation not permitted"));
  }

  @Test
  void isUpButNotServingWhileThePodsNetworkDoesNotExist() throws Exception {
    DnsAddress address =
        new DnsAddress(
            InetAddress.getByName("198.51.100.10"),
            "203.0.113.0/24",
            command -> {
              throw new AssertionError("no interface to add the address to");
            });
    server =
        new ClusterDnsServer(
            address, 0, zone, upstream, Duration.ofMillis(20), NettyTransport.best());
    server.start();

    await().atMost(DEADLINE).until(() -> server.status().waiting());
    Health health = new ClusterDnsHealthIndicator(server).health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("serving", false)
        .containsEntry(
            "waitingFor", "no interface has an IPv4 address in the pods' subnet 203.0.113.0/24")
        .doesNotContainKey("error");
  }

  @Test
  void isUpWithWhereItServes() throws Exception {
    server =
        new ClusterDnsServer(
            new DnsAddress(
                InetAddress.getLoopbackAddress(),
                null,
                command -> {
                  throw new AssertionError("a loopback address needs no command");
                }),
            0,
            zone,
            upstream,
            Duration.ofSeconds(1),
            NettyTransport.best());
    server.start();

    await().atMost(DEADLINE).until(() -> server.status().serving());
    Health health = new ClusterDnsHealthIndicator(server).health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("serving", true)
        .containsEntry("address", "127.0.0.1")
        .containsEntry("port", server.status().address().getPort())
        .containsEntry("upstream", List.of())
        .doesNotContainKey("error");
  }
}
