package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class MetadataValidationTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void aGeneratedNameIsEnoughBeforeTheCallerResolvesIt() {
    ObjectNode configMap = yaml("{kind: ConfigMap, metadata: {generateName: settings-}}");

    assertThat(chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap)).isNotNull();
  }

  @Test
  void labelKeysAndValuesMustBeValid() {
    List<String> problems =
        invalid(
            "{name: c, labels: {app.kubernetes.io/name: web, 'example.com/': x, tier: 'front end',"
                + " long: "
                + "v".repeat(64)
                + "}}");

    assertThat(problems)
        .hasSize(3)
        .allMatch(p -> p.startsWith("metadata.labels: Invalid value: "))
        .anyMatch(p -> p.contains("\"example.com/\""))
        .anyMatch(p -> p.contains("\"front end\""))
        .anyMatch(p -> p.contains("must be no longer than 63 characters"));
  }

  @Test
  void annotationsMayHoldAnyTextUpToTheirTotalSize() {
    assertThat(
            chain.admitCreate(
                ResourceTypes.CONFIG_MAPS,
                yaml(
                    "{kind: ConfigMap, metadata: {name: c, annotations:"
                        + " {kubectl.kubernetes.io/last-applied-configuration: '{\"a\": 1}\n"
                        + "', Note: 'hello world'}}}")))
        .isNotNull();
    ObjectNode huge = yaml("{kind: ConfigMap, metadata: {name: c}}");
    ((ObjectNode) huge.get("metadata")).putObject("annotations").put("big", "x".repeat(256 * 1024));

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, huge)))
        .containsExactly("metadata.annotations: Too long: must have at most 262144 bytes");
    assertThat(invalid("{name: c, annotations: {'bad key': x}}"))
        .singleElement()
        .asString()
        .startsWith("metadata.annotations: Invalid value: \"bad key\"");
  }

  @Test
  void ownerReferencesNeedTheirIdentifyingFieldsAndOneController() {
    assertThat(
            invalid(
                """
                name: c
                ownerReferences:
                - {apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: u1, controller: true}
                - {apiVersion: apps/v1, kind: ReplicaSet, name: web-2, controller: true}
                - {kind: Deployment, name: '', uid: u3}
                """))
        .containsExactlyInAnyOrder(
            "metadata.ownerReferences[1].uid: Required value",
            "metadata.ownerReferences[2].apiVersion: Required value",
            "metadata.ownerReferences[2].name: Required value",
            "metadata.ownerReferences: Invalid value:"
                + " [{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web-1\",\"uid\":\"u1\",\"controller\":true},{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web-2\",\"controller\":true},{\"kind\":\"Deployment\",\"name\":\"\",\"uid\":\"u3\"}]:"
                + " only one reference can have controller set to true, found it on"
                + " ReplicaSet/web-1, ReplicaSet/web-2");
  }

  @Test
  void finalizersAreQualifiedOrKubernetesOwn() {
    assertThat(
            chain.admitCreate(
                ResourceTypes.CONFIG_MAPS,
                yaml(
                    "{kind: ConfigMap, metadata: {name: c, finalizers: [example.com/cleanup,"
                        + " foregroundDeletion]}}")))
        .isNotNull();
    assertThat(
            invalid("{name: c, finalizers: [cleanup, 'bad/ /name', orphan, foregroundDeletion]}"))
        .hasSize(3)
        .contains(
            "metadata.finalizers[0]: Invalid value: \"cleanup\": name is neither a standard"
                + " finalizer name nor is it fully qualified")
        .anyMatch(p -> p.startsWith("metadata.finalizers[1]: Invalid value: \"bad/ /name\""))
        .anyMatch(p -> p.endsWith("finalizer orphan and foregroundDeletion cannot be both set"));
  }

  @Test
  void noFinalizerMayBeAddedToAnObjectBeingDeleted() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.CONFIG_MAPS, yaml("{kind: ConfigMap, metadata: {name: c}}"));
    ((ObjectNode) stored.get("metadata")).put("deletionTimestamp", "2026-01-01T00:00:00Z");
    ObjectNode update = stored.deepCopy();
    ((ObjectNode) update.get("metadata")).putArray("finalizers").add("example.com/late");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.CONFIG_MAPS, update, stored)))
        .containsExactly(
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is"
                + " being deleted, found new finalizers [example.com/late]");
  }

  @Test
  void metadataOfTheWrongTypeIsReported() {
    ObjectNode configMap =
        yaml("{kind: ConfigMap, metadata: {name: c, labels: [a], finalizers: x}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap)))
        .containsExactlyInAnyOrder(
            "metadata.labels: Invalid value: \"array\": must be of type object",
            "metadata.finalizers: Invalid value: \"x\": must be of type array");
  }

  private List<String> invalid(String metadata) {
    ObjectNode configMap = yaml("{kind: ConfigMap}");
    ObjectNode meta = (ObjectNode) Manifests.tree(metadata);
    meta.put("namespace", "default");
    configMap.set("metadata", meta);
    return problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap));
  }
}
