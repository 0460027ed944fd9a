package io.cetus.objectstore.table;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static io.cetus.objectstore.table.Formats.NONE;

/** Rows of the kinds with one or two columns besides Name and Age. */
final class SimplePrinters {

  /** Endpoints show at most this many addresses, then {@code + N more...}. */
  private static final int MAX_ENDPOINTS = 3;

  private SimplePrinters() {}

  /** Name, Age: every kind without columns of its own. */
  static RowPrinter generic() {
    return RowPrinter.of(
        List.of(TableColumn.nameColumn(), TableColumn.ageColumn()),
        (object, now) -> List.of(Formats.name(object), Formats.age(object, now)));
  }

  /** Name, Status (the phase), Age. */
  static RowPrinter namespaces() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Status", "Active, or Terminating while being deleted."),
            TableColumn.ageColumn()),
        (namespace, now) ->
            List.of(
                Formats.name(namespace),
                Formats.text(namespace, "/status/phase"),
                Formats.age(namespace, now)));
  }

  /** Name, Data (the number of keys, text and binary), Age. */
  static RowPrinter configMaps() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.integer("Data", "Number of keys."),
            TableColumn.ageColumn()),
        (configMap, now) ->
            List.of(
                Formats.name(configMap),
                Formats.size(configMap, "/data") + Formats.size(configMap, "/binaryData"),
                Formats.age(configMap, now)));
  }

  /** Name, Type, Data (the number of keys), Age. */
  static RowPrinter secrets() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Type", "The type of the secret."),
            TableColumn.integer("Data", "Number of keys."),
            TableColumn.ageColumn()),
        (secret, now) ->
            List.of(
                Formats.name(secret),
                Formats.text(secret, "/type"),
                Formats.size(secret, "/data"),
                Formats.age(secret, now)));
  }

  /** Name, Endpoints ({@code 10.0.0.1:80,10.0.0.2:80 + 3 more...}), Age. */
  static RowPrinter endpoints() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Endpoints", "Ready addresses and ports."),
            TableColumn.ageColumn()),
        (endpoints, now) ->
            List.of(
                Formats.name(endpoints), formatEndpoints(endpoints), Formats.age(endpoints, now)));
  }

  /** Name, Holder, Age. */
  static RowPrinter leases() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Holder", "The identity holding the lease."),
            TableColumn.ageColumn()),
        (lease, now) ->
            List.of(
                Formats.name(lease),
                Formats.text(lease, "/spec/holderIdentity"),
                Formats.age(lease, now)));
  }

  private static String formatEndpoints(JsonNode endpoints) {
    List<JsonNode> subsets = Formats.list(endpoints, "/subsets");
    if (subsets.isEmpty()) {
      return NONE;
    }
    List<String> shown = new ArrayList<>();
    int total = 0;
    for (JsonNode subset : subsets) {
      List<JsonNode> addresses = Formats.list(subset, "/addresses");
      List<JsonNode> ports = Formats.list(subset, "/ports");
      if (ports.isEmpty()) {
        total += addresses.size();
        for (JsonNode address : addresses) {
          if (shown.size() < MAX_ENDPOINTS) {
            shown.add(address.path("ip").asString(""));
          }
        }
        continue;
      }
      for (JsonNode port : ports) {
        total += addresses.size();
        for (JsonNode address : addresses) {
          if (shown.size() < MAX_ENDPOINTS) {
            shown.add(hostPort(address.path("ip").asString(""), port.path("port").asLong(0)));
          }
        }
      }
    }
    String list = String.join(",", shown);
    if (total > shown.size()) {
      return list + " + " + (total - shown.size()) + " more...";
    }
    return list.isEmpty() ? NONE : list;
  }

  private static String hostPort(String ip, long port) {
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
  }
}
