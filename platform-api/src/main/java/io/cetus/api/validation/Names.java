package io.cetus.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The naming rules Kubernetes applies to object names, label keys, label values and annotations.
 * Every method returns the problems found, each naming the rule that was broken; an empty list
 * means the value is valid. The methods are pure and thread-safe.
 */
public final class Names {

  /** The longest DNS-1123 label, and the longest name part of a qualified name or label value. */
  public static final int MAX_LABEL_LENGTH = 63;

  /** The longest DNS-1123 subdomain. */
  public static final int MAX_SUBDOMAIN_LENGTH = 253;

  /** The most bytes all annotations of one object may hold, keys and values together. */
  public static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private static final String LABEL_PART = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL_PART);
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile(LABEL_PART + "(\\." + LABEL_PART + ")*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private static final String SUBDOMAIN_RULE =
      "a DNS-1123 subdomain may hold only lower-case letters, digits, '-' and '.', and each"
          + " dot-separated part must begin and end with a letter or digit (e.g."
          + " 'web.example.com')";
  private static final String LABEL_RULE =
      "a DNS-1123 label may hold only lower-case letters, digits and '-', and must begin and end"
          + " with a letter or digit (e.g. 'web-1')";
  private static final String DNS1035_RULE =
      "a DNS-1035 label may hold only lower-case letters, digits and '-', must begin with a letter"
          + " and end with a letter or digit (e.g. 'web-1')";
  private static final String NAME_PART_RULE =
      "the name part of a qualified name may hold only letters, digits, '-', '_' and '.', and must"
          + " begin and end with a letter or digit (e.g. 'tier', 'app.kubernetes.io/name')";
  private static final String LABEL_VALUE_RULE =
      "a label value may hold only letters, digits, '-', '_' and '.', and must begin and end with"
          + " a letter or digit (e.g. 'web', 'v1.2_beta')";

  private Names() {}

  /**
   * Most object names (pods, deployments, config maps, ...): at most 253 characters forming
   * dot-separated DNS-1123 labels.
   */
  public static List<String> dns1123Subdomain(String value) {
    List<String> problems = new ArrayList<>();
    if (value.length() > MAX_SUBDOMAIN_LENGTH) {
      problems.add(tooLong("a DNS-1123 subdomain", MAX_SUBDOMAIN_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      problems.add(SUBDOMAIN_RULE);
    }
    return problems;
  }

  /** Namespace names and other names used as one DNS label: at most 63 characters. */
  public static List<String> dns1123Label(String value) {
    List<String> problems = new ArrayList<>();
    if (value.length() > MAX_LABEL_LENGTH) {
      problems.add(tooLong("a DNS-1123 label", MAX_LABEL_LENGTH));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      problems.add(LABEL_RULE);
    }
    return problems;
  }

  /** Service names: a DNS-1123 label that starts with a letter. */
  public static List<String> dns1035Label(String value) {
    List<String> problems = new ArrayList<>();
    if (value.length() > MAX_LABEL_LENGTH) {
      problems.add(tooLong("a DNS-1035 label", MAX_LABEL_LENGTH));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      problems.add(DNS1035_RULE);
    }
    return problems;
  }

  /**
   * Label and annotation keys: an optional DNS-1123 subdomain prefix and a slash, then a name of at
   * most 63 letters, digits, '-', '_' or '.' that begins and ends with a letter or digit.
   */
  public static List<String> qualifiedName(String value) {
    List<String> problems = new ArrayList<>();
    String name = value;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty()) {
        problems.add("the prefix of a qualified name must not be empty when a '/' is present");
      } else {
        for (String problem : dns1123Subdomain(prefix)) {
          problems.add("the prefix of a qualified name must be a DNS-1123 subdomain: " + problem);
        }
      }
      if (name.indexOf('/') >= 0) {
        problems.add(
            "a qualified name holds at most one '/', between an optional prefix and the name"
                + " (e.g. 'example.com/tier')");
        return problems;
      }
    }
    if (name.isEmpty()) {
      problems.add("the name part of a qualified name must not be empty");
    } else {
      if (name.length() > MAX_LABEL_LENGTH) {
        problems.add(tooLong("the name part of a qualified name", MAX_LABEL_LENGTH));
      }
      if (!QUALIFIED_NAME_PART.matcher(name).matches()) {
        problems.add(NAME_PART_RULE);
      }
    }
    return problems;
  }

  /**
   * Label values: empty, or at most 63 letters, digits, '-', '_' or '.' beginning and ending with a
   * letter or digit.
   */
  public static List<String> labelValue(String value) {
    List<String> problems = new ArrayList<>();
    if (value.isEmpty()) {
      return problems;
    }
    if (value.length() > MAX_LABEL_LENGTH) {
      problems.add(tooLong("a label value", MAX_LABEL_LENGTH));
    }
    if (!QUALIFIED_NAME_PART.matcher(value).matches()) {
      problems.add(LABEL_VALUE_RULE);
    }
    return problems;
  }

  /**
   * The total size of an object's annotations, keys and values counted in UTF-8 bytes, must not
   * exceed 256 KiB. Keys are checked separately with {@link #qualifiedName}.
   */
  public static List<String> annotationsSize(Map<String, String> annotations) {
    long total = 0;
    for (Map.Entry<String, String> entry : annotations.entrySet()) {
      total += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
    }
    if (total > MAX_ANNOTATIONS_BYTES) {
      return List.of(
          "annotations may hold at most "
              + MAX_ANNOTATIONS_BYTES
              + " bytes in total (keys and values), these hold "
              + total);
    }
    return List.of();
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String tooLong(String what, int max) {
    return what + " must be no longer than " + max + " characters";
  }
}
