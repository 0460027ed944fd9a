package io.cetus.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one JSON and YAML configuration of the platform: unknown fields are ignored (a newer client
 * may send fields we do not model), a missing number or flag reads as 0 or false (Kubernetes leaves
 * zero values out), nulls are not written, timestamps are ISO-8601 strings.
 */
public final class Json {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Kubernetes omits zero values ("replicas": 0 is often absent): absent means 0/false.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Kubernetes omits zero values ("replicas": 0 is often absent): absent means 0/false.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private Json() {}

  /** Thread-safe and shared; never reconfigure it. */
  public static JsonMapper mapper() {
    return JSON;
  }

  public static YAMLMapper yaml() {
    return YAML;
  }
}
