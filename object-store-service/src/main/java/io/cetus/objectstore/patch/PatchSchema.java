package io.cetus.objectstore.patch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What strategic merge patch needs to know about one level of an object: for each field, how a list
 * there merges and the schema of what lies below. Fields not named here are maps that merge
 * recursively or lists that the patch replaces, as Kubernetes does for fields without a patch
 * strategy.
 *
 * @param fields by JSON field name
 */
record PatchSchema(Map<String, Field> fields) {

  /** A level with no lists that merge: nested maps still merge, lists are replaced. */
  static final PatchSchema NONE = new PatchSchema(Map.of());

  PatchSchema {
    fields = Map.copyOf(fields);
  }

  Field field(String name) {
    return fields.getOrDefault(name, Field.PLAIN);
  }

  /**
   * One field.
   *
   * @param merge whether a list here merges with the live list instead of replacing it
   * @param mergeKey for lists of objects that merge: the field identifying an element ({@code
   *     name}, {@code containerPort}); null for a list of strings merged as a set
   * @param schema the schema of the field's value, or of each list element
   */
  record Field(boolean merge, @Nullable String mergeKey, PatchSchema schema) {
    static final Field PLAIN = new Field(false, null, NONE);
  }

  /** Starts a schema; pairs of name and {@link Field}. */
  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final Map<String, Field> fields = new LinkedHashMap<>();

    /** A list of objects merged by {@code mergeKey}, whose elements follow {@code element}. */
    Builder keyedList(String name, String mergeKey, PatchSchema element) {
      fields.put(name, new Field(true, mergeKey, element));
      return this;
    }

    Builder keyedList(String name, String mergeKey) {
      return keyedList(name, mergeKey, NONE);
    }

    /** A list of strings merged as a set ({@code finalizers}). */
    Builder set(String name) {
      fields.put(name, new Field(true, null, NONE));
      return this;
    }

    /** A map field whose content follows {@code schema}. */
    Builder object(String name, PatchSchema schema) {
      fields.put(name, new Field(false, null, schema));
      return this;
    }

    PatchSchema build() {
      return new PatchSchema(fields);
    }
  }
}
