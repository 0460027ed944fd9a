package io.cetus.objectstore.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static io.cetus.objectstore.table.Formats.NONE;
import static io.cetus.objectstore.table.Formats.text;

/**
 * Service rows: {@code web ClusterIP 10.96.0.12 <none> 80/TCP,443:30443/TCP 5m}. External-IP is the
 * external IPs, for a LoadBalancer also its ingress addresses ({@code <pending>} while there are
 * none), for an ExternalName service the name.
 */
final class ServicePrinter implements RowPrinter {

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.string("Type", "ClusterIP, NodePort, LoadBalancer or ExternalName."),
          TableColumn.string("Cluster-IP", "The cluster address of the service."),
          TableColumn.string("External-IP", "Addresses the service is reachable at from outside."),
          TableColumn.string("Port(s)", "Ports, with node ports, and protocols."),
          TableColumn.ageColumn(),
          TableColumn.wide("Selector", "The labels of the pods the service routes to."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode service, Instant now) {
    return List.of(
        Formats.name(service),
        Formats.textOr(service, "/spec/type", "ClusterIP"),
        Formats.textOr(service, "/spec/clusterIP", NONE),
        externalIp(service),
        ports(service),
        Formats.age(service, now),
        Formats.labels(service.at("/spec/selector")));
  }

  private static String externalIp(JsonNode service) {
    List<String> externalIps = new ArrayList<>();
    service.at("/spec/externalIPs").forEach(ip -> externalIps.add(ip.asString("")));
    switch (Formats.textOr(service, "/spec/type", "ClusterIP")) {
      case "LoadBalancer" -> {
        List<String> addresses = new ArrayList<>();
        for (JsonNode ingress : service.at("/status/loadBalancer/ingress")) {
          String address = ingress.path("ip").asString("");
          addresses.add(address.isEmpty() ? ingress.path("hostname").asString("") : address);
        }
        addresses.addAll(externalIps);
        return addresses.isEmpty() ? "<pending>" : String.join(",", addresses);
      }
      case "ExternalName" -> {
        return text(service, "/spec/externalName");
      }
      default -> {
        return externalIps.isEmpty() ? NONE : String.join(",", externalIps);
      }
    }
  }

  private static String ports(JsonNode service) {
    List<String> ports = new ArrayList<>();
    for (JsonNode port : service.at("/spec/ports")) {
      long nodePort = port.path("nodePort").asLong(0);
      String protocol = port.path("protocol").asString("TCP");
      ports.add(
          port.path("port").asLong(0) + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
    }
    return ports.isEmpty() ? NONE : String.join(",", ports);
  }
}
