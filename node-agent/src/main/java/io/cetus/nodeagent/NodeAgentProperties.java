package io.cetus.nodeagent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cetus.nodeagent.pod.ClusterNetwork;

/**
 * {@code platform.node-agent.*}.
 *
 * @param nodeName the Node this agent registers and runs pods for; blank means this machine's
 *     hostname, lower-cased
 * @param network the engine network pod sandboxes attach to
 * @param sandboxImage the image of the container that owns a pod's network namespace
 * @param heartbeatInterval how often the Node's status and its Lease are renewed
 * @param leaseDuration the {@code leaseDurationSeconds} written into the Lease
 * @param maxPods the {@code pods} capacity of the Node
 * @param address the node's reachable IP: {@code InternalIP} (where the gateway reaches this
 *     agent), {@code hostIP}, and by default where declared container ports are published. A host
 *     name is resolved to its IP once, at startup (an agent in a container names itself by its
 *     alias on the control-plane network).
 * @param runtime {@code docker}, or {@code fake} for hollow nodes and tests
 * @param stateDir where volumes ({@code emptyDir}, {@code configMap}, {@code secret}) live on the
 *     node
 * @param fakeImages with the {@code fake} runtime, the images it has (besides the sandbox image),
 *     so hollow nodes can run pods of those images; {@code *} means every image
 * @param hollow hollow nodes: when {@code hollow.nodes} is above 0, this process runs that many
 *     simulated nodes on the fake runtime instead of one node of its own
 * @param publishAddress the engine host's IP on which declared container ports are published; blank
 *     means {@code address}. An agent in a container sets it apart: its own address is not one of
 *     the engine host's, and Docker publishes ports on the host.
 * @param podNetwork the addresses of the pods' network and the cluster DNS
 */
@ConfigurationProperties("platform.node-agent")
public record NodeAgentProperties(
    @Nullable String nodeName,
    @DefaultValue("cetus") String network,
    @DefaultValue("cetus/pause:1") String sandboxImage,
    @DefaultValue("10s") Duration heartbeatInterval,
    @DefaultValue("40s") Duration leaseDuration,
    @DefaultValue("110") int maxPods,
    @DefaultValue("127.0.0.1") String address,
    @DefaultValue("docker") RuntimeKind runtime,
    @Nullable Path stateDir,
    @Nullable List<String> fakeImages,
    @DefaultValue Hollow hollow,
    @Nullable String publishAddress,
    @DefaultValue PodNetwork podNetwork) {

  /** The wildcard of {@code fake-images}: the fake runtime has every image. */
  public static final String EVERY_IMAGE = "*";

  /** Which {@code ContainerRuntime} the agent drives. */
  public enum RuntimeKind {
    DOCKER,
    FAKE
  }

  public NodeAgentProperties {
    if (nodeName == null || nodeName.isBlank()) {
      nodeName = hostname();
    }
    fakeImages = fakeImages == null ? List.of() : List.copyOf(fakeImages);
    address = resolve(address);
    if (publishAddress == null || publishAddress.isBlank()) {
      publishAddress = address;
    }
    if (stateDir == null) {
      stateDir = Path.of(System.getProperty("java.io.tmpdir"), "cetus-node-agent", nodeName);
    }
  }

  /** The node name, never blank (the constructor resolves it). */
  public String node() {
    return java.util.Objects.requireNonNull(nodeName);
  }

  /** The fake runtime's images, never null (the constructor resolves it). */
  public List<String> fakeImageList() {
    return java.util.Objects.requireNonNull(fakeImages);
  }

  /** The state directory, never null (the constructor resolves it). */
  public Path state() {
    return java.util.Objects.requireNonNull(stateDir);
  }

  /** Whether this process runs hollow nodes rather than a node of its own. */
  public boolean hollowMode() {
    return hollow.nodes() > 0;
  }

  /**
   * {@code platform.node-agent.hollow.*}: many simulated nodes in one process, as Kubernetes'
   * kubemark runs hollow kubelets. Each registers its Node with this capacity, renews its Lease and
   * runs the pods bound to it on a fake runtime of its own that has every image.
   *
   * @param nodes how many nodes; 0 (the default) runs the ordinary agent
   * @param namePrefix node names are this plus 1..nodes
   * @param cpu the {@code cpu} capacity of each node
   * @param memory the {@code memory} capacity of each node, a quantity ({@code 16Gi})
   * @param workers the reconcile workers shared by all the nodes' pods
   * @param heartbeatThreads the threads shared by all the nodes' heartbeats
   */
  public record Hollow(
      @DefaultValue("0") int nodes,
      @DefaultValue("hollow-node-") String namePrefix,
      @DefaultValue("4") int cpu,
      @DefaultValue("16Gi") String memory,
      @DefaultValue("8") int workers,
      @DefaultValue("2") int heartbeatThreads) {

    public Hollow {
      if (nodes < 0 || cpu < 1 || workers < 1 || heartbeatThreads < 1) {
        throw new IllegalArgumentException(
            "platform.node-agent.hollow: nodes must be 0 or more; cpu, workers and"
                + " heartbeat-threads at least 1");
      }
    }

    /** The name of the {@code index}-th node, from 1. */
    public String nodeName(int index) {
      return namePrefix + index;
    }
  }

  /**
   * {@code platform.node-agent.pod-network.*}: the layout of the pods' network, shared with the
   * object store (cluster IPs) and the service proxy (which holds them and serves DNS).
   *
   * @param subnet the subnet the agent creates the pods' network with ({@code CETUS_POD_SUBNET});
   *     blank lets the engine pick one
   * @param ipRange the part of it the engine hands pod IPs from ({@code CETUS_POD_IP_RANGE}); the
   *     rest holds cluster IPs and the DNS address
   * @param clusterDns the nameserver of {@code ClusterFirst} pods ({@code CETUS_CLUSTER_DNS});
   *     blank gives them the engine's resolver
   * @param clusterDomain the cluster's DNS domain ({@code CETUS_CLUSTER_DOMAIN})
   */
  public record PodNetwork(
      @DefaultValue(ClusterNetwork.DEFAULT_POD_SUBNET) String subnet,
      @DefaultValue(ClusterNetwork.DEFAULT_POD_IP_RANGE) String ipRange,
      @DefaultValue(ClusterNetwork.DEFAULT_CLUSTER_DNS) String clusterDns,
      @DefaultValue(ClusterNetwork.DEFAULT_CLUSTER_DOMAIN) String clusterDomain) {

    public PodNetwork {
      try {
        cluster(subnet, ipRange, clusterDns, clusterDomain);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("platform.node-agent.pod-network: " + e.getMessage(), e);
      }
    }

    /** The layout the pod logic works with. */
    public ClusterNetwork cluster() {
      return cluster(subnet, ipRange, clusterDns, clusterDomain);
    }

    private static ClusterNetwork cluster(
        String subnet, String ipRange, String clusterDns, String clusterDomain) {
      return new ClusterNetwork(subnet, ipRange, clusterDns, clusterDomain);
    }
  }

  /** Where declared container ports are published, never null (the constructor resolves it). */
  public String publishedAddress() {
    return java.util.Objects.requireNonNull(publishAddress);
  }

  private static String resolve(String address) {
    try {
      // an IP literal is taken as it is, without a lookup
      return InetAddress.getByName(address.trim()).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "platform.node-agent.address " + address + " is neither an IP nor a known host name", e);
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
