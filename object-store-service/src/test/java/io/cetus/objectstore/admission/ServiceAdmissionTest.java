package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceAdmissionTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void kubectlExposeServiceGetsKubernetesDefaults() {
    ObjectNode service =
        yaml(
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
             "labels":{"app":"app"},"name":"app"},"spec":{"ports":[{"port":80,"protocol":"TCP",
             "targetPort":80}],"selector":{"app":"app"}},"status":{"loadBalancer":{}}}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.SERVICES, service);

    assertThat(admitted.get("spec"))
        .isEqualTo(
            yaml(
                """
                ports: [{port: 80, protocol: TCP, targetPort: 80}]
                selector: {app: app}
                type: ClusterIP
                sessionAffinity: None
                ipFamilyPolicy: SingleStack
                ipFamilies: [IPv4]
                internalTrafficPolicy: Cluster
                """));
    assertThat(admitted.get("status")).isEqualTo(yaml("{loadBalancer: {}}"));
  }

  @Test
  void portsDefaultToTcpAndTargetTheirOwnNumber() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.SERVICES,
            service(
                "ports: [{name: http, port: 8080}, {name: dns, port: 53, protocol: UDP, targetPort:"
                    + " dns}]"));

    assertThat(admitted.at("/spec/ports"))
        .isEqualTo(
            Manifests.tree(
                """
                - {name: http, port: 8080, protocol: TCP, targetPort: 8080}
                - {name: dns, port: 53, protocol: UDP, targetPort: dns}
                """));
  }

  @Test
  void externallyReachableServicesGetTrafficPolicies() {
    ObjectNode nodePort =
        chain.admitCreate(
            ResourceTypes.SERVICES,
            service("type: NodePort\nports: [{port: 80, nodePort: 30080}]"));
    ObjectNode loadBalancer =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("type: LoadBalancer\nports: [{port: 80}]"));

    assertThat(nodePort.at("/spec/externalTrafficPolicy").stringValue()).isEqualTo("Cluster");
    assertThat(nodePort.at("/spec/internalTrafficPolicy").stringValue()).isEqualTo("Cluster");
    assertThat(loadBalancer.at("/spec/externalTrafficPolicy").stringValue()).isEqualTo("Cluster");
    assertThat(loadBalancer.at("/spec/allocateLoadBalancerNodePorts").booleanValue()).isTrue();
  }

  @Test
  void clientIpAffinityGetsAThreeHourTimeout() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("sessionAffinity: ClientIP\nports: [{port: 80}]"));

    assertThat(admitted.at("/spec/sessionAffinityConfig"))
        .isEqualTo(yaml("{clientIP: {timeoutSeconds: 10800}}"));
  }

  @Test
  void externalNameServicesGetNoIpFamiliesAndNeedNoPorts() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("type: ExternalName\nexternalName: db.example.com."));

    assertThat(admitted.get("spec"))
        .isEqualTo(
            yaml("{type: ExternalName, externalName: db.example.com., sessionAffinity: None}"));
  }

  @Test
  void headlessServicesNeedNoPorts() {
    ObjectNode admitted =
        chain.admitCreate(ResourceTypes.SERVICES, service("clusterIP: None\nselector: {app: db}"));

    assertThat(admitted.at("/spec/clusterIP").stringValue()).isEqualTo("None");
  }

  @Test
  void serviceNamesAreDns1035Labels() {
    ObjectNode service =
        yaml("{kind: Service, metadata: {name: 1st}, spec: {ports: [{port: 80}]}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.SERVICES, service)))
        .singleElement()
        .asString()
        .startsWith("metadata.name: Invalid value: \"1st\": a DNS-1035 label");
  }

  @Test
  void portsAreRequiredNamedWhenSeveralAndUnique() {
    assertThat(invalid("selector: {app: web}")).containsExactly("spec.ports: Required value");
    assertThat(
            invalid(
                """
                ports:
                - {port: 80}
                - {name: http, port: 0, protocol: HTTP, targetPort: 70000}
                - {name: http, port: 443, targetPort: -https-}
                - {name: dup, port: 443}
                """))
        .containsExactlyInAnyOrder(
            "spec.ports[0].name: Required value",
            "spec.ports[1].port: Required value",
            "spec.ports[1].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\","
                + " \"TCP\", \"UDP\"",
            "spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535,"
                + " inclusive",
            "spec.ports[2].name: Duplicate value: \"http\"",
            "spec.ports[2].targetPort: Invalid value: \"-https-\": must not begin or end with a"
                + " hyphen",
            "spec.ports[3]: Duplicate value: {\"port\":443,\"protocol\":\"TCP\"}");
  }

  @Test
  void nodePortsAreForNodePortAndLoadBalancerServices() {
    assertThat(invalid("ports: [{port: 80, nodePort: 30080}]"))
        .containsExactly(
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  }

  @Test
  void theNodePortRangeIsTheAllocatorsToCheck() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("type: NodePort\nports: [{port: 80, nodePort: 8080}]"));

    assertThat(admitted.at("/spec/ports/0/nodePort").intValue()).isEqualTo(8080);
  }

  @Test
  void aHealthCheckNodePortIsForLocalLoadBalancersAndImmutable() {
    assertThat(invalid("type: NodePort\nhealthCheckNodePort: 30100\nports: [{port: 80}]"))
        .containsExactly(
            "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is"
                + " 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.SERVICES,
            service(
                "type: LoadBalancer\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 30100\n"
                    + "ports: [{port: 80}]"));
    ObjectNode changed = stored.deepCopy();
    changed.withObjectProperty("spec").put("healthCheckNodePort", 30101);
    ObjectNode leftOut = stored.deepCopy();
    leftOut.withObjectProperty("spec").remove("healthCheckNodePort");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.SERVICES, changed, stored)))
        .containsExactly("spec.healthCheckNodePort: Forbidden: field is immutable");
    assertThat(
            chain
                .admitUpdate(ResourceTypes.SERVICES, leftOut, stored)
                .at("/spec/healthCheckNodePort")
                .intValue())
        .isEqualTo(30100);
  }

  @Test
  void changingOnlyTheTypeDropsWhatTheNewTypeHasNoUseFor() {
    ObjectNode loadBalancer =
        chain.admitCreate(
            ResourceTypes.SERVICES,
            service(
                "type: LoadBalancer\nclusterIP: 10.242.128.9\nexternalTrafficPolicy: Local\n"
                    + "healthCheckNodePort: 30100\nports: [{port: 80, nodePort: 30080}]"));
    ObjectNode toNodePort = loadBalancer.deepCopy();
    toNodePort.withObjectProperty("spec").put("type", "NodePort");
    ObjectNode nodePort = chain.admitUpdate(ResourceTypes.SERVICES, toNodePort, loadBalancer);
    ObjectNode toClusterIp = nodePort.deepCopy();
    toClusterIp.withObjectProperty("spec").put("type", "ClusterIP");
    ObjectNode clusterIp = chain.admitUpdate(ResourceTypes.SERVICES, toClusterIp, nodePort);
    ObjectNode toExternalName = clusterIp.deepCopy();
    toExternalName
        .withObjectProperty("spec")
        .put("type", "ExternalName")
        .put("externalName", "db.example.com");
    ObjectNode externalName = chain.admitUpdate(ResourceTypes.SERVICES, toExternalName, clusterIp);

    assertThat(nodePort.get("spec"))
        .isEqualTo(
            yaml(
                """
                {type: NodePort, clusterIP: 10.242.128.9, externalTrafficPolicy: Local,
                 ports: [{port: 80, nodePort: 30080, protocol: TCP, targetPort: 80}],
                 sessionAffinity: None, internalTrafficPolicy: Cluster,
                 ipFamilyPolicy: SingleStack, ipFamilies: [IPv4]}
                """));
    assertThat(clusterIp.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
    assertThat(clusterIp.at("/spec/externalTrafficPolicy").isMissingNode()).isTrue();
    assertThat(externalName.get("spec"))
        .isEqualTo(
            yaml(
                """
                {type: ExternalName, externalName: db.example.com, sessionAffinity: None,
                 internalTrafficPolicy: Cluster,
                 ports: [{port: 80, protocol: TCP, targetPort: 80}]}
                """));
  }

  @Test
  void aChangedNodePortIsKeptWhenTheTypeChangesAndValidationReportsIt() {
    ObjectNode nodePort =
        chain.admitCreate(
            ResourceTypes.SERVICES,
            service("type: NodePort\nports: [{port: 80, nodePort: 30080}]"));
    ObjectNode changed = service("type: ClusterIP\nports: [{port: 80, nodePort: 30081}]");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.SERVICES, changed, nodePort)))
        .containsExactly(
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  }

  @Test
  void typesAndPoliciesMustBeSupported() {
    assertThat(
            invalid(
                """
                type: Internal
                sessionAffinity: Sticky
                internalTrafficPolicy: Nearby
                ipFamilyPolicy: SingleStack
                ipFamilies: [IPv4, IPv6]
                ports: [{port: 80}]
                """))
        .containsExactlyInAnyOrder(
            "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\","
                + " \"ExternalName\", \"NodePort\", \"LoadBalancer\"",
            "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\","
                + " \"None\"",
            "spec.internalTrafficPolicy: Unsupported value: \"Nearby\": supported values:"
                + " \"Cluster\", \"Local\"",
            "spec.ipFamilies: Invalid value: [\"IPv4\",\"IPv6\"]: when spec.ipFamilyPolicy is"
                + " SingleStack, may not have more than one entry");
    assertThat(invalid("externalTrafficPolicy: Local\nports: [{port: 80}]"))
        .containsExactly(
            "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for"
                + " externally-accessible services");
  }

  @Test
  void externalNameServicesNeedAHostNameAndNoClusterIp() {
    assertThat(invalid("type: ExternalName\nclusterIP: 10.96.0.10"))
        .containsExactlyInAnyOrder(
            "spec.externalName: Required value",
            "spec.clusterIP: Forbidden: may not be set for ExternalName services");
  }

  @Test
  void clusterIpsMustBeAddresses() {
    assertThat(invalid("clusterIP: 10.96.0.300\nports: [{port: 80}]"))
        .containsExactly(
            "spec.clusterIP: Invalid value: \"10.96.0.300\": must be empty, 'None', or a valid IP"
                + " address");
  }

  @Test
  void anUpdateKeepsTheClusterIpAndNodePortsItLeavesOut() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.SERVICES,
            service("type: NodePort\nclusterIP: 10.96.0.10\nports: [{port: 80, nodePort: 30080}]"));
    ObjectNode replacement = service("type: NodePort\nports: [{port: 80}]");

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.SERVICES, replacement, stored);

    assertThat(admitted.at("/spec/clusterIP").stringValue()).isEqualTo("10.96.0.10");
    assertThat(admitted.at("/spec/ports/0/nodePort").intValue()).isEqualTo(30080);
  }

  @Test
  void aClusterIpCannotChangeOnceSet() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("clusterIP: 10.96.0.10\nports: [{port: 80}]"));
    ObjectNode changed = service("clusterIP: 10.96.0.11\nports: [{port: 80}]");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.SERVICES, changed, stored)))
        .containsExactly("spec.clusterIP: Invalid value: \"10.96.0.11\": field is immutable");
  }

  @Test
  void aServiceMayBecomeAnExternalNameAndDropItsClusterIp() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("clusterIP: 10.96.0.10\nports: [{port: 80}]"));
    ObjectNode external = service("type: ExternalName\nexternalName: db.example.com");

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.SERVICES, external, stored);

    assertThat(admitted.at("/spec/clusterIP").isMissingNode()).isTrue();
  }

  @Test
  void loadBalancerStatusIngressGetsAnIpMode() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.SERVICES, service("type: LoadBalancer\nports: [{port: 80}]"));
    ObjectNode write = stored.deepCopy();
    write.set("status", yaml("{loadBalancer: {ingress: [{ip: 192.168.1.20}]}}"));

    ObjectNode admitted = chain.admitStatusUpdate(ResourceTypes.SERVICES, write, stored);

    assertThat(admitted.at("/status/loadBalancer/ingress/0/ipMode").stringValue()).isEqualTo("VIP");
  }

  private List<String> invalid(String spec) {
    ObjectNode service = service(spec);
    return problems(() -> chain.admitCreate(ResourceTypes.SERVICES, service));
  }

  private static ObjectNode service(String spec) {
    ObjectNode service = yaml("{apiVersion: v1, kind: Service, metadata: {name: web}}");
    service.set("spec", Manifests.tree(spec));
    return service;
  }
}
