package io.cetus.serviceproxy.endpoints;

import java.util.ArrayList;
import java.util.List;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointSubset;

/**
 * Kubernetes' cap on the size of one Endpoints object: at most {@value #MAX_ADDRESSES} addresses.
 * Beyond it, the not-ready addresses are cut first; if the ready ones alone exceed it, every
 * not-ready address goes and the ready ones are cut. Each subset keeps a share proportional to its
 * size, rounded up, the last ones taking what is left; the first addresses of each subset (in its
 * sorted order) are kept. A cut Endpoints carries the annotation {@value #OVER_CAPACITY}{@code :
 * truncated}.
 */
final class EndpointsCapacity {

  static final int MAX_ADDRESSES = 1000;
  static final String OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
  static final String TRUNCATED = "truncated";

  private EndpointsCapacity() {}

  /** {@code subsets}, cut to the capacity. */
  static Capped cap(List<EndpointSubset> subsets) {
    int ready = 0;
    int notReady = 0;
    for (EndpointSubset subset : subsets) {
      ready += subset.addresses().size();
      notReady += subset.notReadyAddresses().size();
    }
    if (ready + notReady <= MAX_ADDRESSES) {
      return new Capped(subsets, false);
    }
    boolean cutReady = ready > MAX_ADDRESSES;
    int room = cutReady ? MAX_ADDRESSES : MAX_ADDRESSES - ready;
    int total = cutReady ? ready : notReady;
    int left = room;
    List<EndpointSubset> capped = new ArrayList<>(subsets.size());
    for (EndpointSubset subset : subsets) {
      List<EndpointAddress> cut = cutReady ? subset.addresses() : subset.notReadyAddresses();
      int share = (int) Math.ceil((double) cut.size() / total * room);
      List<EndpointAddress> kept = cut.subList(0, Math.min(cut.size(), Math.min(share, left)));
      left -= kept.size();
      capped.add(
          cutReady
              ? new EndpointSubset(kept, List.of(), subset.ports())
              : new EndpointSubset(subset.addresses(), kept, subset.ports()));
    }
    return new Capped(List.copyOf(capped), true);
  }

  /** Subsets within the capacity, and whether addresses had to be cut. */
  record Capped(List<EndpointSubset> subsets, boolean truncated) {}
}
