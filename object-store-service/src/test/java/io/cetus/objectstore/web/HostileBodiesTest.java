package io.cetus.objectstore.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cetus.api.json.Json;
import io.cetus.objectstore.web.ApiClient.Response;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws malformed and hostile bodies at the API, with a fixed seed so that a failure can be
 * replayed: the server must never answer 5xx, must always answer a JSON object ({@code Status} for
 * errors), and a refused write must leave nothing behind.
 */
class HostileBodiesTest extends ApiTest {

  private static final long SEED = 20261122L;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String JSON = "application/json";
  private static final String YAML = "application/yaml";
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  private final Random random = new Random(SEED);
  private final List<String> problems = new ArrayList<>();
  private int requests;

  @Test
  void hostileBodiesNeverCauseServerErrorsOrPartialWrites() {
    String ns = newNamespace();
    // in a fixed order, so that the seeded choices are the same on every run
    List<Map.Entry<String, ObjectNode>> samples =
        List.of(
            Map.entry("pods", pod("sample")),
            Map.entry("configmaps", configMap("sample")),
            Map.entry(
                "services",
                ApiClient.json(
                    "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"sample\"},"
                        + "\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}}")),
            Map.entry("deployments", deployment("sample", 1)));
    for (Map.Entry<String, ObjectNode> entry : samples) {
      String collection = collectionPath(ns, entry.getKey());
      ObjectNode sample = entry.getValue();
      for (byte[] body : truncations(sample)) {
        attempt(collection, "POST", collection, JSON, body);
      }
      for (ObjectNode mutated : wrongTypes(sample)) {
        attempt(collection, "POST", collection, JSON, bytes(mutated));
      }
      for (ObjectNode mutated : wrongTypes(sample)) {
        if (random.nextInt(4) == 0) {
          attempt(collection, "POST", collection, YAML, bytes(mutated));
        }
      }
      attempt(collection, "POST", collection, JSON, bytes(nullsEverywhere(sample)));
      for (byte[] body : structuralJunk()) {
        attempt(collection, "POST", collection, JSON, body);
        attempt(collection, "POST", collection, YAML, body);
        attempt(collection, "POST", collection, null, body);
      }
      for (int i = 0; i < 10; i++) {
        byte[] garbage = garbage(1 + random.nextInt(2000));
        attempt(collection, "POST", collection, PROTOBUF, garbage);
        attempt(collection, "POST", collection, JSON, garbage);
        attempt(collection, "POST", collection, YAML, garbage);
      }
      attempt(collection, "POST", collection, PROTOBUF, protobufLookalike());
      for (String name : junkNames()) {
        ObjectNode renamed = sample.deepCopy();
        renamed.withObjectProperty("metadata").put("name", name);
        attempt(collection, "POST", collection, JSON, bytes(renamed));
      }
      for (byte[] body : hugeBodies(sample)) {
        attempt(collection, "POST", collection, JSON, body);
      }
      for (byte[] body : deepNesting(sample)) {
        attempt(collection, "POST", collection, JSON, body);
        attempt(collection, "POST", collection, YAML, body);
      }
      for (byte[] body : yamlBombs()) {
        attempt(collection, "POST", collection, YAML, body);
      }
      hostileUpdates(ns, entry.getKey(), sample);
    }

    assertThat(requests).isGreaterThan(300);
    assertThat(problems).isEmpty();
  }

