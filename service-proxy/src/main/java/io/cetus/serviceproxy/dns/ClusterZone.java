package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.client.informer.Lister;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.util.NetUtil;

/**
 * The cluster domain's records, read from the Service and Endpoints caches at each question, so a
 * change is answered as soon as the informer has it. The names, as CoreDNS' kubernetes plugin
 * serves them ({@code <zone>} is e.g. {@code cluster.local.}):
 *
 * <ul>
 *   <li>{@code <svc>.<ns>.svc.<zone>}: A/AAAA of the cluster IPs; of a headless service the ready
 *       endpoints' addresses (and the unready ones with {@code publishNotReadyAddresses}); of an
 *       ExternalName service a CNAME to {@code spec.externalName}. SRV: one record per port;
 *   <li>{@code _<port>._<proto>.<svc>.<ns>.svc.<zone>} SRV of the named port;
 *   <li>{@code <hostname or a-b-c-d>.<svc>.<ns>.svc.<zone>}: A of that endpoint;
 *   <li>{@code <a-b-c-d>.<ns>.pod.<zone>}: A of that address (CoreDNS' {@code pods insecure});
 *   <li>the zone apex has an SOA; {@code svc.<zone>}, {@code pod.<zone>} and {@code <ns>.svc} of a
 *       namespace with services exist without records (NODATA).
 * </ul>
 *
 * Every other name in the zone does not exist (NXDOMAIN). Negative answers carry the SOA. Lookups
 * are case-insensitive; answers carry the question's spelling. Thread-safe.
 */
final class ClusterZone {

  private static final String HEADLESS = "None";
  private static final long SERIAL = 1;

  private final String zone;
  private final Lister<Service> services;
  private final Lister<Endpoints> endpoints;
  private final BooleanSupplier synced;
  private final long ttl;
  private final ResourceRecord soa;

  /**
   * @param domain the cluster domain, e.g. {@code cluster.local}
   * @param synced whether both caches hold the whole state; until then questions in the zone fail
   */
  ClusterZone(
      String domain,
      Lister<Service> services,
      Lister<Endpoints> endpoints,
      BooleanSupplier synced,
      long ttlSeconds) {
    this.zone = DnsNames.canonical(domain);
    this.services = services;
    this.endpoints = endpoints;
    this.synced = synced;
    this.ttl = ttlSeconds;
    this.soa = ResourceRecord.soa(zone, ttlSeconds, SERIAL, ttlSeconds);
  }

  /** The zone's name, lower case with the trailing dot. */
  String name() {
    return zone;
  }

  boolean contains(String canonicalName) {
    return canonicalName.equals(zone) || canonicalName.endsWith("." + zone);
  }

  Resolution resolve(String name, DnsRecordType type) {
    String canonical = DnsNames.canonical(name);
    if (!contains(canonical)) {
      return Resolution.OUTSIDE;
    }
    if (!synced.getAsBoolean()) {
      return Resolution.NOT_READY;
    }
    String owner = name.endsWith(".") ? name : name + ".";
    List<String> labels = labelsBelowZone(canonical);
    if (labels.isEmpty()) {
      return type == DnsRecordType.SOA ? records(type, List.of(soaNamed(owner))) : noData();
    }
    String kind = labels.getLast();
    List<String> below = labels.subList(0, labels.size() - 1);
    return switch (kind) {
      case "svc" -> service(owner, type, below);
      case "pod" -> pod(owner, type, below);
      default -> nxDomain();
    };
  }

  private List<String> labelsBelowZone(String canonical) {
    if (canonical.equals(zone)) {
      return List.of();
    }
    String prefix = canonical.substring(0, canonical.length() - zone.length() - 1);
    return Arrays.asList(prefix.split("\\.", -1));
  }

  /** {@code [[endpoint|_port, _proto,] svc,] ns} below {@code svc.<zone>}. */
  private Resolution service(String owner, DnsRecordType type, List<String> labels) {
    return switch (labels.size()) {
      case 0 -> noData();
      case 1 -> services.list(labels.getFirst()).isEmpty() ? nxDomain() : noData();
      case 2 -> serviceRecords(owner, type, labels.get(1), labels.get(0));
      case 3 -> endpointRecords(owner, type, labels.get(2), labels.get(1), labels.get(0));
      case 4 -> namedPort(owner, type, labels.get(3), labels.get(2), labels.get(0), labels.get(1));
      default -> nxDomain();
    };
  }

