package io.cetus.nodeagent.pod;

/**
 * What the pod logic needs to know about its node.
 *
 * @param nodeName the node whose pods this agent runs
 * @param address the node's reachable IP: {@code hostIP}, and where container ports are published
 * @param network the engine network sandboxes attach to
 * @param sandboxImage the image of each pod's sandbox
 */
public record AgentSettings(String nodeName, String address, String network, String sandboxImage) {}