  private void hostileUpdates(String ns, String resource, ObjectNode sample) {
    String collection = collectionPath(ns, resource);
    String name = "target-" + random.nextInt(1_000_000);
    ObjectNode target = sample.deepCopy();
    target.withObjectProperty("metadata").put("name", name);
    Response created = api.post(collection, target);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String path = collection + "/" + name;
    ObjectNode live = created.json();
    for (ObjectNode mutated : wrongTypes(live)) {
      if (random.nextInt(3) == 0) {
        attempt(collection, "PUT", path, JSON, bytes(mutated));
      }
    }
    for (ObjectNode mutated : wrongTypes(live)) {
      if (random.nextInt(3) == 0) {
        ObjectNode patch = mutated.deepCopy();
        if (patch.get("metadata") instanceof ObjectNode metadata) {
          metadata.remove("resourceVersion");
        }
        attempt(collection, "PATCH", path, "application/merge-patch+json", bytes(patch));
        attempt(collection, "PATCH", path, "application/strategic-merge-patch+json", bytes(patch));
        attempt(collection, "PATCH", path, "application/apply-patch+yaml", bytes(patch));
      }
    }
    List<String> patches =
        List.of(
            "[{\"op\":\"remove\",\"path\":\"/metadata\"}]",
            "[{\"op\":\"replace\",\"path\":\"/metadata/name\",\"value\":{}}]",
            "[{\"op\":\"add\",\"path\":\"/spec\",\"value\":[1,2,3]}]",
            "[{\"op\":\"move\",\"from\":\"/metadata\",\"path\":\"/metadata/labels\"}]",
            "[{\"op\":\"copy\",\"from\":\"/nope\",\"path\":\"/x\"}]",
            "[{\"op\":\"explode\"}]",
            "[{\"op\":\"add\",\"path\":\"/metadata/labels/a~2b\",\"value\":1}]",
            "{\"op\":\"add\"}",
            "[]",
            "[null]",
            "[{\"op\":\"replace\",\"path\":\"\",\"value\":[]}]");
    for (String patch : patches) {
      attempt(collection, "PATCH", path, "application/json-patch+json", utf8(patch));
    }
    List<String> mergePatches =
        List.of(
            "{\"metadata\":\"gone\"}",
            "{\"metadata\":null}",
            "{\"metadata\":{\"labels\":{\"$patch\":\"delete\"}}}",
            "{\"$patch\":\"delete\"}",
            "{\"$patch\":\"replace\"}",
            "{\"spec\":{\"$retainKeys\":7}}",
            "{\"spec\":{\"containers\":[{\"$patch\":\"delete\"}]}}",
            "{\"spec\":{\"$setElementOrder/containers\":\"x\"}}",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Widget\"}",
            "{\"metadata\":{\"namespace\":\"elsewhere\"}}",
            "{\"metadata\":{\"uid\":\"other\"}}");
    for (String patch : mergePatches) {
      attempt(collection, "PATCH", path, "application/merge-patch+json", utf8(patch));
      attempt(collection, "PATCH", path, "application/strategic-merge-patch+json", utf8(patch));
    }
    for (byte[] body : deepNesting(live)) {
      attempt(collection, "PATCH", path, "application/merge-patch+json", body);
      attempt(collection, "PUT", path, JSON, body);
    }
    attempt(collection, "PUT", path, PROTOBUF, garbage(300));
    attempt(collection, "DELETE", path, JSON, utf8("{\"gracePeriodSeconds\":\"soon\"}"));
    attempt(collection, "DELETE", path, JSON, utf8("[1,2]"));
    attempt(collection, "DELETE", path, JSON, utf8("{\"preconditions\":7}"));
  }

  /**
   * Sends one body. Whatever the answer, it must be a JSON object below 500; after a refusal the
   * collection must look exactly as before.
   */
  private void attempt(
      String collection, String method, String path, @Nullable String contentType, byte[] body) {
    requests++;
    String before = snapshot(collection);
    Response response;
    try {
      response = api.send(method, path, contentType, body, null);
    } catch (RuntimeException e) {
      problems.add(describe(method, path, contentType, body) + " -> no answer: " + e);
      return;
    }
    String what =
        describe(method, path, contentType, body) + " -> " + abbreviate(response.toString());
    if (response.status() >= 500) {
      problems.add(what);
      return;
    }
    JsonNode answer;
    try {
      answer = Json.mapper().readTree(response.body());
    } catch (JacksonException e) {
      problems.add(what + " (not JSON)");
      return;
    }
    if (!answer.isObject() || !response.contentType().startsWith("application/json")) {
      problems.add(what + " (not a JSON object)");
      return;
    }
    if (response.status() >= 400) {
      if (!"Status".equals(answer.path("kind").asString(""))
          || answer.path("code").asInt(0) != response.status()) {
        problems.add(what + " (no Status)");
      }
      String after = snapshot(collection);
      if (!after.equals(before)) {
        problems.add(what + " (a refused write changed the collection)");
      }
    } else if (method.equals("POST") && response.status() == 201) {
      // an accepted hostile body is fine; remove it so later refusals compare cleanly
      String name = answer.at("/metadata/name").asString("");
      api.delete(path + "/" + name + "?gracePeriodSeconds=0");
    }
  }

