package io.cetus.objectstore.admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Test manifests in YAML, and a reader of the causes of a 422. */
final class Manifests {

  private Manifests() {}

  /** One YAML document, placed in namespace {@code default} unless it names one. */
  static ObjectNode yaml(String text) {
    ObjectNode object = (ObjectNode) Json.yaml().readTree(text);
    return inDefaultNamespace(object);
  }

  /** Any YAML value, e.g. a list, as a tree. */
  static JsonNode tree(String text) {
    return Json.yaml().readTree(text);
  }

  /** A cluster-scoped object from YAML, left without a namespace. */
  static ObjectNode clusterYaml(String text) {
    return (ObjectNode) Json.yaml().readTree(text);
  }

  /** The documents of a YAML file under {@code src/test/resources/admission}. */
  static List<ObjectNode> resource(String file) {
    try (InputStream in = Manifests.class.getResourceAsStream("/admission/" + file)) {
      List<ObjectNode> objects = new ArrayList<>();
      var documents = Json.yaml().readerFor(ObjectNode.class).readValues(in);
      while (documents.hasNext()) {
        objects.add(inDefaultNamespace((ObjectNode) documents.next()));
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The causes of the 422 that {@code call} must throw. */
  static List<StatusCause> causes(ThrowingCallable call) {
    ApiException e = catchThrowableOfType(ApiException.class, call);
    assertThat(e).as("a 422 Invalid").isNotNull();
    assertThat(e.code()).isEqualTo(422);
    return e.status().details().causes();
  }

  /** The causes of the 422 as {@code field: message} lines, as kubectl prints them. */
  static List<String> problems(ThrowingCallable call) {
    return causes(call).stream().map(c -> c.field() + ": " + c.message()).toList();
  }

  private static ObjectNode inDefaultNamespace(ObjectNode object) {
    if (object.get("metadata") instanceof ObjectNode metadata && !metadata.has("namespace")) {
      metadata.put("namespace", "default");
    }
    return object;
  }
}