  private Resolution serviceRecords(String owner, DnsRecordType type, String ns, String name) {
    Optional<Service> found = services.get(ns, name);
    if (found.isEmpty()) {
      return nxDomain();
    }
    Service service = found.get();
    String fqdn = name + "." + ns + ".svc." + zone;
    if (ServiceSpec.EXTERNAL_NAME.equals(service.spec().type())) {
      return externalName(owner, type, service);
    }
    if (isHeadless(service)) {
      List<Backend> backends = backends(service);
      if (backends.isEmpty()) {
        return nxDomain(); // as CoreDNS: a headless service without endpoints has no name
      }
      if (type == DnsRecordType.SRV) {
        List<ResourceRecord> srv = new ArrayList<>();
        List<ResourceRecord> additional = new ArrayList<>();
        for (Backend backend : backends) {
          String target = backend.label() + "." + fqdn;
          for (EndpointPort port : backend.ports()) {
            srv.add(
                ResourceRecord.srv(owner, ttl, 0, weight(backends.size()), port.port(), target));
          }
          if (!backend.ports().isEmpty()) {
            additional.add(ResourceRecord.address(target, ttl, backend.address()));
          }
        }
        return new Resolution.Answer(DnsResponseCode.NOERROR, srv, List.of(), additional);
      }
      List<ResourceRecord> addresses = new ArrayList<>();
      for (Backend backend : backends) {
        addresses.add(ResourceRecord.address(owner, ttl, backend.address()));
      }
      Collections.shuffle(addresses, ThreadLocalRandom.current());
      return records(type, addresses);
    }
    List<InetAddress> clusterIps = clusterIps(service);
    if (type == DnsRecordType.SRV) {
      List<ResourceRecord> srv = new ArrayList<>();
      for (ServicePort port : service.spec().ports()) {
        srv.add(ResourceRecord.srv(owner, ttl, 0, 100, port.port(), fqdn));
      }
      return srv.isEmpty()
          ? noData()
          : new Resolution.Answer(
              DnsResponseCode.NOERROR, srv, List.of(), addressRecords(fqdn, clusterIps));
    }
    return records(type, addressRecords(owner, clusterIps));
  }

  private Resolution externalName(String owner, DnsRecordType type, Service service) {
    String externalName = service.spec().externalName();
    if (externalName == null || externalName.isBlank()) {
      return noData();
    }
    String target = DnsNames.canonical(externalName);
    ResourceRecord cname = ResourceRecord.cname(owner, ttl, target);
    if (type == DnsRecordType.A || type == DnsRecordType.AAAA) {
      return new Resolution.Alias(cname, target);
    }
    return new Resolution.Answer(DnsResponseCode.NOERROR, List.of(cname), List.of(), List.of());
  }

  /** {@code <hostname or a-b-c-d>.<svc>.<ns>.svc.<zone>}: one endpoint of the service. */
  private Resolution endpointRecords(
      String owner, DnsRecordType type, String ns, String name, String label) {
    Optional<Service> service = services.get(ns, name);
    if (service.isEmpty() || label.startsWith("_")) {
      return nxDomain();
    }
    List<ResourceRecord> addresses = new ArrayList<>();
    for (Backend backend : backends(service.get())) {
      if (backend.label().equals(label) || DnsNames.dashed(backend.ip()).equals(label)) {
        addresses.add(ResourceRecord.address(owner, ttl, backend.address()));
      }
    }
    return addresses.isEmpty() ? nxDomain() : records(type, addresses);
  }

  /** {@code _<port>._<proto>.<svc>.<ns>.svc.<zone>}: SRV of one named port. */
  private Resolution namedPort(
      String owner, DnsRecordType type, String ns, String name, String port, String protocol) {
    Optional<Service> found = services.get(ns, name);
    if (found.isEmpty()
        || port.length() < 2
        || protocol.length() < 2
        || !port.startsWith("_")
        || !protocol.startsWith("_")) {
      return nxDomain();
    }
    Service service = found.get();
    String portName = port.substring(1);
    String proto = protocol.substring(1);
    Optional<ServicePort> servicePort =
        service.spec().ports().stream()
            .filter(p -> portName.equals(p.name()))
            .filter(p -> proto.equalsIgnoreCase(Objects.requireNonNullElse(p.protocol(), "TCP")))
            .findFirst();
    if (servicePort.isEmpty() || ServiceSpec.EXTERNAL_NAME.equals(service.spec().type())) {
      return nxDomain();
    }
    if (type != DnsRecordType.SRV) {
      return noData();
    }
    String fqdn = name + "." + ns + ".svc." + zone;
    if (!isHeadless(service)) {
      return new Resolution.Answer(
          DnsResponseCode.NOERROR,
          List.of(ResourceRecord.srv(owner, ttl, 0, 100, servicePort.get().port(), fqdn)),
          List.of(),
          addressRecords(fqdn, clusterIps(service)));
    }
    List<ResourceRecord> srv = new ArrayList<>();
    List<ResourceRecord> additional = new ArrayList<>();
    List<Backend> backends = backends(service);
    for (Backend backend : backends) {
      for (EndpointPort endpointPort : backend.ports()) {
        if (portName.equals(endpointPort.name())) {
          String target = backend.label() + "." + fqdn;
          srv.add(
              ResourceRecord.srv(
                  owner, ttl, 0, weight(backends.size()), endpointPort.port(), target));
          additional.add(ResourceRecord.address(target, ttl, backend.address()));
        }
      }
    }
    return srv.isEmpty()
        ? nxDomain()
        : new Resolution.Answer(DnsResponseCode.NOERROR, srv, List.of(), additional);
  }

