package io.cetus.objectstore.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import static io.cetus.objectstore.table.Formats.NONE;

/**
 * Node rows: {@code node-1 Ready,SchedulingDisabled control-plane 3d v1.32.4}. Status comes from
 * the Ready condition ({@code Ready}, {@code NotReady}, {@code Unknown} without one); roles from
 * the {@code node-role.kubernetes.io/<role>} and {@code kubernetes.io/role} labels.
 */
final class NodePrinter implements RowPrinter {

  private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.string("Status", "Whether the node is ready and schedulable."),
          TableColumn.string("Roles", "The roles of the node."),
          TableColumn.ageColumn(),
          TableColumn.string("Version", "The kubelet version the node reports."),
          TableColumn.wide("Internal-IP", "The node's internal address."),
          TableColumn.wide("External-IP", "The node's external address."),
          TableColumn.wide("OS-Image", "The operating system image."),
          TableColumn.wide("Kernel-Version", "The kernel version."),
          TableColumn.wide("Container-Runtime", "The container runtime and its version."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode node, Instant now) {
    return List.of(
        Formats.name(node),
        status(node),
        roles(node),
        Formats.age(node, now),
        Formats.text(node, "/status/nodeInfo/kubeletVersion"),
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        Formats.textOr(node, "/status/nodeInfo/osImage", "<unknown>"),
        Formats.textOr(node, "/status/nodeInfo/kernelVersion", "<unknown>"),
        Formats.textOr(node, "/status/nodeInfo/containerRuntimeVersion", "<unknown>"));
  }

  private static String status(JsonNode node) {
    List<String> status = new ArrayList<>();
    for (JsonNode condition : node.at("/status/conditions")) {
      if ("Ready".equals(condition.path("type").asString(""))) {
        status.add("True".equals(condition.path("status").asString("")) ? "Ready" : "NotReady");
        break;
      }
    }
    if (status.isEmpty()) {
      status.add("Unknown");
    }
    if (node.at("/spec/unschedulable").asBoolean(false)) {
      status.add("SchedulingDisabled");
    }
    return String.join(",", status);
  }

  private static String roles(JsonNode node) {
    TreeSet<String> roles = new TreeSet<>();
    for (Map.Entry<String, JsonNode> label : node.at("/metadata/labels").properties()) {
      String key = label.getKey();
      if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
        roles.add(key.substring(ROLE_LABEL_PREFIX.length()));
      } else if (key.equals(ROLE_LABEL) && !label.getValue().asString("").isEmpty()) {
        roles.add(label.getValue().asString(""));
      }
    }
    return roles.isEmpty() ? NONE : String.join(",", roles);
  }

  private static String address(JsonNode node, String type) {
    for (JsonNode address : node.at("/status/addresses")) {
      if (type.equals(address.path("type").asString(""))) {
        return address.path("address").asString(NONE);
      }
    }
    return NONE;
  }
}
