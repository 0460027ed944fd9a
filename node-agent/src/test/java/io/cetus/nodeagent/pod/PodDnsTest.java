package io.cetus.nodeagent.pod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.nodeagent.runtime.DnsConfig;

import static org.assertj.core.api.Assertions.assertThat;

class PodDnsTest {

  private static final ClusterNetwork CLUSTER = ClusterNetwork.DEFAULTS;
  private static final List<String> SHOP_SEARCH =
      List.of("shop.svc.cluster.local", "svc.cluster.local", "cluster.local");

  @Test
  void clusterFirstIsTheDefaultAndAsksTheClusterDnsWithTheNamespacesSearchPath() {
    DnsConfig dns = PodDns.config(pod(""), CLUSTER);

    assertThat(dns)
        .isEqualTo(new DnsConfig(List.of("10.242.255.10"), SHOP_SEARCH, List.of("ndots:5")));
    assertThat(PodDns.config(pod("dnsPolicy: ClusterFirst"), CLUSTER)).isEqualTo(dns);
  }

  @Test
  void clusterFirstWithHostNetIsClusterFirstForAPodOnThePodsNetwork() {
    assertThat(PodDns.config(pod("dnsPolicy: ClusterFirstWithHostNet"), CLUSTER))
        .isEqualTo(PodDns.config(pod(""), CLUSTER));
    // hostNetwork is not supported by this agent: the pod runs on the pods' network all the same
    assertThat(PodDns.config(pod("{hostNetwork: true, dnsPolicy: ClusterFirst}"), CLUSTER))
        .isEqualTo(PodDns.config(pod(""), CLUSTER));
  }

  @Test
  void theClusterDomainIsASetting() {
    ClusterNetwork cluster = new ClusterNetwork(null, null, "10.96.0.10", "corp.example.");

    DnsConfig dns = PodDns.config(pod(""), cluster);

    assertThat(dns.nameservers()).containsExactly("10.96.0.10");
    assertThat(dns.searches())
        .containsExactly("shop.svc.corp.example", "svc.corp.example", "corp.example");
  }

  @Test
  void defaultKeepsTheEnginesResolver() {
    assertThat(PodDns.config(pod("dnsPolicy: Default"), CLUSTER)).isNull();
  }

  @Test
  void withoutAClusterDnsClusterFirstFallsBackToDefault() {
    ClusterNetwork noDns = new ClusterNetwork("10.242.0.0/16", null, null, "cluster.local");

    assertThat(PodDns.config(pod(""), noDns)).isNull();
  }

  @Test
  void noneTakesDnsConfigOnly() {
    DnsConfig dns =
        PodDns.config(
            pod(
                """
                dnsPolicy: None
                dnsConfig:
                  nameservers: [192.0.2.53]
                  searches: [corp.example]
                  options: [{name: ndots, value: "2"}, {name: edns0}]
                """),
            CLUSTER);

    assertThat(dns)
        .isEqualTo(
            new DnsConfig(
                List.of("192.0.2.53"), List.of("corp.example"), List.of("ndots:2", "edns0")));
  }

  @Test
  void noneWithoutSearchesHasNoSearchLine() {
    DnsConfig dns =
        PodDns.config(pod("{dnsPolicy: None, dnsConfig: {nameservers: [192.0.2.53]}}"), CLUSTER);

    assertThat(dns.searches()).containsExactly(DnsConfig.NO_SEARCH);
    assertThat(dns.options()).isEmpty();
  }

  @Test
  void dnsConfigIsMergedIntoClusterFirstAsKubernetesDoes() {
    DnsConfig dns =
        PodDns.config(
            pod(
                """
                dnsConfig:
                  nameservers: [192.0.2.53, 10.242.255.10]
                  searches: [corp.example, svc.cluster.local]
                  options: [{name: ndots, value: "2"}, {name: edns0}, {name: timeout, value: "3"}]
                """),
            CLUSTER);

    assertThat(dns.nameservers()).containsExactly("10.242.255.10", "192.0.2.53");
    assertThat(dns.searches())
        .containsExactly(
            "shop.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example");
    assertThat(dns.options()).containsExactly("ndots:2", "edns0", "timeout:3");
  }

  @Test
  void dnsConfigWithDefaultReplacesTheEnginesLists() {
    DnsConfig dns =
        PodDns.config(
            pod("{dnsPolicy: Default, dnsConfig: {options: [{name: single-request}]}}"), CLUSTER);

    assertThat(dns).isEqualTo(new DnsConfig(List.of(), List.of(), List.of("single-request")));
  }

  @Test
  void atMostThreeNameserversAnd32SearchDomainsOf2048Characters() {
    String manySearches =
        String.join(", ", IntStream.range(0, 40).mapToObj(i -> "d" + i + ".example").toList());
    DnsConfig dns =
        PodDns.config(
            pod(
                """
                dnsPolicy: None
                dnsConfig:
                  nameservers: [192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4]
                  searches: [%s]
                """
                    .formatted(manySearches)),
            CLUSTER);

    assertThat(dns.nameservers()).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
    assertThat(dns.searches()).hasSize(32).startsWith("d0.example").endsWith("d31.example");

    List<String> longDomains =
        IntStream.range(0, 12).mapToObj(i -> i + "a".repeat(250) + ".example").toList();
    DnsConfig longOnes =
        PodDns.config(
            pod(
                "{dnsPolicy: None, dnsConfig: {searches: [%s]}}"
                    .formatted(String.join(", ", longDomains))),
            CLUSTER);
    assertThat(longOnes.searches()).hasSize(7).isEqualTo(longDomains.subList(0, 7));
    assertThat(String.join(" ", longOnes.searches()).length()).isLessThanOrEqualTo(2048);
  }

  /** A pod in namespace {@code shop} with these spec fields (YAML, block or flow style). */
  @SuppressWarnings("unchecked")
  private static Pod pod(String spec) {
    Map<String, Object> fields =
        spec.isBlank()
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(Json.yaml().readValue(spec, Map.class));
    fields.put("containers", List.of(Map.of("name", "app", "image", "app:1")));
    Map<String, Object> pod =
        Map.of(
            "metadata", Map.of("name", "web", "namespace", "shop", "uid", "u-1"), "spec", fields);
    return Json.mapper().convertValue(pod, Pod.class);
  }
}
