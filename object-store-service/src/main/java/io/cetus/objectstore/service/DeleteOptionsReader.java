package io.cetus.objectstore.service;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@link DeleteOptions} from a {@code DeleteOptions} body and from the query parameters of
 * the same names ({@code propagationPolicy}, {@code gracePeriodSeconds}, {@code orphanDependents},
 * {@code dryRun}); the body wins where both say something.
 */
public final class DeleteOptionsReader {

  private DeleteOptionsReader() {}

  /**
   * @param body the request body, or null when there is none
   * @param query a query parameter by name, or null when absent
   * @throws ApiException 400 for values of the wrong type or an unknown policy
   */
  public static DeleteOptions read(
      @Nullable ObjectNode body, Function<String, @Nullable String> query) {
    PropagationPolicy policy = null;
    Long grace = null;
    String uid = null;
    String version = null;
    boolean dryRun = DryRun.parse(query.apply("dryRun"));
    if (body != null) {
      policy = policyOf(textField(body, "propagationPolicy"));
      grace = longField(body, "gracePeriodSeconds");
      if (policy == null && Boolean.TRUE.equals(booleanField(body, "orphanDependents"))) {
        policy = PropagationPolicy.ORPHAN;
      }
      JsonNode preconditions = body.get("preconditions");
      if (preconditions != null && !preconditions.isNull()) {
        if (!(preconditions instanceof ObjectNode conditions)) {
          throw ApiException.badRequest("DeleteOptions.preconditions must be an object");
        }
        uid = textField(conditions, "uid");
        version = textField(conditions, "resourceVersion");
      }
      JsonNode dryRunField = body.get("dryRun");
      if (dryRunField != null && dryRunField.isArray()) {
        for (JsonNode value : dryRunField) {
          dryRun |= DryRun.parse(value.isString() ? value.stringValue() : value.toString());
        }
      }
    }
    if (policy == null) {
      policy = policyOf(query.apply("propagationPolicy"));
    }
    if (policy == null && "true".equalsIgnoreCase(query.apply("orphanDependents"))) {
      policy = PropagationPolicy.ORPHAN;
    }
    if (grace == null) {
      String asked = query.apply("gracePeriodSeconds");
      if (asked != null && !asked.isEmpty()) {
        try {
          grace = Long.parseLong(asked);
        } catch (NumberFormatException e) {
          throw ApiException.badRequest(
              "gracePeriodSeconds must be a whole number of seconds, got \"" + asked + "\"");
        }
      }
    }
    return new DeleteOptions(policy, grace, uid, version, dryRun);
  }

  private static @Nullable PropagationPolicy policyOf(@Nullable String name) {
    return name == null || name.isEmpty() ? null : PropagationPolicy.parse(name);
  }

  private static @Nullable String textField(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw ApiException.badRequest("DeleteOptions." + field + " must be a string");
    }
    return value.stringValue();
  }

  private static @Nullable Long longField(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiException.badRequest("DeleteOptions." + field + " must be an integer");
    }
    return value.asLong();
  }

  private static @Nullable Boolean booleanField(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiException.badRequest("DeleteOptions." + field + " must be a boolean");
    }
    return value.asBoolean();
  }
}
