package io.cetus.api.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerStatus;
import io.cetus.api.core.EnvVar;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Pods;
import io.cetus.api.core.Service;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.Owners;
import io.cetus.api.quantity.Quantity;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Realistic manifests read from YAML, written as JSON and read again: the records must hold
 * everything the manifests say, under Kubernetes' field names.
 */
class ManifestRoundTripTest {

  @ParameterizedTest
  @CsvSource({
    "pod.yaml, io.cetus.api.core.Pod",
    "deployment.yaml, io.cetus.api.apps.Deployment",
    "service.yaml, io.cetus.api.core.Service"
  })
  void manifestSurvivesYamlToJsonAndBack(String file, Class<? extends ApiObject> type) {
    String yaml = manifest(file);
    ApiObject object = Json.yaml().readValue(yaml, type);
    String json = Json.mapper().writeValueAsString(object);

    assertThat(Json.mapper().readValue(json, type)).isEqualTo(object);
    // both ways: nothing lost, nothing added (the manifests spell out what is always written)
    JsonNode read = Json.yaml().readTree(yaml);
    JsonNode written = Json.mapper().readTree(json);
    assertContains(read, written, "");
    assertContains(written, read, "");
  }

  @Test
  void deploymentFieldsAreTyped() {
    Deployment deployment = Json.yaml().readValue(manifest("deployment.yaml"), Deployment.class);

    assertThat(deployment.spec().replicas()).isEqualTo(3);
    assertThat(deployment.spec().selector().toSelector().toString())
        .isEqualTo("app.kubernetes.io/name=shop,tier in (edge,frontend)");
    var rollingUpdate = deployment.spec().strategy().rollingUpdate();
    assertThat(rollingUpdate.maxSurge().resolve(4, true)).isEqualTo(1);
    assertThat(rollingUpdate.maxUnavailable()).isEqualTo(IntOrString.of(0));

    Container shop = deployment.spec().template().spec().containers().getFirst();
    assertThat(shop.resources().requests().get("cpu").milliValue()).isEqualTo(250);
    assertThat(shop.resources().limits().get("memory")).isEqualTo(Quantity.parse("512Mi"));
    EnvVar password = shop.env().get(1);
    assertThat(password.valueFrom().secretKeyRef().key()).isEqualTo("password");
    assertThat(shop.livenessProbe().httpGet().port()).isEqualTo(IntOrString.of("http"));
    assertThat(shop.readinessProbe().tcpSocket().port()).isEqualTo(IntOrString.of(8080));
    assertThat(shop.lifecycle().preStop().exec().command())
        .containsExactly("/bin/sh", "-c", "sleep 5");
    assertThat(deployment.spec().template().spec().volumes().get(1).emptyDir()).isNotNull();
    assertThat(Condition.holds(deployment.status().conditions(), DeploymentCondition.AVAILABLE))
        .isFalse();
    assertThat(deployment.status().readyReplicas()).isEqualTo(2);
  }

  @Test
  void podStatusAndOwnerAreTyped() {
    Pod pod = Json.yaml().readValue(manifest("pod.yaml"), Pod.class);

    assertThat(Pods.isReady(pod)).isTrue();
    assertThat(Pods.isActive(pod)).isTrue();
    assertThat(Owners.controllerOf(pod))
        .hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo("ReplicaSet"));
    ContainerStatus status = pod.status().containerStatuses().getFirst();
    assertThat(status.restartCount()).isEqualTo(2);
    assertThat(status.lastState().terminated().exitCode()).isEqualTo(137);
    assertThat(status.lastState().terminated().reason()).isEqualTo("OOMKilled");
    assertThat(status.state().running().startedAt()).hasToString("2026-11-21T22:43:15Z");
    assertThat(pod.spec().affinity()).containsKey("nodeAffinity");
  }

  @Test
  void serviceFieldsAreTyped() {
    Service service = Json.yaml().readValue(manifest("service.yaml"), Service.class);

    assertThat(service.spec().ports().getFirst().targetPort()).isEqualTo(IntOrString.of("http"));
    assertThat(service.spec().ports().get(1).targetPort()).isEqualTo(IntOrString.of(9090));
    assertThat(service.spec().selector()).isEqualTo(Map.of("app.kubernetes.io/name", "shop"));
    assertThat(service.status().loadBalancer().ingress())
        .extracting(i -> i.ip())
        .containsExactly("192.0.2.10");
  }

  /** Every field of {@code expected} is in {@code actual} with the same value. */
  private static void assertContains(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        fail(path + " should be an object but is " + actual);
      }
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        JsonNode value = actual.get(field.getKey());
        if (value == null) {
          fail(path + "." + field.getKey() + " is missing in " + actual);
        }
        assertContains(field.getValue(), value, path + "." + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  private static String manifest(String file) {
    try (InputStream in = ManifestRoundTripTest.class.getResourceAsStream("/manifests/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no test manifest " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
