package io.cetus.objectstore.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta.LabelSelector;
import io.kubernetes.client.proto.Meta.MicroTime;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Meta.Time;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Batch;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufDecoderTest {

  private final ProtobufDecoder decoder = new ProtobufDecoder();

  @Test
  void decodesDeploymentAsKubectlCreateDeploymentSendsIt() {
    // gogo-protobuf writes every non-pointer field: empty strings, zeros, empty structs.
    var labels = java.util.Map.of("app", "web");
    var container =
        V1.Container.newBuilder()
            .setName("nginx")
            .setImage("nginx")
            .setWorkingDir("")
            .setResources(V1.ResourceRequirements.getDefaultInstance())
            .setTerminationMessagePath("")
            .setImagePullPolicy("")
            .setStdin(false)
            .setStdinOnce(false)
            .setTty(false);
    var deployment =
        V1Apps.Deployment.newBuilder()
            .setMetadata(
                ObjectMeta.newBuilder()
                    .setName("web")
                    .setGenerateName("")
                    .setNamespace("")
                    .setGeneration(0)
                    .setCreationTimestamp(Time.getDefaultInstance())
                    .putAllLabels(labels))
            .setSpec(
                V1Apps.DeploymentSpec.newBuilder()
                    .setReplicas(2)
                    .setSelector(LabelSelector.newBuilder().putAllMatchLabels(labels))
                    .setTemplate(
                        V1.PodTemplateSpec.newBuilder()
                            .setMetadata(
                                ObjectMeta.newBuilder()
                                    .setCreationTimestamp(Time.getDefaultInstance())
                                    .putAllLabels(labels))
                            .setSpec(
                                V1.PodSpec.newBuilder()
                                    .addContainers(container)
                                    .setRestartPolicy("")
                                    .setHostNetwork(false)))
                    .setStrategy(V1Apps.DeploymentStrategy.getDefaultInstance())
                    .setMinReadySeconds(0)
                    .setPaused(false))
            .setStatus(
                V1Apps.DeploymentStatus.newBuilder()
                    .setObservedGeneration(0)
                    .setReplicas(0)
                    .setAvailableReplicas(0))
            .build();

    ObjectNode json = decoder.decode(envelope("apps/v1", "Deployment", deployment));

    assertThat(json)
        .isEqualTo(
            json(
                """
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}
                """));
    assertThat(json.propertyNames()).startsWith("apiVersion", "kind");
  }

  @Test
  void keepsZeroReplicasBecauseKubernetesMakesThemAPointer() {
    var deployment =
        V1Apps.Deployment.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("idle"))
            .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(0))
            .build();

    ObjectNode json = decoder.decode(envelope("apps/v1", "Deployment", deployment));

    assertThat(json.at("/spec/replicas").intValue()).isZero();
    assertThat(json.at("/spec/replicas").isMissingNode()).isFalse();
  }

  @Test
  void decodesNamespace() {
    var namespace =
        V1.Namespace.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("team-a"))
            .setSpec(V1.NamespaceSpec.getDefaultInstance())
            .setStatus(V1.NamespaceStatus.newBuilder().setPhase(""))
            .build();

    assertThat(decoder.decode(envelope("v1", "Namespace", namespace)))
        .isEqualTo(
            json(
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-a\"}}"));
  }

  @Test
  void decodesConfigMapDataKeepingEmptyValues() {
    var configMap =
        V1.ConfigMap.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("cfg").setNamespace("default"))
            .putData("color", "blue")
            .putData("empty", "")
            .putBinaryData("blob", ByteString.copyFrom(new byte[] {1, 2, 3}))
            .build();

    ObjectNode json = decoder.decode(envelope("v1", "ConfigMap", configMap));

    assertThat(json.get("data")).isEqualTo(json("{\"color\":\"blue\",\"empty\":\"\"}"));
    assertThat(json.at("/binaryData/blob").asString()).isEqualTo("AQID");
  }

  @Test
  void encodesSecretBytesAsBase64() {
    var secret =
        V1.Secret.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("creds"))
            .putData("password", ByteString.copyFrom("s3cr3t", StandardCharsets.UTF_8))
            .setType("Opaque")
            .build();

    ObjectNode json = decoder.decode(envelope("v1", "Secret", secret));

    assertThat(json.at("/data/password").asString()).isEqualTo("czNjcjN0");
    assertThat(json.get("type").asString()).isEqualTo("Opaque");
  }

  @Test
  void decodesServicePortWithIntAndNamedTargetPorts() {
    var service =
        V1.Service.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("web").putLabels("app", "web"))
            .setSpec(
                V1.ServiceSpec.newBuilder()
                    .addPorts(
                        V1.ServicePort.newBuilder()
                            .setName("80-8080")
                            .setProtocol("TCP")
                            .setPort(80)
                            .setTargetPort(IntOrString.newBuilder().setType(0).setIntVal(8080))
                            .setNodePort(0))
                    .addPorts(
                        V1.ServicePort.newBuilder()
                            .setName("metrics")
                            .setPort(9090)
                            .setTargetPort(IntOrString.newBuilder().setType(1).setStrVal("http"))
                            .setNodePort(0))
                    .putSelector("app", "web")
                    .setType("ClusterIP")
                    .setClusterIP(""))
            .setStatus(
                V1.ServiceStatus.newBuilder()
                    .setLoadBalancer(V1.LoadBalancerStatus.getDefaultInstance()))
            .build();

    ObjectNode json = decoder.decode(envelope("v1", "Service", service));

    assertThat(json.get("spec"))
        .isEqualTo(
            json(
                """
                {"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080},
                          {"name":"metrics","port":9090,"targetPort":"http"}],
                 "selector":{"app":"web"},"type":"ClusterIP"}
                """));
    assertThat(json.has("status")).isFalse();
  }

  @Test
  void decodesJobWithQuantitiesTimesAndEmptyDirVolume() {
    var job =
        V1Batch.Job.newBuilder()
            .setMetadata(
                ObjectMeta.newBuilder()
                    .setName("pi")
                    .setCreationTimestamp(Time.newBuilder().setSeconds(1_700_000_000L)))
            .setSpec(
                V1Batch.JobSpec.newBuilder()
                    .setBackoffLimit(0)
                    .setTemplate(
                        V1.PodTemplateSpec.newBuilder()
                            .setSpec(
                                V1.PodSpec.newBuilder()
                                    .setRestartPolicy("Never")
                                    .addVolumes(
                                        V1.Volume.newBuilder()
                                            .setName("scratch")
                                            .setVolumeSource(
                                                V1.VolumeSource.newBuilder()
                                                    .setEmptyDir(
                                                        V1.EmptyDirVolumeSource
                                                            .getDefaultInstance())))
                                    .addContainers(
                                        V1.Container.newBuilder()
                                            .setName("pi")
                                            .setImage("perl")
                                            .addCommand("perl")
                                            .addCommand("-Mbignum=bpi")
                                            .setResources(
                                                V1.ResourceRequirements.newBuilder()
                                                    .putLimits(
                                                        "memory",
                                                        Quantity.newBuilder()
                                                            .setString("128Mi")
                                                            .build()))))))
            .build();

    ObjectNode json = decoder.decode(envelope("batch/v1", "Job", job));

    assertThat(json.at("/metadata/creationTimestamp").asString()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(json.at("/spec/backoffLimit").intValue()).isZero();
    assertThat(json.at("/spec/template/spec/volumes/0"))
        .isEqualTo(json("{\"name\":\"scratch\",\"emptyDir\":{}}"));
    assertThat(json.at("/spec/template/spec/containers/0/resources"))
        .isEqualTo(json("{\"limits\":{\"memory\":\"128Mi\"}}"));
    assertThat(json.at("/spec/template/spec/containers/0/command"))
        .isEqualTo(json("[\"perl\",\"-Mbignum=bpi\"]"));
  }

  @Test
  void inlinesLocalObjectReferenceOfEnvSources() {
    var pod =
        V1.Pod.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("p"))
            .setSpec(
                V1.PodSpec.newBuilder()
                    .addContainers(
                        V1.Container.newBuilder()
                            .setName("c")
                            .addEnv(
                                V1.EnvVar.newBuilder()
                                    .setName("COLOR")
                                    .setValueFrom(
                                        V1.EnvVarSource.newBuilder()
                                            .setConfigMapKeyRef(
                                                V1.ConfigMapKeySelector.newBuilder()
                                                    .setLocalObjectReference(
                                                        V1.LocalObjectReference.newBuilder()
                                                            .setName("cfg"))
                                                    .setKey("color"))))))
            .build();

    ObjectNode json = decoder.decode(envelope("v1", "Pod", pod));

    assertThat(json.at("/spec/containers/0/env/0/valueFrom"))
        .isEqualTo(json("{\"configMapKeyRef\":{\"name\":\"cfg\",\"key\":\"color\"}}"));
  }

  @Test
  void decodesLeaseWithMicroTimes() {
    var spec = LeaseProto.FILE.findMessageTypeByName("LeaseSpec");
    var lease = LeaseProto.FILE.findMessageTypeByName("Lease");
    var message =
        DynamicMessage.newBuilder(lease)
            .setField(
                lease.findFieldByName("metadata"),
                ObjectMeta.newBuilder().setName("node-1").setNamespace("kube-node-lease").build())
            .setField(
                lease.findFieldByName("spec"),
                DynamicMessage.newBuilder(spec)
                    .setField(spec.findFieldByName("holderIdentity"), "node-1")
                    .setField(spec.findFieldByName("leaseDurationSeconds"), 40)
                    .setField(
                        spec.findFieldByName("renewTime"),
                        MicroTime.newBuilder()
                            .setSeconds(1_700_000_000L)
                            .setNanos(123_456_000)
                            .build())
                    .build())
            .build();

    ObjectNode json = decoder.decode(envelope("coordination.k8s.io/v1", "Lease", message));

    assertThat(json.get("spec"))
        .isEqualTo(
            json(
                """
                {"holderIdentity":"node-1","leaseDurationSeconds":40,
                 "renewTime":"2023-11-14T22:13:20.123456Z"}
                """));
  }

  @Test
  void decodesScaleSubresourceBody() {
    var scale =
        io.kubernetes.client.proto.V1Autoscaling.Scale.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("web").setResourceVersion("12"))
            .setSpec(io.kubernetes.client.proto.V1Autoscaling.ScaleSpec.newBuilder().setReplicas(3))
            .build();

    ObjectNode json = decoder.decode(envelope("autoscaling/v1", "Scale", scale));

    assertThat(json.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(json.at("/metadata/resourceVersion").asString()).isEqualTo("12");
  }

  @Test
  void decodesDeleteOptionsUnderTheCoreApiVersion() {
    var options =
        io.kubernetes.client.proto.Meta.DeleteOptions.newBuilder()
            .setPropagationPolicy("Foreground")
            .setGracePeriodSeconds(0)
            .build();

    ObjectNode json = decoder.decode(envelope("v1", "DeleteOptions", options));

    assertThat(json.get("propagationPolicy").asString()).isEqualTo("Foreground");
    assertThat(json.get("gracePeriodSeconds").intValue()).isZero();
  }

  @Test
  void rejectsBodyWithoutMagicAsBadRequest() {
    assertThatThrownBy(() -> decoder.decode("{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void rejectsTruncatedEnvelopeAsBadRequest() {
    byte[] body = envelope("v1", "Namespace", V1.Namespace.getDefaultInstance());
    byte[] truncated = java.util.Arrays.copyOf(body, 8);

    assertThatThrownBy(() -> decoder.decode(truncated))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void rejectsGarbageMessageAsBadRequest() {
    byte[] body =
        envelope("v1", "Pod", ByteString.copyFrom(new byte[] {(byte) 0x0a, (byte) 0x7f, 1, 2}));

    assertThatThrownBy(() -> decoder.decode(body))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void rejectsKindTheServerDoesNotServeNamingIt() {
    byte[] body =
        envelope("v1", "ServiceAccount", V1.ServiceAccount.getDefaultInstance().toByteString());

    assertThatThrownBy(() -> decoder.decode(body))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(415);
              assertThat(e.getMessage()).contains("ServiceAccount");
            });
  }

  private static byte[] envelope(String apiVersion, String kind, Message message) {
    return envelope(apiVersion, kind, message.toByteString());
  }

  private static byte[] envelope(String apiVersion, String kind, ByteString raw) {
    var unknown =
        Runtime.Unknown.newBuilder()
            .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
            .setRaw(raw)
            .setContentEncoding("")
            .setContentType("")
            .build();
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(unknown.toByteArray());
    return out.toByteArray();
  }

  private static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }
}
