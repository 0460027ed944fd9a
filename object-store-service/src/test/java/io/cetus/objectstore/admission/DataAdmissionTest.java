package io.cetus.objectstore.admission;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** ConfigMaps and Secrets. */
class DataAdmissionTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void configMapKeysMustBeUsableAsFileNames() {
    ObjectNode configMap =
        yaml(
            """
            kind: ConfigMap
            metadata: {name: settings}
            data: {app.properties: 'a=1', 'bad key': x, '..hidden': y, port: 8080}
            binaryData: {app.properties: AAEC, blob: '%%%'}
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap)))
        .containsExactlyInAnyOrder(
            "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of"
                + " alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', 'KEY_NAME' or"
                + " 'key-name')",
            "data[..hidden]: Invalid value: \"..hidden\": must not start with '..'",
            "data[port]: Invalid value: 8080: must be of type string",
            "binaryData[app.properties]: Invalid value: \"app.properties\": duplicate of key"
                + " present in data",
            "binaryData[blob]: Invalid value: \"<binary data>\": must be base64-encoded");
  }

  @Test
  void configMapsHoldAtMostOneMebibyte() {
    ObjectNode configMap = yaml("{kind: ConfigMap, metadata: {name: big}}");
    configMap.putObject("data").put("a", "x".repeat(1024 * 1024)).put("b", "y");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap)))
        .containsExactly("data: Too long: must have at most 1048576 bytes");
  }

  @Test
  void immutableConfigMapsCannotChange() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.CONFIG_MAPS,
            yaml("{kind: ConfigMap, metadata: {name: c}, data: {a: '1'}, immutable: true}"));
    ObjectNode changed =
        yaml("{kind: ConfigMap, metadata: {name: c}, data: {a: '2'}, immutable: false}");
    ObjectNode relabelled = stored.deepCopy();
    ((ObjectNode) relabelled.get("metadata")).putObject("labels").put("tier", "fe");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.CONFIG_MAPS, changed, stored)))
        .containsExactlyInAnyOrder(
            "immutable: Forbidden: field is immutable when `immutable` is set",
            "data: Forbidden: field is immutable when `immutable` is set");
    assertThat(chain.admitUpdate(ResourceTypes.CONFIG_MAPS, relabelled, stored)).isNotNull();
  }

  @Test
  void secretStringDataIsEncodedIntoData() {
    ObjectNode secret = Manifests.resource("backend-app.yaml").get(0);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.SECRETS, secret);

    assertThat(admitted.has("stringData")).isFalse();
    assertThat(admitted.get("type").stringValue()).isEqualTo("Opaque");
    assertThat(admitted.at("/data/api-key").stringValue())
        .isEqualTo(Base64.getEncoder().encodeToString("s3cr3t-demo-key".getBytes()));
  }

  @Test
  void stringDataOverridesDataAndDefaultsTheType() {
    ObjectNode secret =
        yaml(
            """
            kind: Secret
            metadata: {name: s}
            data: {user: YWRtaW4=, password: b2xk}
            stringData: {password: new, note: 'ü'}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.SECRETS, secret);

    assertThat(admitted.get("data"))
        .isEqualTo(yaml("{user: YWRtaW4=, password: bmV3, note: w7w=}"));
    assertThat(admitted.get("type").stringValue()).isEqualTo("Opaque");
  }

  @Test
  void secretValuesMustBeBase64AndAreNeverEchoed() {
    ObjectNode secret =
        yaml(
            "{kind: Secret, metadata: {name: s}, data: {token: 'hunter2!'}, stringData: {port:"
                + " 5432}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.SECRETS, secret)))
        .containsExactlyInAnyOrder(
            "data[token]: Invalid value: \"<secret contents redacted>\": must be base64-encoded",
            "stringData[port]: Invalid value: 5432: must be of type string")
        .noneMatch(p -> p.contains("hunter2"));
  }

  @Test
  void wellKnownSecretTypesNeedTheirKeys() {
    ObjectNode tls =
        yaml(
            "{kind: Secret, metadata: {name: t}, type: kubernetes.io/tls, data: {tls.crt:"
                + " Y2VydA==}}");
    ObjectNode docker =
        yaml(
            "{kind: Secret, metadata: {name: d}, type: kubernetes.io/dockerconfigjson,"
                + " stringData: {.dockerconfigjson: 'not json'}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.SECRETS, tls)))
        .containsExactly("data[tls.key]: Required value");
    assertThat(problems(() -> chain.admitCreate(ResourceTypes.SECRETS, docker)))
        .containsExactly(
            "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": must be valid"
                + " JSON");
  }

  @Test
  void aSecretsTypeAndImmutableDataCannotChange() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.SECRETS,
            yaml("{kind: Secret, metadata: {name: s}, stringData: {a: '1'}, immutable: true}"));
    ObjectNode changed =
        yaml(
            "{kind: Secret, metadata: {name: s}, type: kubernetes.io/basic-auth, data: {username:"
                + " YQ==}, immutable: true}");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.SECRETS, changed, stored)))
        .containsExactlyInAnyOrder(
            "type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable",
            "data: Forbidden: field is immutable when `immutable` is set");
  }
}
