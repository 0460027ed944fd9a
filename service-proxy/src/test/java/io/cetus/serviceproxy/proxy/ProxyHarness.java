package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.testsupport.client.FakeApiClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The proxy controller on an in-memory API server, serving real sockets on loopback. Every harness
 * draws its own addresses: cluster IPs {@code 127.77.<n>.x}, backends {@code 127.78.<n>.x}, the
 * node address {@code 127.77.<n>.1}, so fixed ports never collide with anything else on the
 * machine. Cluster IPs are "held" in memory (loopback addresses are local already).
 */
final class ProxyHarness implements AutoCloseable {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  /** Changes take effect within a second. */
  static final Duration PROPAGATION = Duration.ofSeconds(1);

  static final String NAMESPACE = "default";
  static final int SERVICE_PORT = 8080;
  static final int NODE_PORT = 30080;

  final int net = ThreadLocalRandom.current().nextInt(1, 255);
  final FakeApiClient api = new FakeApiClient();
  final ObjectClient<Service> services = api.forType(Service.class);
  final ObjectClient<Endpoints> endpoints = api.forType(Endpoints.class);
  final ObjectClient<Event> events = api.forType(Event.class);
  final InMemoryLocalAddresses localAddresses = new InMemoryLocalAddresses();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ClusterIps clusterIps;
  final Proxier proxier;
  final SharedInformerFactory informers = new SharedInformerFactory(api);
  final Controller controller;
  private final List<TestBackend> backends = new ArrayList<>();

  ProxyHarness() {
    this(ServiceProxyProperties.TransportMode.AUTO);
  }

  ProxyHarness(ServiceProxyProperties.TransportMode transport) {
    clusterIps = new ClusterIps(localAddresses, Ipv4Range.parse("127.77." + net + ".0/24"));
    proxier =
        new Proxier(
            Transport.select(transport), 2, Duration.ofSeconds(1), Clock.systemUTC(), registry);
    controller =
        ServiceProxyController.create(
            informers,
            api,
            Clock.systemUTC(),
            proxier,
            clusterIps,
            new NodeAddresses(nodeAddress(), nodeAddress()),
            2,
            reconciler -> reconciler);
  }

  ProxyHarness start() throws InterruptedException {
    informers.start();
    if (!informers.awaitSynced(DEADLINE)) {
      throw new IllegalStateException("informers did not sync");
    }
    controller.start();
    return this;
  }

  InetAddress clusterIp(int host) {
    return address("127.77." + net + "." + host);
  }

  InetAddress backendIp(int host) {
    return address("127.78." + net + "." + host);
  }

  InetAddress nodeAddress() {
    return address("127.77." + net + ".1");
  }

  /**
   * {@code count} backends named {@code a}, {@code b}, ... on one port, each on its own address.
   */
  List<TestBackend> startBackends(int count, TestBackend.Behaviour behaviour) throws IOException {
    List<TestBackend> started = new ArrayList<>();
    int port = 0;
    for (int i = 0; i < count; i++) {
      TestBackend backend =
          new TestBackend(
              String.valueOf((char) ('a' + i)),
              new InetSocketAddress(backendIp(i + 1), port),
              behaviour);
      port = backend.address().getPort();
      started.add(backend);
      backends.add(backend);
    }
    return started;
  }

  /** A spec of {@code type} with one unnamed TCP port (a node port for NodePort, LoadBalancer). */
  ServiceSpec.Builder spec(String type, InetAddress clusterIp) {
    boolean nodePort = !ServiceSpec.CLUSTER_IP.equals(type);
    return ServiceSpec.builder()
        .type(type)
        .clusterIP(clusterIp.getHostAddress())
        .ports(
            List.of(
                new ServicePort(
                    null,
                    "TCP",
                    null,
                    SERVICE_PORT,
                    IntOrString.of(SERVICE_PORT),
                    nodePort ? NODE_PORT : null)));
  }

  Service createService(String name, ServiceSpec spec) {
    return services.create(new Service(null, null, ObjectMeta.named(NAMESPACE, name), spec, null));
  }

  /** Sets the service's ready endpoints (port name {@code portName}), one subset per port. */
  void setEndpoints(String name, String portName, List<InetSocketAddress> ready) {
    Map<Integer, List<EndpointAddress>> byPort = new LinkedHashMap<>();
    for (InetSocketAddress address : ready) {
      byPort
          .computeIfAbsent(address.getPort(), port -> new ArrayList<>())
          .add(new EndpointAddress(address.getAddress().getHostAddress(), null, null, null));
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    byPort.forEach(
        (port, addresses) ->
            subsets.add(
                new EndpointSubset(
                    addresses, List.of(), List.of(new EndpointPort(portName, port, "TCP", null)))));
    Endpoints wanted = new Endpoints(null, null, ObjectMeta.named(NAMESPACE, name), subsets);
    if (endpoints.get(NAMESPACE, name).isPresent()) {
      endpoints.update(wanted);
    } else {
      endpoints.create(wanted);
    }
  }

  void setEndpoints(String name, List<TestBackend> ready) {
    setEndpoints(name, "", ready.stream().map(TestBackend::address).toList());
  }

  double counter(String meter, String service) {
    var found = registry.find(meter).tag("service", service).counters();
    return found.stream().mapToDouble(counter -> counter.count()).sum();
  }

  /** Connects, reads the backend's name line, closes. */
  static String firstLine(InetSocketAddress target) throws IOException {
    return firstLine(target, null);
  }

  /** Connects from {@code source}, reads the backend's name line, closes. */
  static String firstLine(InetSocketAddress target, @Nullable InetAddress source)
      throws IOException {
    try (Socket socket = new Socket()) {
      if (source != null) {
        socket.bind(new InetSocketAddress(source, 0));
      }
      socket.setSoTimeout((int) DEADLINE.toMillis());
      socket.connect(target, (int) DEADLINE.toMillis());
      InputStream in = socket.getInputStream();
      return TestBackend.readLine(in);
    }
  }

  /** Whether connecting to {@code target} is refused. */
  static boolean refuses(InetSocketAddress target) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(target, (int) DEADLINE.toMillis());
      return false;
    } catch (ConnectException refused) {
      return true;
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() throws IOException {
    controller.stop();
    informers.stop();
    proxier.close();
    for (TestBackend backend : backends) {
      backend.close();
    }
  }
}
