package io.cetus.serviceproxy.dns;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.testsupport.client.FakeApiClient;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;

import static io.cetus.serviceproxy.dns.Fixtures.NAMESPACE;
import static io.cetus.serviceproxy.dns.Fixtures.clusterIp;
import static io.cetus.serviceproxy.dns.Fixtures.endpoints;
import static io.cetus.serviceproxy.dns.Fixtures.externalName;
import static io.cetus.serviceproxy.dns.Fixtures.headless;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster DNS answering real UDP and TCP queries on 127.0.0.1 from informers over an in-memory
 * API server, with a fake upstream resolver for names outside the cluster domain.
 */
class ClusterDnsServerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String BACKEND = "backend-app.default.svc.cluster.local.";

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Service> services = api.forType(Service.class);
  private final ObjectClient<Endpoints> endpoints = api.forType(Endpoints.class);
  private final SharedInformerFactory informers = new SharedInformerFactory(api);
  private final List<ClusterDnsServer> servers = new ArrayList<>();
  private FakeUpstream upstream;
  private DnsTestClient dns;

  @BeforeEach
  void start() throws Exception {
    upstream =
        new FakeUpstream()
            .answer("www.example.test", "192.0.2.10")
            .answer("db.example.test", "192.0.2.20");
    services.create(clusterIp("backend-app", "10.242.128.10"));
    dns = new DnsTestClient(serve(List.of(upstream.spec()), Duration.ofSeconds(2)));
    informers.start();
    assertThat(informers.awaitSynced(DEADLINE)).isTrue();
  }

  @AfterEach
  void stop() {
    servers.forEach(ClusterDnsServer::stop);
    informers.stop();
    if (upstream != null) {
      upstream.close();
    }
  }

  private static ConditionFactory awaiting() {
    return await().atMost(DEADLINE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
  }

  /** Starts a cluster DNS on 127.0.0.1 and a free port, and returns where it listens. */
  private InetSocketAddress serve(List<String> upstreams, Duration upstreamTimeout) {
    DnsProperties properties =
        new DnsProperties(
            true,
            "127.0.0.1",
            0,
            "cluster.local",
            upstreams,
            "",
            Duration.ofSeconds(5),
            upstreamTimeout,
            Duration.ofSeconds(1));
    ClusterDnsServer server = ClusterDnsServer.create(properties, informers, null);
    servers.add(server);
    server.start();
    awaiting().until(() -> server.status().serving());
    return server.status().address();
  }

  @Test
  void answersTheClusterIpOfAServiceByItsFullNameOverUdpAndTcp() throws Exception {
    for (DnsTestClient.Reply reply :
        List.of(dns.udp(BACKEND, DnsRecordType.A), dns.tcp(BACKEND, DnsRecordType.A))) {
      assertThat(reply.id()).isEqualTo(reply.expectedId());
      assertThat(reply.code()).isEqualTo(DnsResponseCode.NOERROR);
      assertThat(reply.authoritative()).isTrue();
      assertThat(reply.answers())
          .containsExactly(new DnsTestClient.Record(BACKEND, DnsRecordType.A, 5, "10.242.128.10"));
    }
  }

  @Test
  void namesAreCaseInsensitiveAndAnswersKeepTheQuestionsSpelling() throws Exception {
    DnsTestClient.Reply reply = dns.udp("Backend-App.DEFAULT.svc.Cluster.Local.", DnsRecordType.A);

    assertThat(reply.code()).isEqualTo(DnsResponseCode.NOERROR);
    assertThat(reply.addresses()).containsExactly("10.242.128.10");
    assertThat(reply.answers().getFirst().name())
        .isEqualTo("Backend-App.DEFAULT.svc.Cluster.Local.");
  }

  @Test
  void aaaaOfANameWithOnlyAnIpv4AddressIsAnEmptyAnswer() throws Exception {
    DnsTestClient.Reply reply = dns.udp(BACKEND, DnsRecordType.AAAA);

    assertThat(reply.code()).isEqualTo(DnsResponseCode.NOERROR);
    assertThat(reply.answers()).isEmpty();
    assertThat(reply.authority())
        .extracting(DnsTestClient.Record::type)
        .containsExactly(DnsRecordType.SOA);
  }

  @Test
  void aHeadlessServiceResolvesToItsReadyEndpoints() throws Exception {
    services.create(headless("db"));
    endpoints.create(endpoints("db", List.of("10.242.0.5", "10.242.0.6"), List.of("10.242.0.7")));
    String db = "db.default.svc.cluster.local.";
    awaiting()
        .untilAsserted(
            () ->
                assertThat(dns.udp(db, DnsRecordType.A).addresses())
                    .containsExactlyInAnyOrder("10.242.0.5", "10.242.0.6"));

    assertThat(dns.tcp(db, DnsRecordType.A).addresses())
        .containsExactlyInAnyOrder("10.242.0.5", "10.242.0.6");
    assertThat(dns.udp("10-242-0-6.db.default.svc.cluster.local.", DnsRecordType.A).addresses())
        .containsExactly("10.242.0.6");
    assertThat(
            dns.udp("_http._tcp.db.default.svc.cluster.local.", DnsRecordType.SRV)
                .data(DnsRecordType.SRV))
        .containsExactlyInAnyOrder(
            "0 50 8080 10-242-0-5.db.default.svc.cluster.local.",
            "0 50 8080 10-242-0-6.db.default.svc.cluster.local.");
    assertThat(dns.udp("10-242-0-7.db.default.svc.cluster.local.", DnsRecordType.A).code())
        .isEqualTo(DnsResponseCode.NXDOMAIN); // not ready
  }

  @Test
  void namedPortsHaveSrvRecordsPointingAtTheServiceName() throws Exception {
    DnsTestClient.Reply reply =
        dns.udp("_http._tcp.backend-app.default.svc.cluster.local.", DnsRecordType.SRV);

    assertThat(reply.data(DnsRecordType.SRV)).containsExactly("0 100 80 " + BACKEND);
    assertThat(reply.additional())
        .contains(new DnsTestClient.Record(BACKEND, DnsRecordType.A, 5, "10.242.128.10"));
  }

  @Test
  void anExternalNameServiceIsACnameFollowedUpstream() throws Exception {
    services.create(externalName("billing", "DB.example.test"));
    String billing = "billing.default.svc.cluster.local.";
    awaiting().until(() -> dns.udp(billing, DnsRecordType.A).code() == DnsResponseCode.NOERROR);

    DnsTestClient.Reply reply = dns.udp(billing, DnsRecordType.A);
    assertThat(reply.data(DnsRecordType.CNAME)).containsExactly("db.example.test.");
    assertThat(reply.data(DnsRecordType.A)).containsExactly("192.0.2.20");
    assertThat(dns.tcp(billing, DnsRecordType.CNAME).answers())
        .containsExactly(
            new DnsTestClient.Record(billing, DnsRecordType.CNAME, 5, "db.example.test."));
  }

  @Test
  void anExternalNameInsideTheClusterDomainIsFollowedThere() throws Exception {
    services.create(externalName("alias", "Backend-App.default.svc.cluster.local"));
    String alias = "alias.default.svc.cluster.local.";
    awaiting().until(() -> dns.udp(alias, DnsRecordType.A).code() == DnsResponseCode.NOERROR);

    assertThat(dns.udp(alias, DnsRecordType.A).answers())
        .containsExactly(
            new DnsTestClient.Record(alias, DnsRecordType.CNAME, 5, BACKEND),
            new DnsTestClient.Record(BACKEND, DnsRecordType.A, 5, "10.242.128.10"));
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void unknownNamesInTheClusterDomainAreNxDomainWithTheZonesSoa() throws Exception {
    for (String name :
        List.of(
            "nope.default.svc.cluster.local.",
            "backend-app.other.svc.cluster.local.",
            "backend-app.default.pod.cluster.local.",
            "x.y.backend-app.default.svc.cluster.local.",
            "anything.cluster.local.")) {
      DnsTestClient.Reply reply = dns.udp(name, DnsRecordType.A);
      assertThat(reply.code()).as(name).isEqualTo(DnsResponseCode.NXDOMAIN);
      assertThat(reply.authoritative()).as(name).isTrue();
      assertThat(reply.authority())
          .as(name)
          .containsExactly(
              new DnsTestClient.Record(
                  "cluster.local.",
                  DnsRecordType.SOA,
                  5,
                  "ns.dns.cluster.local. hostmaster.cluster.local."));
    }
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void namesThePodsSearchListMakesWithTheWrongSuffixAreNxDomain() throws Exception {
    // a pod in "default" looking up "backend-app.default.svc.cluster.local" (4 dots, ndots:5)
    // tries its search suffixes first; each must fail at once so the next is tried
    for (String name :
        List.of(
            BACKEND + "default.svc.cluster.local.",
            BACKEND + "svc.cluster.local.",
            BACKEND + "cluster.local.",
            "backend-app.svc.cluster.local.",
            "backend-app.cluster.local.")) {
      assertThat(dns.udp(name, DnsRecordType.A).code())
          .as(name)
          .isEqualTo(DnsResponseCode.NXDOMAIN);
    }
    assertThat(dns.udp(BACKEND, DnsRecordType.A).addresses()).containsExactly("10.242.128.10");
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void podNamesResolveToTheAddressTheySpell() throws Exception {
    assertThat(dns.udp("10-242-0-9.default.pod.cluster.local.", DnsRecordType.A).addresses())
        .containsExactly("10.242.0.9");
  }

  @Test
  void namesOutsideTheClusterDomainAreForwardedUpstreamOverTheClientsTransport() throws Exception {
    DnsTestClient.Reply overUdp = dns.udp("WWW.example.test.", DnsRecordType.A, true);
    DnsTestClient.Reply overTcp = dns.tcp("www.example.test.", DnsRecordType.A);
    DnsTestClient.Reply missing = dns.udp("missing.example.test.", DnsRecordType.A);

    assertThat(overUdp.id()).isEqualTo(overUdp.expectedId());
    assertThat(overUdp.code()).isEqualTo(DnsResponseCode.NOERROR);
    assertThat(overUdp.answers())
        .containsExactly(
            new DnsTestClient.Record("WWW.example.test.", DnsRecordType.A, 60, "192.0.2.10"));
    assertThat(overUdp.authoritative()).isFalse();
    assertThat(overTcp.id()).isEqualTo(overTcp.expectedId());
    assertThat(overTcp.addresses()).containsExactly("192.0.2.10");
    assertThat(missing.code()).isEqualTo(DnsResponseCode.NXDOMAIN);
    assertThat(upstream.received())
        .containsExactly(
            new FakeUpstream.Received("WWW.example.test.", DnsRecordType.A, false, true),
            new FakeUpstream.Received("www.example.test.", DnsRecordType.A, true, false),
            new FakeUpstream.Received("missing.example.test.", DnsRecordType.A, false, false));
  }

  @Test
  void aSilentUpstreamIsSkippedAndNoAnswerAtAllIsServfail() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      String silentSpec = "127.0.0.1:" + silent.getLocalPort();
      DnsTestClient failingOver =
          new DnsTestClient(serve(List.of(silentSpec, upstream.spec()), Duration.ofMillis(200)));
      DnsTestClient failing = new DnsTestClient(serve(List.of(silentSpec), Duration.ofMillis(200)));

      assertThat(failingOver.udp("www.example.test.", DnsRecordType.A).addresses())
          .containsExactly("192.0.2.10");
      assertThat(failing.udp("www.example.test.", DnsRecordType.A).code())
          .isEqualTo(DnsResponseCode.SERVFAIL);
    }
  }

  @Test
  void anUpstreamPortThatIsClosedIsSkippedWithoutWaitingForItsTimeout() throws Exception {
    int closed;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    // the port-unreachable error moves on at once: the client's 5 s deadline is far below 60 s
    DnsTestClient failingOver =
        new DnsTestClient(
            serve(List.of("127.0.0.1:" + closed, upstream.spec()), Duration.ofSeconds(60)));

    assertThat(failingOver.udp("www.example.test.", DnsRecordType.A).addresses())
        .containsExactly("192.0.2.10");
  }

  @Test
  void withoutUpstreamNamesOutsideTheClusterDomainAreRefused() throws Exception {
    DnsTestClient alone = new DnsTestClient(serve(List.of(), Duration.ofSeconds(1)));

    assertThat(alone.udp("www.example.test.", DnsRecordType.A).code())
        .isEqualTo(DnsResponseCode.REFUSED);
    assertThat(alone.tcp("www.example.test.", DnsRecordType.A).code())
        .isEqualTo(DnsResponseCode.REFUSED);
    assertThat(alone.udp(BACKEND, DnsRecordType.A).addresses()).containsExactly("10.242.128.10");
  }

  @Test
  void changesAreAnsweredAsSoonAsTheInformerHasThem() throws Exception {
    String web = "web.default.svc.cluster.local.";
    assertThat(dns.udp(web, DnsRecordType.A).code()).isEqualTo(DnsResponseCode.NXDOMAIN);

    services.create(clusterIp("web", "10.242.128.20"));
    awaiting()
        .untilAsserted(
            () ->
                assertThat(dns.udp(web, DnsRecordType.A).addresses())
                    .containsExactly("10.242.128.20"));

    services.create(headless("db"));
    endpoints.create(endpoints("db", List.of("10.242.0.5"), List.of()));
    String db = "db.default.svc.cluster.local.";
    awaiting()
        .untilAsserted(
            () ->
                assertThat(dns.udp(db, DnsRecordType.A).addresses()).containsExactly("10.242.0.5"));
    endpoints.update(endpoints("db", List.of("10.242.0.5", "10.242.0.8"), List.of()));
    awaiting()
        .untilAsserted(
            () ->
                assertThat(dns.udp(db, DnsRecordType.A).addresses())
                    .containsExactlyInAnyOrder("10.242.0.5", "10.242.0.8"));

    services.delete(NAMESPACE, "web");
    awaiting().until(() -> dns.udp(web, DnsRecordType.A).code() == DnsResponseCode.NXDOMAIN);
  }

  @Test
  void aLargeAnswerIsTruncatedOverUdpAndWholeOverTcp() throws Exception {
    List<String> ips = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      ips.add("10.242.1." + i);
    }
    services.create(headless("many"));
    endpoints.create(endpoints("many", ips, List.of()));
    String many = "many.default.svc.cluster.local.";
    awaiting().until(() -> dns.tcp(many, DnsRecordType.A).addresses().size() == 60);

    DnsTestClient.Reply udp = dns.udp(many, DnsRecordType.A);
    assertThat(udp.truncated()).isTrue();
    assertThat(udp.length()).isLessThanOrEqualTo(512);
    assertThat(ips).containsAll(udp.addresses());
    DnsTestClient.Reply edns = dns.udp(many, DnsRecordType.A, true);
    assertThat(edns.length()).isLessThanOrEqualTo(1232);
    assertThat(edns.addresses().size()).isGreaterThan(udp.addresses().size());
    DnsTestClient.Reply tcp = dns.tcp(many, DnsRecordType.A);
    assertThat(tcp.truncated()).isFalse();
    assertThat(tcp.addresses()).containsExactlyInAnyOrderElementsOf(ips);
  }
}
