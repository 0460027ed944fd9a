package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.informer.SharedInformer;
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

/** The zone's answers, read from informers synced over an in-memory API server. */
class ClusterZoneTest {

  private final FakeApiClient api = new FakeApiClient();
  private final SharedInformerFactory informers = new SharedInformerFactory(api);
  private final AtomicBoolean synced = new AtomicBoolean(true);
  private ClusterZone zone;

  @BeforeEach
  void start() throws InterruptedException {
    var services = api.forType(Service.class);
    var endpoints = api.forType(Endpoints.class);
    services.create(clusterIp("web", "10.242.128.20"));
    services.create(headless("empty"));
    services.create(externalName("billing", "db.example.test"));
    services.create(
        headless("ready-or-not")
            .withSpec(headless("x").spec().toBuilder().publishNotReadyAddresses(true).build()));
    endpoints.create(endpoints("ready-or-not", List.of("10.242.0.1"), List.of("10.242.0.2")));
    services.create(headless("stateful"));
    endpoints.create(
        new Endpoints(
            null,
            null,
            ObjectMeta.named(NAMESPACE, "stateful"),
            List.of(
                new EndpointSubset(
                    List.of(new EndpointAddress("10.242.0.3", "db-0", null, null)),
                    List.of(),
                    List.of(new EndpointPort(null, 5432, "TCP", null))))));
    SharedInformer<Service> serviceCache = informers.forType(Service.class);
    SharedInformer<Endpoints> endpointCache = informers.forType(Endpoints.class);
    informers.start();
    assertThat(informers.awaitSynced(Duration.ofSeconds(10))).isTrue();
    zone =
        new ClusterZone(
            "Cluster.Local", serviceCache.lister(), endpointCache.lister(), synced::get, 5);
  }

  @AfterEach
  void stop() {
    informers.stop();
  }

  @Test
  void namesOutsideTheZoneAreNotItsToAnswer() {
    for (String name :
        List.of("example.com.", "xcluster.local.", "web.default.svc.cluster.local.example.com")) {
      assertThat(zone.resolve(name, DnsRecordType.A)).as(name).isEqualTo(Resolution.OUTSIDE);
    }
  }

  @Test
  void beforeTheCachesSyncNoNameInTheZoneIsAnswered() {
    synced.set(false);

    assertThat(zone.resolve("web.default.svc.cluster.local.", DnsRecordType.A))
        .isEqualTo(Resolution.NOT_READY);
    assertThat(zone.resolve("example.com.", DnsRecordType.A)).isEqualTo(Resolution.OUTSIDE);
  }

  @Test
  void theApexHasAnSoaAndTheKindsAndNamespacesWithServicesExistWithoutRecords() {
    Resolution.Answer soa = answer("cluster.local", DnsRecordType.SOA);
    assertThat(soa.code()).isEqualTo(DnsResponseCode.NOERROR);
    assertThat(soa.answers()).extracting(ResourceRecord::type).containsExactly(DnsRecordType.SOA);
    assertThat(soa.answers().getFirst().name()).isEqualTo("cluster.local.");

    for (String name :
        List.of(
            "cluster.local.",
            "svc.cluster.local.",
            "default.svc.cluster.local.",
            "pod.cluster.local.")) {
      Resolution.Answer answer = answer(name, DnsRecordType.A);
      assertThat(answer.code()).as(name).isEqualTo(DnsResponseCode.NOERROR);
      assertThat(answer.answers()).as(name).isEmpty();
      assertThat(answer.authority())
          .as(name)
          .extracting(ResourceRecord::type)
          .containsExactly(DnsRecordType.SOA);
    }
    assertThat(answer("nothing-here.svc.cluster.local.", DnsRecordType.A).code())
        .isEqualTo(DnsResponseCode.NXDOMAIN);
  }

  @Test
  void aHeadlessServiceWithoutReadyEndpointsHasNoName() {
    assertThat(answer("empty.default.svc.cluster.local.", DnsRecordType.A).code())
        .isEqualTo(DnsResponseCode.NXDOMAIN);
  }

  @Test
  void publishNotReadyAddressesAnswersUnreadyEndpointsToo() {
    assertThat(addresses("ready-or-not.default.svc.cluster.local."))
        .containsExactlyInAnyOrder("10.242.0.1", "10.242.0.2");
  }

  @Test
  void endpointsWithAHostnameAreNamedByIt() {
    assertThat(addresses("db-0.stateful.default.svc.cluster.local.")).containsExactly("10.242.0.3");
    assertThat(addresses("DB-0.stateful.default.svc.cluster.local.")).containsExactly("10.242.0.3");
    assertThat(answer("stateful.default.svc.cluster.local.", DnsRecordType.SRV).answers())
        .extracting(ResourceRecord::type)
        .containsExactly(DnsRecordType.SRV);
    assertThat(answer("stateful.default.svc.cluster.local.", DnsRecordType.SRV).additional())
        .extracting(ResourceRecord::name)
        .containsExactly("db-0.stateful.default.svc.cluster.local.");
  }

  @Test
  void anExternalNameIsAnAliasForAddressesAndACnameForOtherTypes() {
    assertThat(zone.resolve("billing.default.svc.cluster.local.", DnsRecordType.A))
        .isInstanceOfSatisfying(
            Resolution.Alias.class,
            alias -> assertThat(alias.target()).isEqualTo("db.example.test."));
    assertThat(answer("billing.default.svc.cluster.local.", DnsRecordType.TXT).answers())
        .extracting(ResourceRecord::type)
        .containsExactly(DnsRecordType.CNAME);
  }

  @Test
  void podNamesMustSpellAnIpv4Address() {
    assertThat(addresses("10-242-0-9.default.pod.cluster.local.")).containsExactly("10.242.0.9");
    for (String name :
        List.of(
            "10-242-0-256.default.pod.cluster.local.",
            "10-242-0.default.pod.cluster.local.",
            "a-b-c-d.default.pod.cluster.local.")) {
      assertThat(answer(name, DnsRecordType.A).code()).as(name).isEqualTo(DnsResponseCode.NXDOMAIN);
    }
  }

  private Resolution.Answer answer(String name, DnsRecordType type) {
    Resolution resolution = zone.resolve(name, type);
    assertThat(resolution).as(name).isInstanceOf(Resolution.Answer.class);
    return (Resolution.Answer) resolution;
  }

  private List<String> addresses(String name) {
    return answer(name, DnsRecordType.A).answers().stream()
        .map(ClusterZoneTest::addressOf)
        .toList();
  }

  private static String addressOf(ResourceRecord record) {
    try {
      return InetAddress.getByAddress(record.data()).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
