package io.cetus.objectstore.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery documents kubectl and the client libraries read before anything else, built once
 * from {@link ResourceTypes}.
 *
 * <ul>
 *   <li>{@link #version()}: {@code /version}, reporting Kubernetes {@value #KUBERNETES_VERSION}
 *       (the gcloud kubectl dispatcher picks the kubectl build from the minor version).
 *   <li>{@link #aggregatedCore()} and {@link #aggregatedGroups()}: {@code /api} and {@code /apis}
 *       in aggregated form, to be sent with {@link #AGGREGATED_CONTENT_TYPE} when {@link
 *       #wantsAggregated} says the client accepts it; then kubectl needs no other request.
 *   <li>{@link #legacyCore()}, {@link #legacyGroups()}, {@link #group}, {@link #resourceList}: the
 *       older per-group documents ({@code /api}, {@code /apis}, {@code /apis/apps}, {@code
 *       /api/v1}, {@code /apis/apps/v1}), sent as {@code application/json}.
 * </ul>
 *
 * Every method returns a fresh copy the caller may modify. Thread-safe.
 */
@Component
public class DiscoveryDocuments {

  /** The Content-Type of the aggregated {@code /api} and {@code /apis} responses. */
  public static final String AGGREGATED_CONTENT_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  /** The Kubernetes release whose API Cetus serves. */
  public static final String KUBERNETES_VERSION = "v1.32.4";

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode version = buildVersion();
  private final ObjectNode aggregatedCore = buildAggregated(true);
  private final ObjectNode aggregatedGroups = buildAggregated(false);
  private final ObjectNode legacyCore = buildLegacyCore();
  private final ObjectNode legacyGroups = buildLegacyGroups();

  /** {@code /version}: major {@code 1}, minor {@code 32}, gitVersion {@code v1.32.4+cetus}. */
  public ObjectNode version() {
    return version.deepCopy();
  }

  /** {@code /api}: an {@code APIGroupDiscoveryList} with the core group (named {@code ""}). */
  public ObjectNode aggregatedCore() {
    return aggregatedCore.deepCopy();
  }

  /** {@code /apis}: an {@code APIGroupDiscoveryList} with every named group. */
  public ObjectNode aggregatedGroups() {
    return aggregatedGroups.deepCopy();
  }

  /** {@code /api} as {@code APIVersions}: the core group's one version, {@code v1}. */
  public ObjectNode legacyCore() {
    return legacyCore.deepCopy();
  }

  /** {@code /apis} as {@code APIGroupList}. */
  public ObjectNode legacyGroups() {
    return legacyGroups.deepCopy();
  }

  /** {@code /apis/<group>} as {@code APIGroup}; empty for the core group and unknown groups. */
  public Optional<ObjectNode> group(String group) {
    if (group.isEmpty() || !ResourceTypes.byGroup().containsKey(group)) {
      return Optional.empty();
    }
    ObjectNode document = groupEntry(group, ResourceTypes.byGroup().get(group));
    ObjectNode withKind = NODES.objectNode().put("kind", "APIGroup").put("apiVersion", "v1");
    withKind.setAll(document);
    return Optional.of(withKind);
  }

  /**
   * {@code /api/v1} ({@code group} {@code ""}) or {@code /apis/<group>/<version>} as {@code
   * APIResourceList}: each kind, then an entry per subresource ({@code deployments/scale}). Empty
   * for a group version the server does not serve.
   */
  public Optional<ObjectNode> resourceList(String group, String version) {
    List<ResourceType> types = typesOf(group, version);
    if (types.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode list = NODES.objectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", types.getFirst().apiVersion());
    ArrayNode resources = list.putArray("resources");
    for (ResourceType type : types) {
      ObjectNode resource = resources.addObject();
      resource.put("name", type.plural());
      resource.put("singularName", type.singular());
      resource.put("namespaced", type.namespaced());
      resource.put("kind", type.kind());
      strings(resource, "verbs", VERBS);
      optionalStrings(resource, "shortNames", type.shortNames());
      optionalStrings(resource, "categories", type.categories());
      for (String name : sortedSubresources(type)) {
        Subresources sub = Subresources.of(type, name);
        ObjectNode entry = resources.addObject();
        entry.put("name", type.plural() + "/" + name);
        entry.put("singularName", "");
        entry.put("namespaced", type.namespaced());
        if (!sub.group().equals(type.group()) || !sub.version().equals(type.version())) {
          entry.put("group", sub.group());
          entry.put("version", sub.version());
        }
        entry.put("kind", sub.kind());
        strings(entry, "verbs", sub.verbs());
      }
    }
    return Optional.of(list);
  }

  /**
   * Whether an {@code Accept} header accepts aggregated discovery v2: one of its media ranges has
   * {@code g=apidiscovery.k8s.io}, {@code v=v2} and {@code as=APIGroupDiscoveryList}.
   */
  public static boolean wantsAggregated(@Nullable String acceptHeader) {
    if (acceptHeader == null) {
      return false;
    }
    for (String mediaRange : acceptHeader.split(",")) {
      String g = null;
      String v = null;
      String as = null;
      for (String parameter : mediaRange.split(";")) {
        String[] pair = parameter.trim().split("=", 2);
        if (pair.length == 2) {
          switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
            case "g" -> g = pair[1].trim();
            case "v" -> v = pair[1].trim();
            case "as" -> as = pair[1].trim();
            default -> {}
          }
        }
      }
      if ("apidiscovery.k8s.io".equals(g) && "v2".equals(v) && "APIGroupDiscoveryList".equals(as)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode buildVersion() {
    String[] parts = KUBERNETES_VERSION.substring(1).split("\\.");
    ObjectNode version = NODES.objectNode();
    version.put("major", parts[0]);
    version.put("minor", parts[1]);
    version.put("gitVersion", KUBERNETES_VERSION + "+cetus");
    version.put("gitCommit", "");
    version.put("gitTreeState", "clean");
    version.put("buildDate", "");
    version.put("goVersion", "java" + Runtime.version().feature());
    version.put("compiler", "javac");
    version.put("platform", platform());
    return version;
  }

  /** {@code linux/amd64}, named as Go names operating systems and architectures. */
  private static String platform() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    String goOs = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os;
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return goOs + "/" + goArch;
  }

  private static ObjectNode buildAggregated(boolean core) {
    ObjectNode list = NODES.objectNode();
    list.put("kind", "APIGroupDiscoveryList");
    list.put("apiVersion", "apidiscovery.k8s.io/v2");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (Map.Entry<String, List<ResourceType>> group : ResourceTypes.byGroup().entrySet()) {
      if (group.getKey().isEmpty() != core || group.getValue().isEmpty()) {
        continue;
      }
      ObjectNode item = items.addObject();
      item.putObject("metadata").put("name", group.getKey());
      ArrayNode versions = item.putArray("versions");
      for (String version : versionsOf(group.getValue())) {
        ObjectNode versionEntry = versions.addObject();
        versionEntry.put("version", version);
        ArrayNode resources = versionEntry.putArray("resources");
        for (ResourceType type : group.getValue()) {
          if (type.version().equals(version)) {
            resources.add(aggregatedResource(type));
          }
        }
        versionEntry.put("freshness", "Current");
      }
    }
    return list;
  }

  private static ObjectNode aggregatedResource(ResourceType type) {
    ObjectNode resource = NODES.objectNode();
    resource.put("resource", type.plural());
    resource.set("responseKind", kind(type.group(), type.version(), type.kind()));
    resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster");
    resource.put("singularResource", type.singular());
    strings(resource, "verbs", VERBS);
    optionalStrings(resource, "shortNames", type.shortNames());
    optionalStrings(resource, "categories", type.categories());
    List<String> names = sortedSubresources(type);
    if (!names.isEmpty()) {
      ArrayNode subresources = resource.putArray("subresources");
      for (String name : names) {
        Subresources sub = Subresources.of(type, name);
        ObjectNode entry = subresources.addObject();
        entry.put("subresource", name);
        entry.set("responseKind", kind(sub.group(), sub.version(), sub.kind()));
        strings(entry, "verbs", sub.verbs());
      }
    }
    return resource;
  }

  private static ObjectNode buildLegacyCore() {
    ObjectNode versions = NODES.objectNode();
    versions.put("kind", "APIVersions");
    ArrayNode list = versions.putArray("versions");
    versionsOf(ResourceTypes.byGroup().get("")).forEach(list::add);
    // Clients use these addresses only to pick one of several server addresses; there is one.
    versions.putArray("serverAddressByClientCIDRs");
    return versions;
  }

  private static ObjectNode buildLegacyGroups() {
    ObjectNode list = NODES.objectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (Map.Entry<String, List<ResourceType>> group : ResourceTypes.byGroup().entrySet()) {
      if (!group.getKey().isEmpty() && !group.getValue().isEmpty()) {
        groups.add(groupEntry(group.getKey(), group.getValue()));
      }
    }
    return list;
  }

  private static ObjectNode groupEntry(String name, List<ResourceType> types) {
    ObjectNode group = NODES.objectNode();
    group.put("name", name);
    ArrayNode versions = group.putArray("versions");
    List<String> versionNames = versionsOf(types);
    for (String version : versionNames) {
      versions.addObject().put("groupVersion", name + "/" + version).put("version", version);
    }
    group
        .putObject("preferredVersion")
        .put("groupVersion", name + "/" + versionNames.getFirst())
        .put("version", versionNames.getFirst());
    return group;
  }

  private static List<ResourceType> typesOf(String group, String version) {
    List<ResourceType> types = new ArrayList<>();
    for (ResourceType type : ResourceTypes.byGroup().getOrDefault(group, List.of())) {
      if (type.version().equals(version)) {
        types.add(type);
      }
    }
    return types;
  }

  /** The versions of one group's kinds, in first-seen order (the preferred one first). */
  private static List<String> versionsOf(List<ResourceType> types) {
    List<String> versions = new ArrayList<>();
    for (ResourceType type : types) {
      if (!versions.contains(type.version())) {
        versions.add(type.version());
      }
    }
    return versions;
  }

  private static List<String> sortedSubresources(ResourceType type) {
    return type.subresources().stream().sorted().toList();
  }

  private static ObjectNode kind(String group, String version, String kind) {
    return NODES.objectNode().put("group", group).put("version", version).put("kind", kind);
  }

  private static void strings(ObjectNode into, String field, List<String> values) {
    ArrayNode array = into.putArray(field);
    values.forEach(array::add);
  }

  private static void optionalStrings(ObjectNode into, String field, List<String> values) {
    if (!values.isEmpty()) {
      strings(into, field, values);
    }
  }
}
