package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class BalancerTest {

  private static final InetSocketAddress A = endpoint("10.242.0.1");
  private static final InetSocketAddress B = endpoint("10.242.0.2");
  private static final InetSocketAddress C = endpoint("10.242.0.3");
  private static final InetAddress CLIENT = address("10.242.0.100");
  private static final InetAddress OTHER_CLIENT = address("10.242.0.101");
  private static final SessionAffinity CLIENT_IP =
      new SessionAffinity(true, Duration.ofSeconds(60));

  private final MutableClock clock = new MutableClock();
  private final Balancer balancer = new Balancer(clock);

  @Test
  void offersEveryEndpointStartingWithTheNextInTurn() {
    balancer.update(List.of(A, B, C), SessionAffinity.NONE);

    assertThat(balancer.candidates(CLIENT)).containsExactly(A, B, C);
    assertThat(balancer.candidates(CLIENT)).containsExactly(B, C, A);
    assertThat(balancer.candidates(CLIENT)).containsExactly(C, A, B);
    assertThat(balancer.candidates(CLIENT)).containsExactly(A, B, C);
  }

  @Test
  void offersNothingWithoutEndpoints() {
    assertThat(balancer.candidates(CLIENT)).isEmpty();
    balancer.update(List.of(A), SessionAffinity.NONE);
    balancer.update(List.of(), SessionAffinity.NONE);
    assertThat(balancer.candidates(CLIENT)).isEmpty();
  }

  @Test
  void offersAClientItsLastEndpointFirstUntilTheAffinityTimesOut() {
    balancer.update(List.of(A, B, C), CLIENT_IP);
    balancer.connected(CLIENT, C);

    clock.advance(Duration.ofSeconds(59));
    assertThat(balancer.candidates(CLIENT)).containsExactly(C, A, B);
    assertThat(balancer.candidates(OTHER_CLIENT)).containsExactly(A, B, C);
    balancer.connected(CLIENT, C); // used again: the timeout counts from now

    clock.advance(Duration.ofSeconds(59));
    assertThat(balancer.candidates(CLIENT)).containsExactly(C, A, B);

    clock.advance(Duration.ofSeconds(1));
    assertThat(balancer.candidates(CLIENT)).containsExactly(B, C, A); // round robin again
  }

  @Test
  void forgetsAnAffinityToAnEndpointThatIsGone() {
    balancer.update(List.of(A, B), CLIENT_IP);
    balancer.connected(CLIENT, B);

    balancer.update(List.of(A, C), CLIENT_IP);

    assertThat(balancer.candidates(CLIENT)).containsExactly(A, C);
    balancer.update(List.of(A, B, C), CLIENT_IP);
    assertThat(balancer.candidates(CLIENT)).containsExactly(B, C, A); // round robin, not B, A, C
  }

  @Test
  void remembersNothingWithoutAffinity() {
    balancer.update(List.of(A, B, C), SessionAffinity.NONE);
    balancer.connected(CLIENT, C);

    assertThat(balancer.candidates(CLIENT)).containsExactly(A, B, C);
  }

  private static InetSocketAddress endpoint(String ip) {
    return new InetSocketAddress(address(ip), 8080);
  }

  private static InetAddress address(String ip) {
    return Ipv4Range.parseAddress(ip);
  }
}
