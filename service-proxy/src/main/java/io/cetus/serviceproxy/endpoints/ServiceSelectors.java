package io.cetus.serviceproxy.endpoints;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cetus.api.core.Pod;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServiceSpec;
import io.cetus.client.informer.Lister;
import io.cetus.controller.reconcile.Request;

/**
 * Which pods a Service selects. A service selects the pods of its namespace whose labels hold every
 * pair of {@code spec.selector}; a service without a selector (or with an empty one, which the API
 * stores as none) selects nothing, and its Endpoints are written by hand.
 */
final class ServiceSelectors {

  private ServiceSelectors() {}

  /** Whether the controller keeps this service's Endpoints: it has a selector and is no alias. */
  static boolean isManaged(Service service) {
    return !service.spec().selector().isEmpty()
        && !ServiceSpec.EXTERNAL_NAME.equals(service.spec().type());
  }

  /** Whether {@code service} has a selector and {@code labels} satisfy it. */
  static boolean selects(Service service, Map<String, String> labels) {
    Map<String, String> selector = service.spec().selector();
    return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }

  /** The pods among {@code pods} that {@code service} selects. */
  static List<Pod> selected(Service service, List<Pod> pods) {
    return pods.stream().filter(pod -> selects(service, pod.metadata().labels())).toList();
  }

  /** The services of the pod's namespace that select it, by the labels it carries. */
  static Set<Request> selecting(Lister<Service> services, Pod pod) {
    Set<Request> requests = new HashSet<>();
    for (Service service : services.list(pod.metadata().namespace())) {
      if (selects(service, pod.metadata().labels())) {
        requests.add(Request.of(service));
      }
    }
    return requests;
  }
}
