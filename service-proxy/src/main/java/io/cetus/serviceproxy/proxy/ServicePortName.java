package io.cetus.serviceproxy.proxy;

/**
 * One port of one service, as Kubernetes names it: {@code namespace/service:port}, where {@code
 * port} is the port's name (empty for the single unnamed port of a service).
 */
record ServicePortName(String namespace, String service, String port) {

  @Override
  public String toString() {
    return namespace + "/" + service + ":" + port;
  }
}
