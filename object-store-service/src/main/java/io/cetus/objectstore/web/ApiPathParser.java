package io.cetus.objectstore.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

/**
 * Parses Kubernetes API paths. After the group-version prefix ({@code /api/v1}, {@code
 * /apis/apps/v1}) come, in this order of precedence:
 *
 * <pre>
 * namespaces/{ns}/{plural}[/{name}[/{subresource}]]   a namespaced kind, if {plural} is one
 * namespaces/{ns}/{subresource}                      a subresource of the namespace itself
 * {plural}[/{name}[/{subresource}]]                  cluster-scoped kinds, or all namespaces
 * </pre>
 *
 * Anything else, including unknown groups, versions, kinds and subresources, is a 404 {@code
 * Status}. Path segments are percent-decoded; names that cannot be object names ({@code .}, {@code
 * ..}, containing {@code /} or {@code %}) are a 400.
 */
final class ApiPathParser {

  private ApiPathParser() {}

  /**
   * @param path the path within the application, starting with {@code /api} or {@code /apis}
   */
  static ApiPath parse(String path) {
    List<String> segments = segments(path);
    if (segments.isEmpty()) {
      throw notFound();
    }
    String prefix = segments.getFirst();
    if (prefix.equals("api")) {
      if (segments.size() == 1) {
        return new ApiPath.CoreRoot();
      }
      return underGroupVersion("", segments.get(1), segments.subList(2, segments.size()));
    }
    if (!prefix.equals("apis")) {
      throw notFound();
    }
    if (segments.size() == 1) {
      return new ApiPath.GroupsRoot();
    }
    String group = segments.get(1);
    if (group.isEmpty() || !ResourceTypes.byGroup().containsKey(group)) {
      throw notFound();
    }
    if (segments.size() == 2) {
      return new ApiPath.Group(group);
    }
    return underGroupVersion(group, segments.get(2), segments.subList(3, segments.size()));
  }

  private static ApiPath underGroupVersion(String group, String version, List<String> rest) {
    boolean served =
        ResourceTypes.byGroup().getOrDefault(group, List.of()).stream()
            .anyMatch(type -> type.version().equals(version));
    if (!served) {
      throw notFound();
    }
    if (rest.isEmpty()) {
      return new ApiPath.GroupVersion(group, version);
    }
    if (rest.getFirst().equals("namespaces") && rest.size() >= 3) {
      String namespace = name(rest.get(1));
      Optional<ResourceType> namespaced =
          ResourceTypes.byPath(group, version, rest.get(2)).filter(ResourceType::namespaced);
      if (namespaced.isPresent()) {
        return objects(namespaced.get(), namespace, rest.subList(3, rest.size()));
      }
      if (group.isEmpty() && rest.size() == 3) {
        return item(ResourceTypes.NAMESPACES, null, namespace, rest.get(2));
      }
      throw notFound();
    }
    ResourceType type =
        ResourceTypes.byPath(group, version, rest.getFirst()).orElseThrow(ApiPathParser::notFound);
    List<String> tail = rest.subList(1, rest.size());
    if (type.namespaced() && !tail.isEmpty()) {
      // a namespaced object is only addressed inside its namespace
      throw notFound();
    }
    return objects(type, null, tail);
  }

  private static ApiPath objects(ResourceType type, @Nullable String namespace, List<String> tail) {
    return switch (tail.size()) {
      case 0 -> new ApiPath.Collection(type, namespace);
      case 1 -> item(type, namespace, name(tail.get(0)), null);
      case 2 -> item(type, namespace, name(tail.get(0)), tail.get(1));
      default -> throw notFound();
    };
  }

  private static ApiPath item(
      ResourceType type, @Nullable String namespace, String name, @Nullable String subresource) {
    if (subresource != null && !type.hasSubresource(subresource)) {
      throw notFound();
    }
    return new ApiPath.Item(type, namespace, name, subresource);
  }

  private static String name(String segment) {
    if (segment.equals(".") || segment.equals("..")) {
      throw ApiException.badRequest("name may not be \"" + segment + "\"");
    }
    if (segment.contains("/") || segment.contains("%")) {
      throw ApiException.badRequest("name may not contain \"/\" or \"%\": \"" + segment + "\"");
    }
    return segment;
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    List<String> segments = new ArrayList<>();
    for (String raw : trimmed.split("/", -1)) {
      String segment;
      try {
        segment = UriUtils.decode(raw, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("the request path is not correctly percent-encoded");
      }
      if (segment.isEmpty()) {
        throw notFound();
      }
      segments.add(segment);
    }
    return segments;
  }

  /** Kubernetes' answer for paths it does not serve. */
  static ApiException notFound() {
    return new ApiException(
        Status.failure(Reason.NOT_FOUND, "the server could not find the requested resource", null));
  }
}
