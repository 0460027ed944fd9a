package io.cetus.objectstore.admission;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cetus.api.quantity.Quantity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod's quality-of-service class, which Kubernetes records in {@code status.qosClass} when the
 * pod is created: {@code Guaranteed} when every container limits CPU and memory and requests
 * exactly its limits, {@code BestEffort} when no container asks for or limits either, else {@code
 * Burstable}.
 */
final class PodQos {

  private static final List<String> QOS_RESOURCES = List.of("cpu", "memory");

  private PodQos() {}

  static String of(ObjectNode spec) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    for (String list : List.of("initContainers", "containers")) {
      for (ObjectNode container : JsonDefaults.objects(spec, list)) {
        ObjectNode resources = JsonDefaults.object(container, "resources");
        if (resources == null) {
          guaranteed = false;
          continue;
        }
        add(requests, JsonDefaults.object(resources, "requests"));
        Set<String> limited = add(limits, JsonDefaults.object(resources, "limits"));
        if (!limited.containsAll(QOS_RESOURCES)) {
          guaranteed = false;
        }
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> request : requests.entrySet()) {
        BigDecimal limit = limits.get(request.getKey());
        if (limit == null || limit.compareTo(request.getValue()) != 0) {
          guaranteed = false;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
  }

  /** Adds the positive CPU and memory amounts of {@code list}; returns the resources it named. */
  private static Set<String> add(Map<String, BigDecimal> sums, @Nullable ObjectNode list) {
    Set<String> found = new HashSet<>();
    if (list == null) {
      return found;
    }
    for (String resource : QOS_RESOURCES) {
      JsonNode value = list.get(resource);
      if (value == null || !value.isString()) {
        continue;
      }
      try {
        BigDecimal amount = Quantity.parse(value.stringValue()).value();
        if (amount.signum() > 0) {
          found.add(resource);
          sums.merge(resource, amount, BigDecimal::add);
        }
      } catch (IllegalArgumentException e) {
        // Not a quantity: validation rejects the pod before anyone reads its class.
      }
    }
    return found;
  }
}
