package io.cetus.serviceproxy.endpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodIP;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Pods;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;

/**
 * The subsets of a Service's Endpoints, computed from the pods its selector picks as Kubernetes'
 * endpoints controller computes them, then packed and sorted into one canonical form: the same
 * service and pods give equal subsets (and byte-identical JSON) whatever order the pods come in.
 *
 * <ul>
 *   <li>A pod is listed when it has an IP, has not finished ({@code Succeeded}, {@code Failed}) and
 *       is not being deleted; with {@code publishNotReadyAddresses} a terminating pod is listed
 *       too.
 *   <li>Its address is the pod IP of the service's IP family, with {@code nodeName} and a {@code
 *       targetRef} to the pod, and {@code hostname} when the pod's {@code subdomain} is the
 *       service's name. It goes under {@code addresses} if the pod is Ready (or the service
 *       publishes not-ready addresses), else under {@code notReadyAddresses}.
 *   <li>Each service port becomes an endpoint port with the same name, protocol and appProtocol and
 *       the target port as resolved on that pod ({@link TargetPorts}); a pod without the named port
 *       is left out of that port only. A headless service without ports lists addresses without
 *       ports; any other service without ports gets no subsets.
 *   <li>Packing: addresses serving the same set of ports form one subset (Kubernetes' {@code
 *       RepackSubsets}); an address that is not ready for a port is not ready in that subset.
 *       Addresses are sorted by IP (as text, as Kubernetes sorts them) then pod uid, ports by name,
 *       number, protocol and appProtocol, subsets by their ports.
 * </ul>
 */
final class EndpointSubsets {

  /** The port of addresses that have none: headless services without ports. */
  private static final EndpointPort NO_PORT = new EndpointPort(null, -1, null, null);

  static final Comparator<EndpointAddress> ADDRESS_ORDER =
      Comparator.comparing(EndpointAddress::ip)
          .thenComparing(EndpointSubsets::uidOf, Comparator.nullsFirst(Comparator.naturalOrder()));