  private String snapshot(String collection) {
    ObjectNode list = api.get(collection).json();
    ArrayNode items = list.withArrayProperty("items");
    StringBuilder state = new StringBuilder();
    for (JsonNode item : items) {
      state
          .append(item.at("/metadata/name").asString(""))
          .append('@')
          .append(item.at("/metadata/resourceVersion").asString(""))
          .append(';');
    }
    return state.toString();
  }

  private List<byte[]> truncations(ObjectNode sample) {
    byte[] whole = bytes(sample);
    List<byte[]> cuts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int length = random.nextInt(whole.length - 1);
      byte[] cut = new byte[length];
      System.arraycopy(whole, 0, cut, 0, length);
      cuts.add(cut);
    }
    return cuts;
  }

  /**
   * The sample with one node (every node in turn, at random) replaced by a value of another type.
   */
  private List<ObjectNode> wrongTypes(ObjectNode sample) {
    List<String> pointers = new ArrayList<>();
    collectPointers(sample, "", pointers);
    List<JsonNode> replacements =
        List.of(
            NODES.numberNode(42),
            NODES.numberNode(-1),
            NODES.numberNode(1e308),
            NODES.stringNode("text"),
            NODES.stringNode("\u0000"),
            NODES.booleanNode(true),
            NODES.nullNode(),
            NODES.arrayNode().add(1).add(NODES.arrayNode().add("x")),
            NODES.objectNode().put("unexpected", "field"),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
    List<ObjectNode> mutated = new ArrayList<>();
    for (String pointer : pointers) {
      JsonNode replacement = replacements.get(random.nextInt(replacements.size()));
      ObjectNode copy = sample.deepCopy();
      if (replaceAt(copy, pointer, replacement.deepCopy())) {
        mutated.add(copy);
      }
    }
    return mutated;
  }

  private static void collectPointers(JsonNode node, String pointer, List<String> pointers) {
    if (!pointer.isEmpty()) {
      pointers.add(pointer);
    }
    if (node instanceof ObjectNode object) {
      for (String field : object.propertyNames()) {
        collectPointers(object.get(field), pointer + "/" + field, pointers);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        collectPointers(array.get(i), pointer + "/" + i, pointers);
      }
    }
  }

  private static boolean replaceAt(ObjectNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
      return true;
    }
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
      return true;
    }
    return false;
  }

  private static ObjectNode nullsEverywhere(ObjectNode sample) {
    ObjectNode copy = sample.deepCopy();
    for (String field : copy.propertyNames()) {
      copy.putNull(field);
    }
    return copy;
  }

  private List<byte[]> structuralJunk() {
    return List.of(
        utf8("[]"),
        utf8("[{\"metadata\":{\"name\":\"x\"}}]"),
        utf8("\"just a string\""),
        utf8("12345"),
        utf8("null"),
        utf8("true"),
        utf8("{"),
        utf8("}"),
        utf8("{\"metadata\":[]}"),
        utf8("{\"metadata\":\"name\"}"),
        utf8("{\"metadata\":{\"name\":\"dup\",\"name\":\"dup2\"}}"),
        utf8("{\"metadata\":{\"name\":\"x\"}} trailing garbage"),
        utf8("{\"metadata\":{\"name\":\"x\"},\"spec\":NaN}"),
        utf8("{\"metadata\":{\"name\":\"x\"} /* comment */}"),
        utf8("\uFEFF{\"metadata\":{\"name\":\"bom\"}}"),
        utf8("{\"apiVersion\":7,\"kind\":[],\"metadata\":{\"name\":\"x\"}}"),
        utf8("{\"metadata\":{\"name\":\"x\",\"labels\":{\"a\":{\"b\":\"c\"}}}}"),
        utf8("{\"metadata\":{\"name\":\"x\",\"ownerReferences\":[{\"uid\":5}]}}"),
        utf8("{\"metadata\":{\"name\":\"x\",\"finalizers\":\"all\"}}"),
        utf8("{\"metadata\":{\"name\":\"x\",\"generateName\":[]}}"),
        utf8("- a\n- b\n"),
        utf8("a: [unclosed\n"),
        utf8("\t\tmetadata: tabs\n"),
        utf8("--- !!binary |\n  R0lGODlhDAAMAIQAAP\n"),
        utf8("metadata: !!python/object:os.system ['ls']\n"),
        new byte[0],
        utf8("   \n\t  "));
  }

  private byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Starts like a Kubernetes protobuf body, then goes wrong. */
  private byte[] protobufLookalike() {
    byte[] tail = garbage(200);
    byte[] body = new byte[4 + tail.length];
    body[0] = 'k';
    body[1] = '8';
    body[2] = 's';
    body[3] = 0;
    System.arraycopy(tail, 0, body, 4, tail.length);
    return body;
  }

  private static List<String> junkNames() {
    return List.of(
        "",
        " ",
        "..",
        ".",
        "a/b",
        "a%2Fb",
        "UPPER",
        "名前",
        "\u202eevil",
        "a\u0000b",
        "emoji-\uD83D\uDE00",
        "-leading",
        "x".repeat(300),
        "\uFFFF\uFFFE",
        "name\nwith\nnewlines");
  }

  private List<byte[]> hugeBodies(ObjectNode sample) {
    ObjectNode longName = sample.deepCopy();
    longName.withObjectProperty("metadata").put("name", "n".repeat(1_000_000));
    ObjectNode longLabel = sample.deepCopy();
    longLabel.withObjectProperty("metadata").putObject("labels").put("big", "v".repeat(100_000));
    ObjectNode manyLabels = sample.deepCopy();
    ObjectNode labels = manyLabels.withObjectProperty("metadata").putObject("labels");
    for (int i = 0; i < 20_000; i++) {
      labels.put("k" + i, "v");
    }
    ObjectNode hugeAnnotation = sample.deepCopy();
    hugeAnnotation
        .withObjectProperty("metadata")
        .putObject("annotations")
        .put("big", "a".repeat(2_900_000));
    byte[] overLimit = new byte[4 * 1024 * 1024];
    java.util.Arrays.fill(overLimit, (byte) ' ');
    overLimit[0] = '{';
    overLimit[overLimit.length - 1] = '}';
    return List.of(
        bytes(longName), bytes(longLabel), bytes(manyLabels), bytes(hugeAnnotation), overLimit);
  }

  private List<byte[]> deepNesting(ObjectNode sample) {
    int depth = 100_000;
    String arrays = "[".repeat(depth) + "]".repeat(depth);
    String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    String inside =
        "{\"metadata\":{\"name\":\"deep\"},\"spec\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    String yamlFlow = "a: " + "[".repeat(depth) + "]".repeat(depth);
    StringBuilder yamlBlock = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      yamlBlock.append("  ".repeat(i)).append("k:\n");
    }
    String nestedUnderSample =
        sample
            .toString()
            .replaceFirst("\\{", "{\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + ",");
    return List.of(
        utf8(arrays),
        utf8(objects),
        utf8(inside),
        utf8(yamlFlow),
        utf8(yamlBlock.toString()),
        utf8(nestedUnderSample));
  }

  private static List<byte[]> yamlBombs() {
    StringBuilder laughs =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      laughs.append("]\n");
      previous = c;
    }
    laughs.append("metadata:\n  name: bomb\n");
    String merges =
        """
        base: &base {a: 1, b: 2}
        metadata: &m
          name: merged
          <<: *base
        spec:
          <<: [*base, *m]
        """;
    String selfReference = "a: &a [*a]\n";
    String unknownAlias = "metadata: *nope\n";
    String manyAnchors = "x: &x 1\n" + "list: [" + "*x,".repeat(10_000) + "*x]\n";
    return List.of(
        utf8(laughs.toString()),
        utf8(merges),
        utf8(selfReference),
        utf8(unknownAlias),
        utf8(manyAnchors));
  }

  private static String collectionPath(String ns, String resource) {
    return resource.equals("deployments")
        ? "/apis/apps/v1/namespaces/" + ns + "/deployments"
        : "/api/v1/namespaces/" + ns + "/" + resource;
  }

  private static String describe(
      String method, String path, @Nullable String contentType, byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    return method + " " + path + " [" + contentType + ", " + body.length + " bytes] " + text;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static byte[] bytes(JsonNode node) {
    return utf8(node.toString());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
