package io.cetus.gateway.podstream;

import java.net.URI;

/**
 * Where the node agent of a node serves HTTP: the node's address and the port it publishes as
 * {@code status.daemonEndpoints.kubeletEndpoint.Port}.
 *
 * @param node the Node's name
 * @param host an IP address or host name of the node
 * @param port the agent's HTTP port
 */
public record NodeAgentEndpoint(String node, String host, int port) {

  /** {@code requestUrl} with this agent as scheme, host and port; raw path and query unchanged. */
  public URI target(URI requestUrl) {
    String query = requestUrl.getRawQuery();
    return URI.create(
        "http://"
            + hostInUri()
            + ":"
            + port
            + requestUrl.getRawPath()
            + (query != null ? "?" + query : ""));
  }

  /** The name of the service behind this endpoint, for messages. */
  public String serviceName() {
    return "node-agent of node " + node;
  }

  private String hostInUri() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
