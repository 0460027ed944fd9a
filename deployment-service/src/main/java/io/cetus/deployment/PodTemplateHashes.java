package io.cetus.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod templates compared and named as the deployment controller needs them.
 *
 * <p>A template is <em>normalised</em> before it is compared or hashed: the {@value #LABEL} label
 * goes, and so does everything that means "not set" — {@code null}s, empty objects ({@code
 * "resources": {}}) and empty lists — since {@code kubectl rollout undo} sends a template with
 * {@code "creationTimestamp": null} and {@code "resources": {}} that must still match the replica
 * set it came from. Defaults need no special care: admission applies the same defaults to the
 * deployment's template and to every replica set's.
 */
final class PodTemplateHashes {

  /** The label that tells one replica set's pods from another's. */
  static final String LABEL = "pod-template-hash";

  /** Letters and digits that cannot spell words, as Kubernetes' generated names use. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private PodTemplateHashes() {}

  /** Whether two templates are the same once normalised ({@link PodTemplateHashes}). */
  static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
    return normalised(a).equals(normalised(b));
  }

  /**
   * The stable short hash of a template: FNV-1a (32 bits) over its normalised JSON with keys in
   * order, followed by the collision count when there is one, written in {@link #ALPHABET}. The
   * same template always gets the same hash; a collision count changes it.
   */
  static String hash(PodTemplateSpec template, @Nullable Integer collisionCount) {
    StringBuilder canonical = new StringBuilder();
    writeCanonical(normalised(template), canonical);
    if (collisionCount != null) {
      canonical.append('#').append(collisionCount);
    }
    int hash = FNV_OFFSET;
    for (byte b : canonical.toString().getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return encode(Integer.toUnsignedLong(hash));
  }

  private static String encode(long value) {
    StringBuilder out = new StringBuilder();
    do {
      out.append(ALPHABET.charAt((int) (value % ALPHABET.length())));
      value /= ALPHABET.length();
    } while (value > 0);
    // at least 7 characters, so every hash looks alike
    while (out.length() < 7) {
      out.append(ALPHABET.charAt(0));
    }
    return out.reverse().toString();
  }

  static JsonNode normalised(PodTemplateSpec template) {
    ObjectNode tree = Json.mapper().valueToTree(template);
    JsonNode labels = tree.path("metadata").path("labels");
    if (labels instanceof ObjectNode labelNode) {
      labelNode.remove(LABEL);
    }
    JsonNode pruned = prune(tree);
    return pruned == null ? JsonNodeFactory.instance.objectNode() : pruned;
  }

  /**
   * The node without nulls, empty objects and empty lists, at any depth; null if nothing is left.
   */
  private static @Nullable JsonNode prune(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      ObjectNode kept = JsonNodeFactory.instance.objectNode();
      for (String name : new ArrayList<>(object.propertyNames())) {
        JsonNode child = prune(object.get(name));
        if (child != null) {
          kept.set(name, child);
        }
      }
      return kept.isEmpty() ? null : kept;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode kept = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : array) {
        JsonNode child = prune(element);
        // an element that is all defaults still holds its place in the list
        kept.add(child == null ? JsonNodeFactory.instance.objectNode() : child);
      }
      return kept.isEmpty() ? null : kept;
    }
    return node;
  }

  private static void writeCanonical(JsonNode node, StringBuilder out) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(Json.mapper().writeValueAsString(names.get(i))).append(":");
        writeCanonical(object.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node instanceof ArrayNode array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeCanonical(array.get(i), out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }
}
