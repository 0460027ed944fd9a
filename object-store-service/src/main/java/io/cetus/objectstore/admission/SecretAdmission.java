package io.cetus.objectstore.admission;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets: type {@code Opaque} by default, {@code stringData} folded into base64 {@code data} (as
 * Kubernetes does when it decodes a secret, so {@code stringData} is never stored), keys usable as
 * file names, at most 1 MiB, the keys each well-known type needs, and a type and (once {@code
 * immutable}) data that never change.
 *
 * <p>Messages never repeat a secret's values.
 */
final class SecretAdmission implements KindAdmission {

  private static final String REDACTED = "<secret contents redacted>";
  private static final String ACCOUNT_ANNOTATION = "kubernetes.io/service-account.name";

  /** The data keys a secret of each well-known type must hold. */
  private static final Map<String, List<String>> REQUIRED_KEYS =
      Map.of(
          "kubernetes.io/tls", List.of("tls.crt", "tls.key"),
          "kubernetes.io/dockerconfigjson", List.of(".dockerconfigjson"),
          "kubernetes.io/dockercfg", List.of(".dockercfg"),
          "kubernetes.io/ssh-auth", List.of("ssh-privatekey"));

  private static final List<String> JSON_KEYS = List.of(".dockerconfigjson", ".dockercfg");

  @Override
  public void applyDefaults(ObjectNode object) {
    JsonDefaults.setIfEmpty(object, "type", "Opaque");
    foldStringData(object);
  }

  /** Writes {@code stringData} into {@code data}, unless a value there is not a string. */
  private static void foldStringData(ObjectNode object) {
    ObjectNode stringData = JsonDefaults.object(object, "stringData");
    if (stringData == null) {
      if (JsonDefaults.isAbsent(object, "stringData")) {
        object.remove("stringData");
      }
      return;
    }
    boolean allStrings = stringData.values().stream().allMatch(JsonNode::isString);
    ObjectNode data = JsonDefaults.objectOrCreate(object, "data");
    if (!allStrings || data == null) {
      return; // validation reports the wrong types
    }
    for (Map.Entry<String, JsonNode> entry : stringData.properties()) {
      byte[] bytes = entry.getValue().stringValue().getBytes(StandardCharsets.UTF_8);
      data.put(entry.getKey(), Base64.getEncoder().encodeToString(bytes));
    }
    object.remove("stringData");
  }

  @Override
  public void validate(Field object) {
    Problems problems = object.problems();
    object.child("stringData").stringMap(); // left only when it holds something else than strings
    Field data = object.child("data");
    DataValidation.keys(data);
    Map<String, Field> entries = data.entries();
    long size = 0;
    for (Map.Entry<String, Field> entry : entries.entrySet()) {
      Field value = entry.getValue();
      JsonNode node = value.node();
      if (node != null && !node.isString()) {
        problems.invalid(value.path(), REDACTED, "must be a base64-encoded string");
        continue;
      }
      byte[] decoded = decode(value);
      if (decoded == null) {
        problems.invalid(value.path(), REDACTED, "must be base64-encoded");
        continue;
      }
      size += decoded.length;
      if (JSON_KEYS.contains(entry.getKey()) && !isJson(decoded)) {
        problems.invalid(value.path(), REDACTED, "must be valid JSON");
      }
    }
    if (size > DataValidation.MAX_DATA_BYTES) {
      problems.tooLong(data.path(), DataValidation.MAX_DATA_BYTES);
    }
    String type = object.child("type").string();
    for (String key : REQUIRED_KEYS.getOrDefault(type == null ? "" : type, List.of())) {
      if (!entries.containsKey(key)) {
        problems.required(data.path().key(key));
      }
    }
    if ("kubernetes.io/basic-auth".equals(type)
        && !entries.containsKey("username")
        && !entries.containsKey("password")) {
      problems.required(data.path().key("username"));
    }
    if ("kubernetes.io/service-account-token".equals(type)) {
      String account = object.child("metadata", "annotations").stringMap().get(ACCOUNT_ANNOTATION);
      if (account == null || account.isEmpty()) {
        problems.required(FieldPath.of("metadata", "annotations").key(ACCOUNT_ANNOTATION));
      }
    }
    object.child("immutable").bool();
  }

  @Override
  public void validateUpdate(Field object, ObjectNode existing) {
    Field type = object.child("type");
    String oldType = JsonDefaults.string(existing, "type");
    String newType = type.string();
    if (oldType != null && !oldType.equals(newType)) {
      object.problems().invalid(type.path(), newType == null ? "" : newType, "field is immutable");
    }
    DataValidation.immutableUpdate(object, existing, List.of("data"));
  }

  private static byte @Nullable [] decode(Field value) {
    String text = value.string();
    if (text == null) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isJson(byte[] bytes) {
    try {
      Json.mapper().readTree(bytes);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }
}
