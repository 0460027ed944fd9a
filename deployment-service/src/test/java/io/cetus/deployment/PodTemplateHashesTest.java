package io.cetus.deployment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.json.Json;

import static io.cetus.deployment.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

class PodTemplateHashesTest {

  @Test
  void theUndoTemplateEqualsTheReplicaSetsTemplate() throws Exception {
    PodTemplateSpec stored =
        Json.mapper()
            .readValue(
                """
                {"metadata":{"labels":{"app":"web","pod-template-hash":"5d8f9c6"}},
                 "spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}
                """,
                PodTemplateSpec.class);
    PodTemplateSpec undo =
        Json.mapper()
            .readValue(
                """
                {"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{},
                   "env":[]}]}}
                """,
                PodTemplateSpec.class);

    assertThat(PodTemplateHashes.equalIgnoringHash(stored, undo)).isTrue();
    assertThat(PodTemplateHashes.hash(stored, null)).isEqualTo(PodTemplateHashes.hash(undo, null));
  }

  @Test
  void differentTemplatesDiffer() {
    assertThat(PodTemplateHashes.equalIgnoringHash(template("a:1"), template("a:2"))).isFalse();
    assertThat(PodTemplateHashes.hash(template("a:1"), null))
        .isNotEqualTo(PodTemplateHashes.hash(template("a:2"), null));
    PodTemplateSpec relabelled =
        new PodTemplateSpec(
            template("a:1").metadata().withLabels(Map.of("app", "web", "tier", "x")),
            template("a:1").spec());
    assertThat(PodTemplateHashes.equalIgnoringHash(template("a:1"), relabelled)).isFalse();
  }

  @Test
  void theHashIsStableShortAndSafeAndTheCollisionCountChangesIt() {
    String hash = PodTemplateHashes.hash(template("nginx:1.27"), null);

    assertThat(PodTemplateHashes.hash(template("nginx:1.27"), null)).isEqualTo(hash);
    assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{7,}");
    assertThat(PodTemplateHashes.hash(template("nginx:1.27"), 1)).isNotEqualTo(hash);
    assertThat(PodTemplateHashes.hash(template("nginx:1.27"), 2))
        .isNotEqualTo(PodTemplateHashes.hash(template("nginx:1.27"), 1));
  }
}
