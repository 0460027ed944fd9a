package io.cetus.objectstore.admission;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.isAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.object;
import static io.cetus.objectstore.admission.JsonDefaults.objectOrCreate;
import static io.cetus.objectstore.admission.JsonDefaults.objects;
import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.setIfEmpty;

/**
 * Kubernetes' defaults of a pod spec, wherever it sits (a pod, or any controller's template), and
 * of the containers, probes, ports and volumes in it.
 *
 * <p>As in Kubernetes, two defaults apply to pods only and never materialise in templates: requests
 * copied from limits, and {@code enableServiceLinks: true} (so a template's pod-template hash does
 * not change when a server adds them). Job templates get no restart policy: a job's pods must say
 * {@code OnFailure} or {@code Never}.
 */
final class PodSpecDefaults {

  /** Every volume source Kubernetes knows; a volume naming none of them gets an emptyDir. */
  private static final List<String> VOLUME_SOURCES =
      List.of(
          "hostPath",
          "emptyDir",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "gitRepo",
          "secret",
          "nfs",
          "iscsi",
          "glusterfs",
          "persistentVolumeClaim",
          "rbd",
          "flexVolume",
          "cinder",
          "cephfs",
          "flocker",
          "downwardAPI",
          "fc",
          "azureFile",
          "configMap",
          "vsphereVolume",
          "quobyte",
          "azureDisk",
          "photonPersistentDisk",
          "projected",
          "portworxVolume",
          "scaleIO",
          "storageos",
          "csi",
          "ephemeral",
          "image");

  private static final int DEFAULT_VOLUME_MODE = 0644;
  private static final int SERVICE_ACCOUNT_TOKEN_SECONDS = 3600;

  private PodSpecDefaults() {}

  static List<String> volumeSources() {
    return VOLUME_SOURCES;
  }

  static void apply(ObjectNode spec, PodSpecOwner owner) {
    setIfEmpty(spec, "dnsPolicy", "ClusterFirst");
    if (owner != PodSpecOwner.JOB_TEMPLATE) {
      setIfEmpty(spec, "restartPolicy", "Always");
    }
    objectOrCreate(spec, "securityContext");
    setIfAbsent(spec, "terminationGracePeriodSeconds", 30);
    setIfEmpty(spec, "schedulerName", "default-scheduler");
    if (owner == PodSpecOwner.POD) {
      setIfAbsent(spec, "enableServiceLinks", true);
    }
    JsonNode hostNetworkNode = spec.get("hostNetwork");
    boolean hostNetwork =
        owner == PodSpecOwner.POD
            && hostNetworkNode != null
            && hostNetworkNode.isBoolean()
            && hostNetworkNode.booleanValue();
    for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (ObjectNode container : objects(spec, list)) {
        container(container, owner == PodSpecOwner.POD, hostNetwork);
      }
    }
    for (ObjectNode volume : objects(spec, "volumes")) {
      volume(volume);
    }
  }

  private static void container(ObjectNode container, boolean pod, boolean hostNetwork) {
    if (JsonDefaults.isEmpty(container, "imagePullPolicy")) {
      String image = JsonDefaults.string(container, "image");
      container.put(
          "imagePullPolicy", ImageReference.defaultPullPolicy(image == null ? "" : image));
    }
    setIfEmpty(container, "terminationMessagePath", "/dev/termination-log");
    setIfEmpty(container, "terminationMessagePolicy", "File");
    ObjectNode resources = objectOrCreate(container, "resources");
    if (resources != null) {
      resources(resources, pod);
    }
    for (ObjectNode port : objects(container, "ports")) {
      setIfEmpty(port, "protocol", "TCP");
      if (hostNetwork && JsonDefaults.isEmpty(port, "hostPort") && port.has("containerPort")) {
        port.set("hostPort", port.get("containerPort"));
      }
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      ObjectNode node = object(container, probe);
      if (node != null) {
        probe(node);
      }
    }
    ObjectNode lifecycle = object(container, "lifecycle");
    if (lifecycle != null) {
      for (String hook : List.of("postStart", "preStop")) {
        ObjectNode handler = object(lifecycle, hook);
        if (handler != null) {
          handler(handler);
        }
      }
    }
    for (ObjectNode env : objects(container, "env")) {
      ObjectNode fieldRef = object(env, "valueFrom", "fieldRef");
      if (fieldRef != null) {
        setIfEmpty(fieldRef, "apiVersion", "v1");
      }
    }
  }

  private static void resources(ObjectNode resources, boolean pod) {
    ObjectNode limits = object(resources, "limits");
    ObjectNode requests = object(resources, "requests");
    if (limits != null) {
      Quantities.normalize(limits);
    }
    if (requests != null) {
      Quantities.normalize(requests);
    }
    if (pod && limits != null && (requests != null || isAbsent(resources, "requests"))) {
      ObjectNode target = requests != null ? requests : resources.putObject("requests");
      for (Map.Entry<String, JsonNode> limit : limits.properties()) {
        if (!target.has(limit.getKey())) {
          target.set(limit.getKey(), limit.getValue().deepCopy());
        }
      }
      if (target.isEmpty()) {
        resources.remove("requests");
      }
    }
  }

  private static void probe(ObjectNode probe) {
    setIfEmpty(probe, "timeoutSeconds", 1);
    setIfEmpty(probe, "periodSeconds", 10);
    setIfEmpty(probe, "successThreshold", 1);
    setIfEmpty(probe, "failureThreshold", 3);
    handler(probe);
  }

  /** The action of a probe or lifecycle hook. */
  private static void handler(ObjectNode handler) {
    ObjectNode httpGet = object(handler, "httpGet");
    if (httpGet != null) {
      setIfEmpty(httpGet, "path", "/");
      setIfEmpty(httpGet, "scheme", "HTTP");
    }
  }

  private static void volume(ObjectNode volume) {
    if (VOLUME_SOURCES.stream().allMatch(source -> isAbsent(volume, source))) {
      volume.putObject("emptyDir");
    }
    for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
      ObjectNode node = object(volume, source);
      if (node != null) {
        setIfAbsent(node, "defaultMode", DEFAULT_VOLUME_MODE);
      }
    }
    ObjectNode hostPath = object(volume, "hostPath");
    if (hostPath != null) {
      setIfAbsent(hostPath, "type", "");
    }
    ObjectNode downwardApi = object(volume, "downwardAPI");
    if (downwardApi != null) {
      downwardApiItems(downwardApi);
    }
    ObjectNode projected = object(volume, "projected");
    if (projected != null) {
      for (ObjectNode projection : objects(projected, "sources")) {
        ObjectNode downward = object(projection, "downwardAPI");
        if (downward != null) {
          downwardApiItems(downward);
        }
        ObjectNode token = object(projection, "serviceAccountToken");
        if (token != null) {
          setIfAbsent(token, "expirationSeconds", SERVICE_ACCOUNT_TOKEN_SECONDS);
        }
      }
    }
    ObjectNode claimSpec = object(volume, "ephemeral", "volumeClaimTemplate", "spec");
    if (claimSpec != null) {
      setIfAbsent(claimSpec, "volumeMode", "Filesystem");
    }
  }

  private static void downwardApiItems(ObjectNode downwardApi) {
    for (ObjectNode item : objects(downwardApi, "items")) {
      ObjectNode fieldRef = object(item, "fieldRef");
      if (fieldRef != null) {
        setIfEmpty(fieldRef, "apiVersion", "v1");
      }
    }
  }
}
