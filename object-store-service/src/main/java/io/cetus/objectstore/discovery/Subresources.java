package io.cetus.objectstore.discovery;

import java.util.List;

import io.cetus.api.resource.ResourceType;

/** What discovery says about each subresource: the kind it answers with and its verbs. */
record Subresources(String group, String version, String kind, List<String> verbs) {

  private static final List<String> READ_WRITE = List.of("get", "patch", "update");

  /** The description of {@code type}'s subresource {@code name}. */
  static Subresources of(ResourceType type, String name) {
    return switch (name) {
      case "status" -> new Subresources(type.group(), type.version(), type.kind(), READ_WRITE);
      case "scale" -> new Subresources("autoscaling", "v1", "Scale", READ_WRITE);
      case "binding" -> new Subresources("", "v1", "Binding", List.of("create"));
      case "eviction" -> new Subresources("policy", "v1", "Eviction", List.of("create"));
      case "log" -> new Subresources("", "v1", type.kind(), List.of("get"));
      case "exec" -> new Subresources("", "v1", "PodExecOptions", List.of("create", "get"));
      case "attach" -> new Subresources("", "v1", "PodAttachOptions", List.of("create", "get"));
      case "portforward" ->
          new Subresources("", "v1", "PodPortForwardOptions", List.of("create", "get"));
      default -> new Subresources(type.group(), type.version(), type.kind(), List.of("get"));
    };
  }
}
