package io.cetus.nodeagent.pod;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.cetus.api.core.Pod;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.client.informer.Lister;

/**
 * The service environment variables the kubelet gives every container ({@code
 * pkg/kubelet/envvars}): for each Service of the pod's namespace that has a cluster IP, and for
 * {@code kubernetes} in {@code default} if there is one, {@code <NAME>_SERVICE_HOST}, {@code
 * <NAME>_SERVICE_PORT} (the first port), {@code <NAME>_SERVICE_PORT_<PORT_NAME>} for each named
 * port, and Docker's link variables {@code <NAME>_PORT=tcp://ip:port} (first port), {@code
 * <NAME>_PORT_<port>_<PROTO>} with {@code _PROTO}, {@code _PORT} and {@code _ADDR}. {@code <NAME>}
 * is the service name upper-cased with {@code -} turned into {@code _}.
 *
 * <p>With {@code spec.enableServiceLinks: false} only {@code kubernetes} counts. Headless ({@code
 * clusterIP: None}) and {@code ExternalName} services have no address, so no variables. A service
 * of the pod's namespace hides {@code default/kubernetes} under the same name. Pure; services are
 * taken in name order, so a pod's environment does not depend on the cache's order.
 */
final class ServiceEnvVars {

  static final String MASTER_NAMESPACE = "default";
  static final String MASTER_SERVICE = "kubernetes";

  private ServiceEnvVars() {}

  /** The variables of the pod's containers, from the Services {@code services} knows. */
  static Map<String, String> forPod(Pod pod, Lister<Service> services) {
    Map<String, Service> byName = new TreeMap<>();
    services
        .get(MASTER_NAMESPACE, MASTER_SERVICE)
        .filter(ServiceEnvVars::hasClusterIp)
        .ifPresent(master -> byName.put(MASTER_SERVICE, master));
    if (!Boolean.FALSE.equals(pod.spec().enableServiceLinks())) {
      for (Service service : services.list(PodContainers.namespace(pod))) {
        if (hasClusterIp(service) && service.metadata().name() != null) {
          byName.put(service.metadata().name(), service);
        }
      }
    }
    return fromServices(byName.values());
  }

  /** The variables of these services, in the order given. */
  static Map<String, String> fromServices(Collection<Service> services) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Service service : services) {
      if (!hasClusterIp(service) || service.metadata().name() == null) {
        continue;
      }
      String prefix = envName(service.metadata().name());
      String ip = service.spec().clusterIP();
      List<ServicePort> ports = service.spec().ports();
      env.put(prefix + "_SERVICE_HOST", ip);
      if (ports.isEmpty()) {
        continue; // not valid for a service with a cluster IP; nothing more to say
      }
      String first = prefix + "_SERVICE_PORT";
      env.put(first, Integer.toString(ports.getFirst().port()));
      for (ServicePort port : ports) {
        if (port.name() != null && !port.name().isEmpty()) {
          env.put(first + "_" + envName(port.name()), Integer.toString(port.port()));
        }
      }
      for (int i = 0; i < ports.size(); i++) {
        ServicePort port = ports.get(i);
        String protocol =
            port.protocol() == null || port.protocol().isEmpty()
                ? "TCP"
                : port.protocol().toUpperCase(Locale.ROOT);
        String scheme = protocol.toLowerCase(Locale.ROOT);
        String url = scheme + "://" + hostPort(ip, port.port());
        if (i == 0) {
          env.put(prefix + "_PORT", url); // Docker's links special-case the first port
        }
        String portPrefix = prefix + "_PORT_" + port.port() + "_" + protocol;
        env.put(portPrefix, url);
        env.put(portPrefix + "_PROTO", scheme);
        env.put(portPrefix + "_PORT", Integer.toString(port.port()));
        env.put(portPrefix + "_ADDR", ip);
      }
    }
    return env;
  }

  /** Whether the service has an address of its own: not headless, not {@code ExternalName}. */
  static boolean hasClusterIp(Service service) {
    String ip = service.spec().clusterIP();
    return ip != null
        && !ip.isEmpty()
        && !"None".equals(ip)
        && !ServiceSpec.EXTERNAL_NAME.equals(service.spec().type());
  }

  /** {@code my-db} becomes {@code MY_DB}. */
  static String envName(String name) {
    return name.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String hostPort(String ip, int port) {
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
  }
}
