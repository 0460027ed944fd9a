package io.cetus.objectstore.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ApiTypes;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.swagger.v3.oas.models.OpenAPI;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentsTest {

  private static final OpenApiDocuments DOCUMENTS = new OpenApiDocuments();

  @Test
  void indexNamesEveryGroupVersionWithAContentHash() {
    JsonNode paths = DOCUMENTS.index().get("paths");

    assertThat(paths.propertyNames())
        .contains("api/v1", "apis/apps/v1", "apis/batch/v1", "apis/coordination.k8s.io/v1");
    for (String groupVersion : paths.propertyNames()) {
      String url = paths.get(groupVersion).get("serverRelativeURL").asString();
      assertThat(url)
          .matches("/openapi/v3/" + groupVersion.replace(".", "\\.") + "\\?hash=[0-9A-F]{64}");
      assertThat(DOCUMENTS.groupVersion(groupVersion)).isPresent();
    }
    assertThat(new OpenApiDocuments().index()).isEqualTo(DOCUMENTS.index());
    assertThat(DOCUMENTS.groupVersion("apis/apps/v2")).isEmpty();
    assertThat(DOCUMENTS.groupVersion("/api/v1")).isPresent();
  }

  /** What kubectl's field-validation probe does: the first PATCH with the GVK decides. */
  @Test
  void everyKindsPatchDeclaresFieldValidationAsKubectlChecksIt() {
    for (ResourceType type : ResourceTypes.all()) {
      ObjectNode document = groupVersionOf(type);
      JsonNode decisive = null;
      for (JsonNode pathItem : document.get("paths")) {
        JsonNode patch = pathItem.get("patch");
        if (patch != null && hasGvk(patch, type.group(), type.version(), type.kind())) {
          decisive = patch;
          break;
        }
      }
      assertThat(decisive).as(type.kind()).isNotNull();
      assertThat(queryParameterNames(decisive)).as(type.kind()).contains("fieldValidation");
    }
  }

  @Test
  void kubectlDocumentsLeavePatchBodiesAndSchemaGvksOutSoKubectlUsesItsBuiltInPatchMetadata() {
    for (ResourceType type : ResourceTypes.all()) {
      ObjectNode document = groupVersionOf(type);
      for (JsonNode pathItem : document.get("paths")) {
        if (pathItem.has("patch")) {
          assertThat(pathItem.get("patch").has("requestBody")).isFalse();
          assertThat(queryParameterNames(pathItem.get("patch"))).contains("fieldValidation");
        }
      }
      assertThat(document.get("components").toString())
          .doesNotContain("x-kubernetes-group-version-kind");
    }
  }

  @Test
  void groupVersionDocumentHasEveryOperationOfItsKinds() {
    ObjectNode core = DOCUMENTS.groupVersion("api/v1").orElseThrow();
    JsonNode paths = core.get("paths");

    assertThat(core.get("openapi").asString()).startsWith("3.0");
    assertThat(paths.get("/api/v1/namespaces/{namespace}/pods").propertyNames())
        .contains("get", "post", "delete");
    assertThat(paths.get("/api/v1/namespaces/{namespace}/pods/{name}").propertyNames())
        .contains("get", "put", "patch", "delete");
    assertThat(paths.get("/api/v1/pods").get("get").get("operationId").asString())
        .isEqualTo("listCoreV1PodForAllNamespaces");
    assertThat(paths.get("/api/v1/namespaces/{namespace}/pods/{name}/status").propertyNames())
        .contains("get", "put", "patch");
    assertThat(paths.has("/api/v1/namespaces/{namespace}/pods/{name}/log")).isTrue();
    assertThat(paths.get("/api/v1/nodes/{name}").get("patch").get("operationId").asString())
        .isEqualTo("patchCoreV1Node");
    assertThat(paths.has("/api/v1/namespaces/{namespace}/nodes")).isFalse();
    assertThat(queryParameterNames(paths.get("/api/v1/namespaces/{namespace}/pods").get("get")))
        .contains(
            "watch", "labelSelector", "fieldSelector", "limit", "continue", "resourceVersion");

    JsonNode scalePatch =
        DOCUMENTS
            .groupVersion("apis/apps/v1")
            .orElseThrow()
            .at(
                "/paths/~1apis~1apps~1v1~1namespaces~1{namespace}~1deployments~1{name}~1scale/patch");
    assertThat(hasGvk(scalePatch, "autoscaling", "v1", "Scale")).isTrue();
    assertThat(scalePatch.get("operationId").asString())
        .isEqualTo("patchAppsV1NamespacedDeploymentScale");
  }

  @Test
  void everySchemaReferenceResolvesWithinItsDocument() {
    List<ObjectNode> documents = new ArrayList<>();
    for (String groupVersion : DOCUMENTS.index().get("paths").propertyNames()) {
      documents.add(DOCUMENTS.groupVersion(groupVersion).orElseThrow());
    }
    documents.add(DOCUMENTS.swaggerDocument());

    for (ObjectNode document : documents) {
      Set<String> refs = new HashSet<>();
      collectRefs(document, refs);
      for (String ref : refs) {
        assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
      }
    }
  }

  @Test
  void schemasAreGeneratedFromTheRecordsWithKubernetesValueTypes() {
    JsonNode schemas = DOCUMENTS.swaggerDocument().at("/components/schemas");

    assertThat(schemas.at("/Pod/properties/spec/$ref").asString())
        .isEqualTo("#/components/schemas/PodSpec");
    assertThat(schemas.at("/ObjectMeta/properties/creationTimestamp"))
        .isEqualTo(json("{\"type\":\"string\",\"format\":\"date-time\"}"));
    assertThat(schemas.at("/ObjectMeta/properties/labels/additionalProperties/type").asString())
        .isEqualTo("string");
    assertThat(schemas.at("/IntOrString/oneOf/0/type").asString()).isEqualTo("integer");
    assertThat(schemas.at("/IntOrString/oneOf/1/type").asString()).isEqualTo("string");
    assertThat(schemas.at("/IntOrString").has("properties")).isFalse();
    assertThat(schemas.at("/Quantity/type").asString()).isEqualTo("string");
    assertThat(schemas.at("/ServicePort/properties/targetPort/$ref").asString())
        .isEqualTo("#/components/schemas/IntOrString");
    assertThat(
            schemas
                .at("/ResourceRequirements/properties/limits/additionalProperties/$ref")
                .asString())
        .isEqualTo("#/components/schemas/Quantity");
    assertThat(schemas.at("/PodList/properties/items/items/$ref").asString())
        .isEqualTo("#/components/schemas/Pod");
    assertThat(schemas.at("/Status/properties/code/type").asString()).isEqualTo("integer");
    assertThat(schemas.has("DeleteOptions")).isTrue();
  }

  @Test
  void swaggerDocumentHasEveryKindWithExamplesAndAllPatchFormats() {
    ObjectNode swagger = DOCUMENTS.swaggerDocument();
    // "Try it out" must call the origin that served Swagger UI (the gateway), not a fixed host.
    assertThat(swagger.at("/servers/0/url").asString()).isEqualTo("/");
    List<String> tags = new ArrayList<>();
    swagger.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));

    for (ResourceType type : ResourceTypes.all()) {
      assertThat(tags).contains(type.kind());
      String collection =
          type.groupVersionPath()
              + (type.namespaced() ? "/namespaces/{namespace}/" : "/")
              + type.plural();
      JsonNode create = swagger.get("paths").get(collection).get("post");
      assertThat(create.get("summary").asString()).isNotBlank();
      JsonNode example = create.at("/requestBody/content/application~1json/example");
      assertThat(example.get("kind").asString()).isEqualTo(type.kind());
      assertThat(example.get("apiVersion").asString()).isEqualTo(type.apiVersion());
      assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asString())
          .isEqualTo("#/components/schemas/" + type.kind());
      assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asString())
          .isEqualTo("#/components/schemas/" + type.kind());
      assertThat(create.at("/responses/422/content/application~1json/schema/$ref").asString())
          .isEqualTo("#/components/schemas/Status");

      JsonNode patch = swagger.get("paths").get(collection + "/{name}").get("patch");
      assertThat(patch.at("/requestBody/content").propertyNames())
          .containsExactlyInAnyOrder(
              "application/strategic-merge-patch+json",
              "application/merge-patch+json",
              "application/json-patch+json",
              "application/apply-patch+yaml");
      assertThat(queryParameterNames(swagger.get("paths").get(collection).get("get")))
          .contains("watch", "labelSelector", "fieldSelector", "limit", "continue");
    }
  }

  @Test
  void examplesAreValidObjectsOfTheirKind() {
    JsonMapper strict =
        Json.mapper().rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    for (ResourceType type : ResourceTypes.all()) {
      ObjectNode example = Examples.object(type);

      Object typed = strict.treeToValue(example, ApiTypes.classOf(type));

      assertThat(typed).as(type.kind()).isNotNull();
      assertThat(example.at("/metadata/name").asString()).isNotBlank();
    }
    assertThat(Examples.object(ResourceTypes.DEPLOYMENTS).at("/spec/replicas").intValue())
        .isEqualTo(2);
    assertThat(Examples.object(ResourceTypes.SECRETS).has("stringData")).isTrue();
    assertThat(Examples.strategicMergePatch(ResourceTypes.DEPLOYMENTS).toString())
        .contains("\"name\":\"nginx\"");
  }

  @Test
  void swaggerDocumentIsAWellFormedOpenApiModelWithUniqueOperationIds() throws Exception {
    ObjectNode swagger = DOCUMENTS.swaggerDocument();

    OpenAPI model =
        io.swagger.v3.core.util.Json.mapper().readValue(swagger.toString(), OpenAPI.class);

    assertThat(model.getPaths()).hasSizeGreaterThan(ResourceTypes.all().size() * 2);
    assertThat(model.getComponents().getSchemas()).containsKeys("Pod", "Status", "Scale");
    Set<String> ids = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : swagger.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        JsonNode id = operation.getValue().get("operationId");
        if (id != null && !ids.add(id.asString())) {
          duplicates.add(id.asString());
        }
      }
    }
    assertThat(duplicates).isEmpty();
  }

  private static ObjectNode groupVersionOf(ResourceType type) {
    return DOCUMENTS.groupVersion(type.groupVersionPath().substring(1)).orElseThrow();
  }

  private static boolean hasGvk(JsonNode operation, String group, String version, String kind) {
    JsonNode gvk = operation.get("x-kubernetes-group-version-kind");
    return gvk != null
        && gvk.get("group").asString().equals(group)
        && gvk.get("version").asString().equals(version)
        && gvk.get("kind").asString().equals(kind);
  }

  private static List<String> queryParameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      if (parameter.path("in").asString("").equals("query")) {
        names.add(parameter.get("name").asString());
      }
    }
    return names;
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
          refs.add(entry.getValue().asString());
        } else {
          collectRefs(entry.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectRefs(element, refs));
    }
  }

  private static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }
}
