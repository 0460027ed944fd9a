package io.cetus.objectstore.admission;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * ConfigMaps: keys usable as file names, string {@code data} and base64 {@code binaryData} that
 * share no key, at most 1 MiB in all, and nothing changes once {@code immutable} is set.
 */
final class ConfigMapAdmission implements KindAdmission {

  @Override
  public void applyDefaults(ObjectNode object) {}

  @Override
  public void validate(Field object) {
    Problems problems = object.problems();
    Field data = object.child("data");
    Set<String> keys = DataValidation.keys(data);
    long size = 0;
    for (String value : data.stringMap().values()) {
      size += value.getBytes(StandardCharsets.UTF_8).length;
    }
    Field binaryData = object.child("binaryData");
    DataValidation.keys(binaryData);
    for (Map.Entry<String, Field> entry : binaryData.entries().entrySet()) {
      Field value = entry.getValue();
      if (keys.contains(entry.getKey())) {
        problems.invalid(value.path(), entry.getKey(), "duplicate of key present in data");
      }
      String encoded = value.string();
      if (encoded != null) {
        try {
          size += Base64.getDecoder().decode(encoded).length;
        } catch (IllegalArgumentException e) {
          problems.invalid(value.path(), "<binary data>", "must be base64-encoded");
        }
      }
    }
    if (size > DataValidation.MAX_DATA_BYTES) {
      problems.tooLong(data.path(), DataValidation.MAX_DATA_BYTES);
    }
    object.child("immutable").bool();
  }

  @Override
  public void validateUpdate(Field object, ObjectNode existing) {
    DataValidation.immutableUpdate(object, existing, List.of("data", "binaryData"));
  }
}
