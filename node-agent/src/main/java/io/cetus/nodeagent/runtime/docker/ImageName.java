package io.cetus.nodeagent.runtime.docker;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An image reference split the way the pull API wants it: {@code repository} plus a tag or a
 * digest. A reference with neither means {@code latest}, as for {@code docker pull}; without this
 * the engine would pull every tag of the repository.
 */
record ImageName(String repository, @Nullable String tag, @Nullable String digest) {

  ImageName {
    Objects.requireNonNull(repository, "repository");
  }

  static ImageName parse(String reference) {
    String ref = reference.strip();
    if (ref.isEmpty()) {
      throw new IllegalArgumentException("image reference must not be blank");
    }
    String digest = null;
    int at = ref.indexOf('@');
    if (at >= 0) {
      digest = ref.substring(at + 1);
      ref = ref.substring(0, at);
    }
    String tag = null;
    int colon = ref.lastIndexOf(':');
    // A colon before the last slash belongs to a registry port (localhost:5000/app).
    if (colon > ref.lastIndexOf('/')) {
      tag = ref.substring(colon + 1);
      ref = ref.substring(0, colon);
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageName(ref, tag, digest);
  }

  /** What the pull API's {@code tag} parameter takes: the digest if there is one, else the tag. */
  String tagOrDigest() {
    return digest != null ? digest : Objects.requireNonNull(tag);
  }

  @Override
  public String toString() {
    return repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
