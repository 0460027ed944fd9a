package io.cetus.gateway.podstream;

import org.jspecify.annotations.Nullable;

/**
 * The pod a stream request is for, taken from its path {@code
 * /api/v1/namespaces/<namespace>/pods/<name>/<subresource>}.
 *
 * @param namespace the namespace segment, as it appears in the path
 * @param name the pod's name segment, as it appears in the path
 */
public record PodReference(String namespace, String name) {

  /** The pod of a pod subresource path, or {@code null} if {@code rawPath} is not one. */
  public static @Nullable PodReference ofSubresourcePath(String rawPath) {
    String[] segments = rawPath.split("/", -1);
    // "", "api", "v1", "namespaces", <namespace>, "pods", <name>, <subresource>
    if (segments.length != 8
        || !segments[0].isEmpty()
        || !segments[1].equals("api")
        || !segments[2].equals("v1")
        || !segments[3].equals("namespaces")
        || segments[4].isEmpty()
        || !segments[5].equals("pods")
        || segments[6].isEmpty()
        || segments[7].isEmpty()) {
      return null;
    }
    return new PodReference(segments[4], segments[6]);
  }

  /** The pod's path in the object store. */
  String objectPath() {
    return "/api/v1/namespaces/" + namespace + "/pods/" + name;
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
