package io.cetus.objectstore.patch;

import java.util.Locale;
import java.util.Optional;

/** The patch formats, each identified by the {@code Content-Type} of the PATCH request. */
public enum PatchType {
  /** RFC 6902, {@code application/json-patch+json}: a list of operations. */
  JSON_PATCH("application/json-patch+json"),
  /** RFC 7386, {@code application/merge-patch+json}: maps merge, {@code null} deletes. */
  MERGE_PATCH("application/merge-patch+json"),
  /** Kubernetes' strategic merge patch: lists of objects merge by key, with directives. */
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
  /** Server-side apply, {@code application/apply-patch+yaml}; the body may be JSON or YAML. */
  APPLY_PATCH("application/apply-patch+yaml");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The patch type of a {@code Content-Type} value; parameters ({@code ;charset=utf-8}) and case
   * are ignored. Empty for anything else, which the server answers with 415.
   */
  public static Optional<PatchType> fromContentType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String bare =
        (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    for (PatchType type : values()) {
      if (type.mediaType.equals(bare)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