  /** {@code [<a-b-c-d>.]<ns>} below {@code pod.<zone>}. */
  private Resolution pod(String owner, DnsRecordType type, List<String> labels) {
    return switch (labels.size()) {
      case 0, 1 -> noData();
      case 2 ->
          DnsNames.dashedIpv4(labels.get(0))
              .<Resolution>map(ip -> records(type, List.of(ResourceRecord.address(owner, ttl, ip))))
              .orElseGet(this::nxDomain);
      default -> nxDomain();
    };
  }

  /** The records of {@code type} among {@code all}; none: NODATA, since the name exists. */
  private Resolution records(DnsRecordType type, List<ResourceRecord> all) {
    List<ResourceRecord> matching =
        type == DnsRecordType.ANY
            ? all
            : all.stream().filter(record -> record.type() == type).toList();
    return matching.isEmpty()
        ? noData()
        : new Resolution.Answer(DnsResponseCode.NOERROR, matching, List.of(), List.of());
  }

  private Resolution noData() {
    return new Resolution.Answer(DnsResponseCode.NOERROR, List.of(), List.of(soa), List.of());
  }

  private Resolution nxDomain() {
    return new Resolution.Answer(DnsResponseCode.NXDOMAIN, List.of(), List.of(soa), List.of());
  }

  private ResourceRecord soaNamed(String owner) {
    return new ResourceRecord(owner, soa.type(), soa.dnsClass(), soa.ttl(), soa.data());
  }

  private List<ResourceRecord> addressRecords(String owner, List<InetAddress> addresses) {
    return addresses.stream().map(ip -> ResourceRecord.address(owner, ttl, ip)).toList();
  }

  private static int weight(int records) {
    return Math.max(1, 100 / Math.max(1, records));
  }

  private static boolean isHeadless(Service service) {
    return HEADLESS.equalsIgnoreCase(service.spec().clusterIP());
  }

  private static List<InetAddress> clusterIps(Service service) {
    List<String> ips = new ArrayList<>(service.spec().clusterIPs());
    String clusterIp = service.spec().clusterIP();
    if (ips.isEmpty() && clusterIp != null) {
      ips.add(clusterIp);
    }
    return ips.stream().map(ClusterZone::literal).filter(Objects::nonNull).toList();
  }

  /** A service's endpoints, one per address (ready ones, or all when it publishes unready). */
  private List<Backend> backends(Service service) {
    Optional<Endpoints> found =
        endpoints.get(service.metadata().namespace(), service.metadata().name());
    if (found.isEmpty()) {
      return List.of();
    }
    boolean publishNotReady = Boolean.TRUE.equals(service.spec().publishNotReadyAddresses());
    Map<String, Backend> byIp = new LinkedHashMap<>();
    for (EndpointSubset subset : found.get().subsets()) {
      List<EndpointAddress> addresses = new ArrayList<>(subset.addresses());
      if (publishNotReady) {
        addresses.addAll(subset.notReadyAddresses());
      }
      for (EndpointAddress address : addresses) {
        InetAddress ip = literal(address.ip());
        if (ip == null) {
          continue;
        }
        String hostname = address.hostname();
        String label =
            hostname == null || hostname.isBlank()
                ? DnsNames.dashed(address.ip())
                : hostname.toLowerCase(Locale.ROOT);
        Backend known = byIp.get(address.ip());
        List<EndpointPort> ports = new ArrayList<>(subset.ports());
        if (known != null) {
          ports.addAll(0, known.ports());
        }
        byIp.put(address.ip(), new Backend(address.ip(), ip, label, List.copyOf(ports)));
      }
    }
    return List.copyOf(byIp.values());
  }

  /** {@code ip} as an address, without a name lookup; {@code null} if it is no IP literal. */
  private static @Nullable InetAddress literal(@Nullable String ip) {
    byte[] bytes = ip == null ? null : NetUtil.createByteArrayFromIpAddressString(ip);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      return null;
    }
  }

  /** One endpoint address: its label in DNS (hostname, else the dashed IP) and its ports. */
  private record Backend(String ip, InetAddress address, String label, List<EndpointPort> ports) {}
}
