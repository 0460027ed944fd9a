package io.cetus.objectstore.table;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.table.TableConverter.IncludeObject;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableConverterTest {

  private static final Instant NOW = Instant.parse("2026-11-21T22:43:10Z");

  private final TableConverter converter = new TableConverter(Clock.fixed(NOW, ZoneOffset.UTC));

  // --- pods ----------------------------------------------------------------------------------

  @Test
  void runningPodRowMatchesKubectlGetPodsWide() {
    ObjectNode table =
        converter.table(
            ResourceTypes.PODS,
            List.of(
                object(
                    """
                    {"metadata":{"name":"nginx","namespace":"default","uid":"u1","resourceVersion":"113",
                       "creationTimestamp":"2026-11-21T22:43:06Z","labels":{"run":"nginx"},
                       "managedFields":[{"manager":"kubectl-run"}]},
                     "spec":{"nodeName":"mock-node","containers":[{"name":"nginx","image":"nginx"}]},
                     "status":{"phase":"Running","podIP":"10.244.0.13",
                       "conditions":[{"type":"Ready","status":"True"}],
                       "containerStatuses":[{"name":"nginx","ready":true,"restartCount":0,
                         "state":{"running":{"startedAt":"2026-11-21T22:43:07Z"}}}]}}
                    """)),
            "143",
            null,
            IncludeObject.METADATA,
            true);

    assertThat(table.get("kind").asString()).isEqualTo("Table");
    assertThat(table.get("apiVersion").asString()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.get("metadata")).isEqualTo(json("{\"resourceVersion\":\"143\"}"));
    assertThat(columnNames(table))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "IP",
            "Node",
            "Nominated Node",
            "Readiness Gates");
    assertThat(table.at("/columnDefinitions/0/format").asString()).isEqualTo("name");
    assertThat(table.at("/columnDefinitions/4/priority").intValue()).isZero();
    assertThat(table.at("/columnDefinitions/5/priority").intValue()).isEqualTo(1);
    assertThat(table.at("/rows/0/cells"))
        .isEqualTo(
            json(
                "[\"nginx\",\"1/1\",\"Running\",\"0\",\"4s\",\"10.244.0.13\",\"mock-node\","
                    + "\"<none>\",\"<none>\"]"));
    assertThat(table.at("/rows/0/object"))
        .isEqualTo(
            json(
                """
                {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                 "metadata":{"name":"nginx","namespace":"default","uid":"u1","resourceVersion":"113",
                   "creationTimestamp":"2026-11-21T22:43:06Z","labels":{"run":"nginx"}}}
                """));
  }

  @Test
  void podWaitingForItsContainerShowsTheWaitingReason() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"w1","creationTimestamp":"2026-11-21T22:43:10Z"},
                 "spec":{"nodeName":"n1","containers":[{"name":"c"}]},
                 "status":{"phase":"Pending","containerStatuses":[{"name":"c","ready":false,
                   "restartCount":0,"state":{"waiting":{"reason":"ContainerCreating"}}}]}}
                """))
        .startsWith("w1", "0/1", "ContainerCreating", "0", "0s");
  }

  @Test
  void unscheduledPodIsPending() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"p","creationTimestamp":"2026-11-21T22:40:00Z"},
                 "spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Pending"}}
                """))
        .containsExactly(
            "p", "0/2", "Pending", "0", "3m10s", "<none>", "<none>", "<none>", "<none>");
  }

  @Test
  void crashLoopingPodShowsRestartsWithLastTerminationAge() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"crash","creationTimestamp":"2026-11-21T22:33:10Z"},
                 "spec":{"containers":[{"name":"app"},{"name":"side"}]},
                 "status":{"phase":"Running","containerStatuses":[
                   {"name":"app","ready":false,"restartCount":5,
                    "state":{"waiting":{"reason":"CrashLoopBackOff"}},
                    "lastState":{"terminated":{"exitCode":1,"reason":"Error",
                      "finishedAt":"2026-11-21T22:42:40Z"}}},
                   {"name":"side","ready":true,"restartCount":0,"state":{"running":{}}}]}}
                """))
        .startsWith("crash", "1/2", "CrashLoopBackOff", "5 (30s ago)", "10m");
  }

  @Test
  void finishedPodIsCompleted() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"job-x","creationTimestamp":"2026-11-21T20:43:10Z"},
                 "spec":{"containers":[{"name":"c"}]},
                 "status":{"phase":"Succeeded","containerStatuses":[{"name":"c","ready":false,
                   "restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}}
                """))
        .startsWith("job-x", "0/1", "Completed", "0", "120m");
  }

  @Test
  void containerKilledWithoutReasonShowsExitCode() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"x"},"spec":{"containers":[{"name":"c"}]},
                 "status":{"phase":"Failed","containerStatuses":[{"name":"c","restartCount":0,
                   "state":{"terminated":{"exitCode":137}}}]}}
                """))
        .startsWith("x", "0/1", "ExitCode:137", "0", "<unknown>");
  }

  @Test
  void podBeingDeletedIsTerminating() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"bye","deletionTimestamp":"2026-11-21T22:43:00Z"},
                 "spec":{"containers":[{"name":"c"}]},
                 "status":{"phase":"Running","containerStatuses":[{"name":"c","ready":true,
                   "restartCount":0,"state":{"running":{}}}]}}
                """))
        .startsWith("bye", "1/1", "Terminating");
  }

  @Test
  void podWithUnfinishedInitContainersShowsInitProgress() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"i"},"spec":{"initContainers":[{"name":"a"},{"name":"b"}],
                   "containers":[{"name":"c"}]},
                 "status":{"phase":"Pending","initContainerStatuses":[
                   {"name":"a","restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
                   {"name":"b","restartCount":0,"state":{"running":{}}}],
                  "containerStatuses":[{"name":"c","restartCount":0,
                   "state":{"waiting":{"reason":"PodInitializing"}}}]}}
                """))
        .startsWith("i", "0/1", "Init:1/2");
    assertThat(
            podCells(
                """
                {"metadata":{"name":"i"},"spec":{"initContainers":[{"name":"a"}],
                   "containers":[{"name":"c"}]},
                 "status":{"phase":"Pending","initContainerStatuses":[
                   {"name":"a","restartCount":2,"state":{"terminated":{"exitCode":1,"reason":"Error"}}}]}}
                """))
        .startsWith("i", "0/1", "Init:Error", "2");
  }

  @Test
  void readinessGatesCountTrueConditions() {
    assertThat(
            podCells(
                """
                {"metadata":{"name":"g"},"spec":{"containers":[{"name":"c"}],
                   "readinessGates":[{"conditionType":"example.com/lb"},{"conditionType":"example.com/dns"}]},
                 "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.9"}],
                   "conditions":[{"type":"example.com/lb","status":"True"}]}}
                """))
        .endsWith("10.0.0.9", "<none>", "<none>", "1/2");
  }

  // --- workloads -----------------------------------------------------------------------------

  @Test
  void deploymentRow() {
    assertThat(
            cells(
                ResourceTypes.DEPLOYMENTS,
                """
                {"metadata":{"name":"app","creationTimestamp":"2026-11-21T22:38:10Z"},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"app"}},
                   "template":{"spec":{"containers":[{"name":"main","image":"nginx:1.27"},
                                                    {"name":"log","image":"busybox"}]}}},
                 "status":{"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}}
                """))
        .containsExactly("app", "2/3", 3L, 2L, "5m", "main,log", "nginx:1.27,busybox", "app=app");
  }

  @Test
  void deploymentTableDeclaresIntegerColumns() {
    ObjectNode table =
        converter.table(
            ResourceTypes.DEPLOYMENTS, List.of(), "5", null, IncludeObject.METADATA, true);

    assertThat(columnNames(table))
        .containsExactly(
            "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
    assertThat(table.at("/columnDefinitions/2/type").asString()).isEqualTo("integer");
    assertThat(table.get("rows")).isEmpty();
  }

  @Test
  void replicaSetRowFormatsSelectorWithExpressions() {
    assertThat(
            cells(
                ResourceTypes.REPLICA_SETS,
                """
                {"metadata":{"name":"app-5d4f","creationTimestamp":"2026-11-21T21:43:10Z"},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"pod-template-hash":"5d4f","app":"app"},
                   "matchExpressions":[{"key":"tier","operator":"In","values":["web","api"]},
                                       {"key":"legacy","operator":"DoesNotExist"}]},
                   "template":{"spec":{"containers":[{"name":"main","image":"nginx"}]}}},
                 "status":{"replicas":3,"readyReplicas":1}}
                """))
        .containsExactly(
            "app-5d4f",
            3L,
            3L,
            1L,
            "60m",
            "main",
            "nginx",
            "app=app,!legacy,pod-template-hash=5d4f,tier in (api,web)");
  }

  @Test
  void daemonSetRow() {
    assertThat(
            cells(
                ResourceTypes.DAEMON_SETS,
                """
                {"metadata":{"name":"agent","creationTimestamp":"2026-11-19T22:43:10Z"},
                 "spec":{"selector":{"matchLabels":{"name":"agent"}},
                   "template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux"},
                     "containers":[{"name":"a","image":"agent:1"}]}}},
                 "status":{"desiredNumberScheduled":2,"currentNumberScheduled":2,"numberReady":1,
                   "updatedNumberScheduled":2,"numberAvailable":1}}
                """))
        .containsExactly(
            "agent",
            2L,
            2L,
            1L,
            2L,
            1L,
            "kubernetes.io/os=linux",
            "2d",
            "a",
            "agent:1",
            "name=agent");
  }

  @Test
  void statefulSetRow() {
    assertThat(
            cells(
                ResourceTypes.STATEFUL_SETS,
                """
                {"metadata":{"name":"db","creationTimestamp":"2026-11-21T22:42:10Z"},
                 "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"pg","image":"postgres"}]}}},
                 "status":{"readyReplicas":1}}
                """))
        .containsExactly("db", "1/3", "60s", "pg", "postgres");
  }

  // --- services, nodes, namespaces -----------------------------------------------------------

  @Test
  void serviceRows() {
    assertThat(
            cells(
                ResourceTypes.SERVICES,
                """
                {"metadata":{"name":"web","creationTimestamp":"2026-11-21T22:43:00Z"},
                 "spec":{"type":"ClusterIP","clusterIP":"10.96.0.12","selector":{"app":"web"},
                   "ports":[{"port":80,"protocol":"TCP","targetPort":8080}]}}
                """))
        .containsExactly("web", "ClusterIP", "10.96.0.12", "<none>", "80/TCP", "10s", "app=web");
    assertThat(
            cells(
                ResourceTypes.SERVICES,
                """
                {"metadata":{"name":"np"},"spec":{"type":"NodePort","clusterIP":"10.96.0.13",
                   "ports":[{"port":80,"nodePort":30080,"protocol":"TCP"},
                            {"port":53,"nodePort":30053,"protocol":"UDP"}]}}
                """))
        .containsExactly(
            "np",
            "NodePort",
            "10.96.0.13",
            "<none>",
            "80:30080/TCP,53:30053/UDP",
            "<unknown>",
            "<none>");
    assertThat(
            cells(
                ResourceTypes.SERVICES,
                """
                {"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIP":"10.96.0.14",
                   "ports":[{"port":443,"nodePort":31443,"protocol":"TCP"}]},"status":{"loadBalancer":{}}}
                """))
        .element(3)
        .isEqualTo("<pending>");
    assertThat(
            cells(
                ResourceTypes.SERVICES,
                """
                {"metadata":{"name":"ext"},"spec":{"type":"ExternalName","externalName":"db.example.com"}}
                """))
        .startsWith("ext", "ExternalName", "<none>", "db.example.com", "<none>");
  }

  @Test
  void nodeRows() {
    assertThat(
            cells(
                ResourceTypes.NODES,
                """
                {"metadata":{"name":"node-1","creationTimestamp":"2026-11-18T20:43:10Z",
                   "labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/hostname":"node-1"}},
                 "spec":{"unschedulable":true},
                 "status":{"conditions":[{"type":"MemoryPressure","status":"False"},
                                         {"type":"Ready","status":"True"}],
                   "addresses":[{"type":"InternalIP","address":"192.168.1.10"},
                                {"type":"Hostname","address":"node-1"}],
                   "nodeInfo":{"kubeletVersion":"v1.32.4-cetus","osImage":"Debian GNU/Linux 12",
                     "kernelVersion":"6.1.0","containerRuntimeVersion":"docker://27.3.1"}}}
                """))
        .containsExactly(
            "node-1",
            "Ready,SchedulingDisabled",
            "control-plane",
            "3d2h",
            "v1.32.4-cetus",
            "192.168.1.10",
            "<none>",
            "Debian GNU/Linux 12",
            "6.1.0",
            "docker://27.3.1");
    assertThat(
            cells(
                ResourceTypes.NODES,
                """
                {"metadata":{"name":"node-2"},
                 "status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}
                """))
        .startsWith("node-2", "NotReady", "<none>", "<unknown>", "")
        .endsWith("<unknown>", "<unknown>", "<unknown>");
  }

  @Test
  void namespaceRowShowsPhase() {
    assertThat(
            cells(
                ResourceTypes.NAMESPACES,
                """
                {"metadata":{"name":"default","creationTimestamp":"2026-11-11T22:43:10Z"},
                 "status":{"phase":"Active"}}
                """))
        .containsExactly("default", "Active", "10d");
  }

  // --- config, endpoints, events, leases -----------------------------------------------------

  @Test
  void configMapAndSecretRowsCountKeys() {
    assertThat(
            cells(
                ResourceTypes.CONFIG_MAPS,
                """
                {"metadata":{"name":"cfg","creationTimestamp":"2026-11-21T22:42:10Z"},
                 "data":{"a":"1","b":"2"},"binaryData":{"c":"AQID"}}
                """))
        .containsExactly("cfg", 3, "60s");
    assertThat(
            cells(
                ResourceTypes.SECRETS,
                """
                {"metadata":{"name":"creds","creationTimestamp":"2026-11-21T22:42:10Z"},
                 "type":"Opaque","data":{"user":"YQ==","password":"Yg=="}}
                """))
        .containsExactly("creds", "Opaque", 2, "60s");
  }

  @Test
  void endpointsRowListsAddressesAndHowManyMore() {
    assertThat(
            cells(
                ResourceTypes.ENDPOINTS,
                """
                {"metadata":{"name":"web"},"subsets":[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],
                   "ports":[{"port":8080,"protocol":"TCP"}]}]}
                """))
        .containsExactly("web", "10.0.0.1:8080,10.0.0.2:8080", "<unknown>");
    assertThat(
            cells(
                ResourceTypes.ENDPOINTS,
                """
                {"metadata":{"name":"big"},"subsets":[
                  {"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},{"ip":"fd00::3"}],
                   "ports":[{"port":80},{"port":443}]}]}
                """))
        .element(1)
        .isEqualTo("10.0.0.1:80,10.0.0.2:80,[fd00::3]:80 + 3 more...");
    assertThat(cells(ResourceTypes.ENDPOINTS, "{\"metadata\":{\"name\":\"none\"}}"))
        .element(1)
        .isEqualTo("<none>");
  }

  @Test
  void eventRow() {
    ObjectNode table =
        converter.table(
            ResourceTypes.EVENTS,
            List.of(
                object(
                    """
                    {"metadata":{"name":"web.1801"},"type":"Normal","reason":"Scheduled",
                     "message":"Successfully assigned default/web to node-1",
                     "involvedObject":{"kind":"Pod","name":"web","namespace":"default"},
                     "source":{"component":"default-scheduler"},
                     "firstTimestamp":"2026-11-21T22:40:10Z","lastTimestamp":"2026-11-21T22:42:40Z",
                     "count":2}
                    """)),
            null,
            null,
            IncludeObject.METADATA,
            true);

    assertThat(columnNames(table))
        .containsExactly(
            "Last Seen",
            "Type",
            "Reason",
            "Object",
            "Subobject",
            "Source",
            "Message",
            "First Seen",
            "Count",
            "Name");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            "[\"30s\",\"Normal\",\"Scheduled\",\"pod/web\",\"\",\"default-scheduler\","
                + "\"Successfully assigned default/web to node-1\",\"3m\",2,\"web.1801\"]");
  }

  @Test
  void leaseRowShowsHolder() {
    assertThat(
            cells(
                ResourceTypes.LEASES,
                """
                {"metadata":{"name":"node-1","creationTimestamp":"2026-11-21T22:43:05Z"},
                 "spec":{"holderIdentity":"node-1","leaseDurationSeconds":40}}
                """))
        .containsExactly("node-1", "node-1", "5s");
  }

  // --- batch ---------------------------------------------------------------------------------

  @Test
  void jobRows() {
    assertThat(
            cells(
                ResourceTypes.JOBS,
                """
                {"metadata":{"name":"pi","creationTimestamp":"2026-11-21T22:41:10Z"},
                 "spec":{"completions":1,"parallelism":1,"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u"}},
                   "template":{"spec":{"containers":[{"name":"pi","image":"perl"}]}}},
                 "status":{"succeeded":1,"startTime":"2026-11-21T22:41:10Z",
                   "completionTime":"2026-11-21T22:41:22Z",
                   "conditions":[{"type":"Complete","status":"True"}]}}
                """))
        .containsExactly(
            "pi",
            "Complete",
            "1/1",
            "12s",
            "2m",
            "pi",
            "perl",
            "batch.kubernetes.io/controller-uid=u");
    assertThat(
            cells(
                ResourceTypes.JOBS,
                """
                {"metadata":{"name":"work"},"spec":{"parallelism":3},
                 "status":{"startTime":"2026-11-21T22:42:10Z"}}
                """))
        .startsWith("work", "Running", "0/1 of 3", "60s");
    assertThat(
            cells(
                ResourceTypes.JOBS,
                """
                {"metadata":{"name":"bad"},"spec":{"completions":2},
                 "status":{"failed":6,"conditions":[{"type":"Failed","status":"True"}]}}
                """))
        .startsWith("bad", "Failed", "0/2", "");
  }

  @Test
  void cronJobRow() {
    assertThat(
            cells(
                ResourceTypes.CRON_JOBS,
                """
                {"metadata":{"name":"hello","creationTimestamp":"2026-11-21T20:43:10Z"},
                 "spec":{"schedule":"*/1 * * * *","suspend":false,
                   "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"hello","image":"busybox"}]}}}}},
                 "status":{"active":[{"name":"hello-1"}],"lastScheduleTime":"2026-11-21T22:42:25Z"}}
                """))
        .containsExactly(
            "hello",
            "*/1 * * * *",
            "<none>",
            "False",
            1,
            "45s",
            "120m",
            "hello",
            "busybox",
            "<none>");
  }

  // --- generic, objects, headers -------------------------------------------------------------

  @Test
  void kindsWithoutColumnsOfTheirOwnGetNameAndAge() {
    ResourceType widgets =
        new ResourceType(
            "example.com", "v1", "Widget", "widgets", true, List.of(), List.of(), Set.of());

    ObjectNode table =
        converter.table(
            widgets,
            List.of(
                object(
                    "{\"metadata\":{\"name\":\"w\",\"creationTimestamp\":\"2026-11-21T22:43:00Z\"}}")),
            "1",
            null,
            IncludeObject.METADATA,
            true);

    assertThat(columnNames(table)).containsExactly("Name", "Age");
    assertThat(table.at("/rows/0/cells")).isEqualTo(json("[\"w\",\"10s\"]"));
  }

  @Test
  void includeObjectControlsRowObjects() {
    ObjectNode pod =
        object("{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\"},\"spec\":{\"containers\":[]}}");

    ObjectNode full =
        converter.table(ResourceTypes.PODS, List.of(pod), "9", "tok", IncludeObject.OBJECT, true);
    ObjectNode none =
        converter.table(ResourceTypes.PODS, List.of(pod), "9", null, IncludeObject.NONE, false);

    assertThat(full.at("/rows/0/object"))
        .isEqualTo(
            json(
                "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\"},"
                    + "\"spec\":{\"containers\":[]}}"));
    assertThat(full.at("/metadata/continue").asString()).isEqualTo("tok");
    assertThat(none.at("/rows/0").has("object")).isFalse();
    assertThat(none.has("columnDefinitions")).isFalse();
    assertThat(pod.has("kind")).isFalse();
  }

  @Test
  void includeObjectParsesQueryParameter() {
    assertThat(IncludeObject.fromQueryParameter(null)).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQueryParameter("Object")).isEqualTo(IncludeObject.OBJECT);
    assertThat(IncludeObject.fromQueryParameter("None")).isEqualTo(IncludeObject.NONE);
    assertThatThrownBy(() -> IncludeObject.fromQueryParameter("Everything"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void recognisesKubectlTableAcceptHeader() {
    assertThat(
            TableConverter.wantsTable(
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"))
        .isTrue();
    assertThat(TableConverter.wantsTable("application/json")).isFalse();
    assertThat(TableConverter.wantsTable("application/vnd.kubernetes.protobuf,application/json"))
        .isFalse();
    assertThat(
            TableConverter.wantsTable(
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"))
        .isFalse();
    assertThat(TableConverter.wantsTable(null)).isFalse();
  }

  private List<Object> podCells(String pod) {
    return cells(ResourceTypes.PODS, pod);
  }

  private List<Object> cells(ResourceType type, String object) {
    ObjectNode table =
        converter.table(type, List.of(object(object)), null, null, IncludeObject.NONE, true);
    List<Object> cells = new ArrayList<>();
    for (JsonNode cell : table.at("/rows/0/cells")) {
      if (cell.isIntegralNumber() && cell.canConvertToInt() && cell.isInt()) {
        cells.add(cell.intValue());
      } else if (cell.isIntegralNumber()) {
        cells.add(cell.longValue());
      } else {
        cells.add(cell.asString());
      }
    }
    return cells;
  }

  private static List<String> columnNames(ObjectNode table) {
    List<String> names = new ArrayList<>();
    table.get("columnDefinitions").forEach(c -> names.add(c.get("name").asString()));
    return names;
  }

  private static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  private static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }
}