  static final Comparator<EndpointPort> PORT_ORDER =
      Comparator.comparing(EndpointPort::name, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(EndpointPort::port)
          .thenComparing(EndpointPort::protocol, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(
              EndpointPort::appProtocol, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static final Comparator<EndpointSubset> SUBSET_ORDER =
      (a, b) -> {
        int byPorts = compareLists(a.ports(), b.ports(), PORT_ORDER);
        if (byPorts != 0) {
          return byPorts;
        }
        int byReady = compareLists(a.addresses(), b.addresses(), ADDRESS_ORDER);
        return byReady != 0
            ? byReady
            : compareLists(a.notReadyAddresses(), b.notReadyAddresses(), ADDRESS_ORDER);
      };

  /** The {@code clusterIP} of a headless service. */
  static final String NONE = "None";

  private EndpointSubsets() {}

  /** The subsets of {@code service}'s Endpoints, given the pods its selector picks. */
  static List<EndpointSubset> of(Service service, List<Pod> selected) {
    boolean publishNotReady = Boolean.TRUE.equals(service.spec().publishNotReadyAddresses());
    List<ServicePort> servicePorts = service.spec().ports();
    boolean headless = isHeadless(service);
    // each port, and the addresses that serve it (by ip and pod uid) with their readiness
    Map<EndpointPort, Map<AddressKey, Member>> byPort = new HashMap<>();
    for (Pod pod : selected) {
      if (!isListed(pod, publishNotReady)) {
        continue;
      }
      Optional<EndpointAddress> address = addressOf(service, pod);
      if (address.isEmpty()) {
        continue;
      }
      Member member = new Member(address.get(), publishNotReady || Pods.isReady(pod));
      if (servicePorts.isEmpty()) {
        if (headless) {
          add(byPort, NO_PORT, member);
        }
        continue;
      }
      for (ServicePort servicePort : servicePorts) {
        OptionalInt number = TargetPorts.resolve(pod, servicePort);
        if (number.isPresent()) {
          add(byPort, endpointPort(servicePort, number.getAsInt()), member);
        }
      }
    }
    return repack(byPort);
  }

  /**
   * Whether the pod belongs in Endpoints at all: it has an IP, has not finished, and is not being
   * deleted unless {@code includeTerminating} (Kubernetes' {@code ShouldPodBeInEndpoints}).
   */
  static boolean isListed(Pod pod, boolean includeTerminating) {
    String phase = pod.status().phase();
    if (PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase)) {
      return false;
    }
    if (isEmpty(pod.status().podIP()) && pod.status().podIPs().isEmpty()) {
      return false;
    }
    return includeTerminating || !pod.metadata().isBeingDeleted();
  }

  /** The pod's address for this service, empty if the pod has no IP of the service's family. */
  static Optional<EndpointAddress> addressOf(Service service, Pod pod) {
    boolean ipv6 = wantsIpv6(service, pod);
    String ip = null;
    for (String candidate : podIps(pod)) {
      if (isIpv6(candidate) == ipv6) {
        ip = candidate;
        break;
      }
    }
    if (ip == null) {
      return Optional.empty();
    }
    String hostname =
        !isEmpty(pod.spec().hostname())
                && Objects.equals(pod.spec().subdomain(), service.metadata().name())
                && Objects.equals(pod.metadata().namespace(), service.metadata().namespace())
            ? pod.spec().hostname()
            : null;
    ObjectReference target =
        new ObjectReference(
            Pod.KIND,
            pod.metadata().namespace(),
            pod.metadata().name(),
            pod.metadata().uid(),
            null,
            null,
            null);
    return Optional.of(
        new EndpointAddress(ip, hostname, emptyToNull(pod.spec().nodeName()), target));
  }

  private static EndpointPort endpointPort(ServicePort servicePort, int number) {
    return new EndpointPort(
        emptyToNull(servicePort.name()),
        number,
        TargetPorts.protocolOf(servicePort.protocol()),
        emptyToNull(servicePort.appProtocol()));
  }

  private static void add(
      Map<EndpointPort, Map<AddressKey, Member>> byPort, EndpointPort port, Member member) {
    // not ready wins: an address listed twice for one port is ready only if ready both times
    byPort
        .computeIfAbsent(port, key -> new LinkedHashMap<>())
        .merge(
            AddressKey.of(member.address()),
            member,
            (earlier, later) -> earlier.ready() && !later.ready() ? later : earlier);
  }

  /** Groups ports by the exact set of addresses (and readiness) serving them, then sorts. */
  private static List<EndpointSubset> repack(Map<EndpointPort, Map<AddressKey, Member>> byPort) {
    Map<List<Member>, List<EndpointPort>> portsByMembers = new HashMap<>();
    for (Map.Entry<EndpointPort, Map<AddressKey, Member>> entry : byPort.entrySet()) {
      List<Member> members =
          entry.getValue().values().stream()
              .sorted(Comparator.comparing(Member::address, ADDRESS_ORDER))
              .toList();
      portsByMembers.computeIfAbsent(members, key -> new ArrayList<>()).add(entry.getKey());
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    portsByMembers.forEach(
        (members, ports) ->
            subsets.add(
                new EndpointSubset(
                    members.stream().filter(Member::ready).map(Member::address).toList(),
                    members.stream().filter(m -> !m.ready()).map(Member::address).toList(),
                    ports.stream().filter(p -> !p.equals(NO_PORT)).sorted(PORT_ORDER).toList())));
    subsets.sort(SUBSET_ORDER);
    return List.copyOf(subsets);
  }

  /** Whether the service is headless: {@code clusterIP: None}. */
  static boolean isHeadless(Service service) {
    return NONE.equals(service.spec().clusterIP());
  }

  private static boolean wantsIpv6(Service service, Pod pod) {
    List<String> families = service.spec().ipFamilies();
    if (!families.isEmpty()) {
      return "IPv6".equals(families.getFirst());
    }
    String clusterIp = service.spec().clusterIP();
    if (!isEmpty(clusterIp) && !NONE.equals(clusterIp)) {
      return isIpv6(clusterIp);
    }
    String podIp = pod.status().podIP();
    return podIp != null && isIpv6(podIp);
  }

  private static List<String> podIps(Pod pod) {
    if (!pod.status().podIPs().isEmpty()) {
      return pod.status().podIPs().stream().map(PodIP::ip).filter(Objects::nonNull).toList();
    }
    String podIp = pod.status().podIP();
    return isEmpty(podIp) ? List.of() : List.of(podIp);
  }

  private static boolean isIpv6(String ip) {
    return ip.indexOf(':') >= 0;
  }

  private static @Nullable String uidOf(EndpointAddress address) {
    return address.targetRef() == null ? null : address.targetRef().uid();
  }

  static @Nullable String emptyToNull(@Nullable String value) {
    return isEmpty(value) ? null : value;
  }

  private static boolean isEmpty(@Nullable String value) {
    return value == null || value.isEmpty();
  }

  private static <T> int compareLists(List<T> a, List<T> b, Comparator<T> order) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = order.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** An address's identity across ports: its IP and its pod. */
  private record AddressKey(String ip, @Nullable String uid) {
    static AddressKey of(EndpointAddress address) {
      return new AddressKey(address.ip(), uidOf(address));
    }
  }

  private record Member(EndpointAddress address, boolean ready) {}
}
