package io.cetus.nodeagent.pod;

/**
 * What the pod logic needs to know about its node.
 *
 * @param nodeName the node whose pods this agent runs
 * @param address the node's reachable IP: {@code hostIP} and the {@code status.hostIP} of env
 * @param network the engine network sandboxes attach to
 * @param sandboxImage the image of each pod's sandbox
 * @param publishAddress the engine host's IP on which declared container ports are published;
 *     differs from {@code address} only when the agent runs in a container (see {@code
 *     platform.node-agent.publish-address})
 * @param cluster the pods' subnet, the cluster DNS and domain
 */
public record AgentSettings(
    String nodeName,
    String address,
    String network,
    String sandboxImage,
    String publishAddress,
    ClusterNetwork cluster) {

  /** Settings with the default cluster network layout. */
  public AgentSettings(
      String nodeName, String address, String network, String sandboxImage, String publishAddress) {
    this(nodeName, address, network, sandboxImage, publishAddress, ClusterNetwork.DEFAULTS);
  }

  /** Settings of an agent that publishes pod ports on its own address. */
  public AgentSettings(String nodeName, String address, String network, String sandboxImage) {
    this(nodeName, address, network, sandboxImage, address);
  }

  /** The same settings with another cluster network layout. */
  public AgentSettings withCluster(ClusterNetwork newCluster) {
    return new AgentSettings(nodeName, address, network, sandboxImage, publishAddress, newCluster);
  }
}
