package io.cetus.objectstore.web;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;
import io.kubernetes.client.proto.Meta.LabelSelector;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Meta.Time;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;

import com.google.protobuf.Message;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kubectl create deployment|namespace} send protobuf bodies; the answers are JSON. */
class ProtobufBodyTest extends ApiTest {

  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  @Test
  void aProtobufDeploymentIsCreatedAndAnsweredAsJson() {
    String ns = newNamespace();
    Map<String, String> labels = Map.of("app", "web");
    V1Apps.Deployment deployment =
        V1Apps.Deployment.newBuilder()
            .setMetadata(
                ObjectMeta.newBuilder()
                    .setName("web")
                    .setNamespace("")
                    .setCreationTimestamp(Time.getDefaultInstance())
                    .putAllLabels(labels))
            .setSpec(
                V1Apps.DeploymentSpec.newBuilder()
                    .setReplicas(2)
                    .setSelector(LabelSelector.newBuilder().putAllMatchLabels(labels))
                    .setTemplate(
                        V1.PodTemplateSpec.newBuilder()
                            .setMetadata(ObjectMeta.newBuilder().putAllLabels(labels))
                            .setSpec(
                                V1.PodSpec.newBuilder()
                                    .addContainers(
                                        V1.Container.newBuilder()
                                            .setName("nginx")
                                            .setImage("nginx")
                                            .setResources(
                                                V1.ResourceRequirements.getDefaultInstance()))))
                    .setStrategy(V1Apps.DeploymentStrategy.getDefaultInstance()))
            .setStatus(V1Apps.DeploymentStatus.getDefaultInstance())
            .build();

    Response response =
        api.send(
            "POST",
            "/apis/apps/v1/namespaces/"
                + ns
                + "/deployments?fieldManager=kubectl-create&fieldValidation=Strict",
            PROTOBUF,
            envelope("apps/v1", "Deployment", deployment),
            PROTOBUF + ",application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.contentType()).startsWith("application/json");
    ObjectNode created = response.json();
    assertThat(created.path("kind").asString()).isEqualTo("Deployment");
    assertThat(created.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(created.at("/spec/template/spec/containers/0/image").asString()).isEqualTo("nginx");
  }

  @Test
  void aProtobufNamespaceIsCreated() {
    V1.Namespace namespace =
        V1.Namespace.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("from-protobuf"))
            .setSpec(V1.NamespaceSpec.getDefaultInstance())
            .setStatus(V1.NamespaceStatus.getDefaultInstance())
            .build();

    Response response =
        api.send(
            "POST", "/api/v1/namespaces", PROTOBUF, envelope("v1", "Namespace", namespace), null);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().at("/status/phase").asString()).isEqualTo("Active");
  }

  @Test
  void garbageAsProtobufIsBadRequest() {
    Response response =
        api.send("POST", "/api/v1/namespaces", PROTOBUF, new byte[] {1, 2, 3, 4, 5}, null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("kind").asString()).isEqualTo("Status");
  }

  private static byte[] envelope(String apiVersion, String kind, Message message) {
    Runtime.Unknown unknown =
        Runtime.Unknown.newBuilder()
            .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
            .setRaw(message.toByteString())
            .setContentEncoding("")
            .setContentType("")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(unknown.toByteArray());
    return out.toByteArray();
  }
}
