package io.cetus.client;

/** The patch formats the API accepts, each with the {@code Content-Type} that announces it. */
public enum PatchType {
  /** RFC 7386: maps merge, {@code null} deletes a key, lists are replaced. */
  MERGE("application/merge-patch+json"),
  /** Kubernetes' strategic merge patch: lists of named items merge by key. */
  STRATEGIC_MERGE("application/strategic-merge-patch+json"),
  /** RFC 6902: a list of operations. */
  JSON_PATCH("application/json-patch+json"),
  /** Server-side apply; the body is the applied configuration. */
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }
}
