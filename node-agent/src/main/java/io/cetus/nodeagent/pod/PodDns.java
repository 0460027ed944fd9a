package io.cetus.nodeagent.pod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Pod;
import io.cetus.nodeagent.runtime.DnsConfig;

/**
 * A pod's resolver settings from {@code spec.dnsPolicy} and {@code spec.dnsConfig}, as the kubelet
 * builds them ({@code pkg/kubelet/network/dns}). Pure. They go on the pod's sandbox; its other
 * containers share its network namespace and get its {@code resolv.conf}.
 *
 * <ul>
 *   <li>{@code ClusterFirst} (the default) and {@code ClusterFirstWithHostNet}: the cluster DNS as
 *       the only nameserver, search {@code <ns>.svc.<domain> svc.<domain> <domain>}, {@code
 *       ndots:5}. Without a cluster DNS address, {@code Default}.
 *   <li>{@code Default}: the engine's own settings (the node's resolver).
 *   <li>{@code None}: {@code spec.dnsConfig} only.
 * </ul>
 *
 * Then {@code spec.dnsConfig} is merged in: its nameservers and searches are appended (duplicates
 * dropped), its options override options of the same name. At most 3 nameservers, and at most 32
 * search domains of 2048 characters in all, as Kubernetes allows.
 *
 * <p>Where Docker cannot follow: with {@code Default}, a {@code dnsConfig} list replaces the node's
 * list instead of extending it (the agent does not read the engine host's {@code resolv.conf}), and
 * with {@code None} and no nameservers the engine still forwards to the node's servers. The node's
 * own search domains are not appended to the cluster ones. {@code hostNetwork} is not supported by
 * this agent (pods always run on the pods' network), so {@code ClusterFirst} never falls back to
 * {@code Default} for it.
 */
final class PodDns {

  static final String CLUSTER_FIRST = "ClusterFirst";
  static final String CLUSTER_FIRST_WITH_HOST_NET = "ClusterFirstWithHostNet";
  static final String DEFAULT = "Default";
  static final String NONE = "None";

  static final int MAX_NAMESERVERS = 3;
  static final int MAX_SEARCHES = 32;
  static final int MAX_SEARCH_CHARS = 2048;

  private PodDns() {}

  /**
   * The sandbox's resolver settings; {@code null} keeps the engine's.
   *
   * @param cluster the cluster DNS address and domain
   */
  static @Nullable DnsConfig config(Pod pod, ClusterNetwork cluster) {
    String policy = pod.spec().dnsPolicy();
    if (policy == null || policy.isEmpty()) {
      policy = CLUSTER_FIRST;
    }
    List<String> nameservers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    boolean engineDefault = false;
    switch (policy) {
      case NONE -> {}
      case DEFAULT -> engineDefault = true;
      default -> {
        // ClusterFirst, ClusterFirstWithHostNet, and anything unknown (the kubelet's fallback)
        if (cluster.clusterDns() == null) {
          engineDefault = true;
        } else {
          String domain = cluster.clusterDomain();
          nameservers.add(cluster.clusterDns());
          searches.add(PodContainers.namespace(pod) + ".svc." + domain);
          searches.add("svc." + domain);
          searches.add(domain);
          options.put("ndots", "5");
        }
      }
    }
    Map<String, Object> dnsConfig = pod.spec().dnsConfig();
    if (dnsConfig != null) {
      nameservers.addAll(strings(dnsConfig.get("nameservers")));
      searches.addAll(strings(dnsConfig.get("searches")));
      mergeOptions(options, dnsConfig.get("options"));
    }
    List<String> servers = limit(distinct(nameservers), MAX_NAMESERVERS);
    List<String> domains = fitSearches(distinct(searches));
    List<String> optionList = new ArrayList<>();
    options.forEach((name, value) -> optionList.add(value.isEmpty() ? name : name + ":" + value));
    if (engineDefault && servers.isEmpty() && domains.isEmpty() && optionList.isEmpty()) {
      return null;
    }
    if (NONE.equals(policy) && domains.isEmpty()) {
      domains = List.of(DnsConfig.NO_SEARCH); // no search line, not the node's
    }
    return new DnsConfig(servers, domains, optionList);
  }

  private static List<String> strings(@Nullable Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item != null && !item.toString().isBlank()) {
          result.add(item.toString().strip());
        }
      }
    }
    return result;
  }

  /** {@code options: [{name, value}]}: a later option replaces an earlier one of the same name. */
  private static void mergeOptions(Map<String, String> options, @Nullable Object value) {
    if (!(value instanceof List<?> list)) {
      return;
    }
    for (Object item : list) {
      if (item instanceof Map<?, ?> option && option.get("name") != null) {
        String name = option.get("name").toString().strip();
        if (!name.isEmpty()) {
          Object optionValue = option.get("value");
          options.put(name, optionValue == null ? "" : optionValue.toString());
        }
      }
    }
  }

  private static List<String> distinct(List<String> values) {
    return new ArrayList<>(new LinkedHashSet<>(values));
  }

  private static List<String> limit(List<String> values, int max) {
    return values.size() <= max ? values : values.subList(0, max);
  }

  /** The kubelet drops search domains past 32, or past 2048 characters of search line. */
  private static List<String> fitSearches(List<String> searches) {
    List<String> fitted = new ArrayList<>();
    int chars = 0;
    for (String search : limit(searches, MAX_SEARCHES)) {
      int needed = chars + (fitted.isEmpty() ? 0 : 1) + search.length();
      if (needed > MAX_SEARCH_CHARS) {
        break;
      }
      fitted.add(search);
      chars = needed;
    }
    return fitted;
  }
}
