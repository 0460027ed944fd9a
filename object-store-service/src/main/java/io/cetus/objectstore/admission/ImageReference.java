package io.cetus.objectstore.admission;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The tag of a container image reference, read the way the kubelet's image-name parser reads it
 * (the Docker distribution grammar, {@code [domain/]path[:tag][@digest]}): a reference with neither
 * tag nor digest means {@code latest}.
 */
final class ImageReference {

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final String HOST_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:" + HOST_PART + "(?:\\." + HOST_PART + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final int MAX_NAME_LENGTH = 255;

  private ImageReference() {}

  /**
   * The tag of {@code image}: the explicit tag, {@code latest} when there is neither tag nor
   * digest, {@code ""} for a reference pinned by digest alone, {@code null} when {@code image} is
   * not a valid reference.
   */
  static @Nullable String tag(String image) {
    String rest = image;
    boolean hasDigest = false;
    int at = rest.indexOf('@');
    if (at >= 0) {
      if (!DIGEST.matcher(rest.substring(at + 1)).matches()) {
        return null;
      }
      hasDigest = true;
      rest = rest.substring(0, at);
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      if (!TAG.matcher(tag).matches()) {
        return null;
      }
      rest = rest.substring(0, colon);
    }
    if (rest.length() > MAX_NAME_LENGTH || !validName(rest)) {
      return null;
    }
    return tag.isEmpty() && !hasDigest ? "latest" : tag;
  }

  /** Whether pulling is {@code Always} (tag {@code latest}) or {@code IfNotPresent} by default. */
  static String defaultPullPolicy(String image) {
    return "latest".equals(tag(image)) ? "Always" : "IfNotPresent";
  }

  private static boolean validName(String name) {
    int slash = name.indexOf('/');
    if (slash >= 0) {
      String first = name.substring(0, slash);
      // Docker reads the first component as a registry when it could not be a repository part.
      boolean registry =
          first.contains(".")
              || first.contains(":")
              || first.equals("localhost")
              || !first.equals(first.toLowerCase(Locale.ROOT));
      if (registry) {
        return DOMAIN.matcher(first).matches() && PATH.matcher(name.substring(slash + 1)).matches();
      }
    }
    return PATH.matcher(name).matches();
  }
}
