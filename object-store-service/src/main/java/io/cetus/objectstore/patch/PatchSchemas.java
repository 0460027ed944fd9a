package io.cetus.objectstore.patch;

import java.util.Map;

import io.cetus.api.resource.ResourceType;

/**
 * The strategic-merge-patch schemas of the built-in kinds: which lists merge and by which key, at
 * each position in the object. Written from the {@code patchStrategy}/{@code patchMergeKey} tags of
 * Kubernetes' API types; a container list merges by {@code name} wherever a pod spec appears (a
 * Pod's {@code spec}, a Deployment's {@code spec.template.spec}, a CronJob's {@code
 * spec.jobTemplate.spec.template.spec}). Kinds without an entry get {@link #OBJECT_META} rules
 * only.
 */
final class PatchSchemas {

  static final PatchSchema OBJECT_META =
      PatchSchema.builder().keyedList("ownerReferences", "uid").set("finalizers").build();

  private static final PatchSchema CONTAINER =
      PatchSchema.builder()
          .keyedList("ports", "containerPort")
          .keyedList("env", "name")
          .keyedList("volumeMounts", "mountPath")
          .keyedList("volumeDevices", "devicePath")
          .build();

  private static final PatchSchema POD_SPEC =
      PatchSchema.builder()
          .keyedList("containers", "name", CONTAINER)
          .keyedList("initContainers", "name", CONTAINER)
          .keyedList("ephemeralContainers", "name", CONTAINER)
          .keyedList("volumes", "name")
          .keyedList("imagePullSecrets", "name")
          .keyedList("hostAliases", "ip")
          .keyedList("topologySpreadConstraints", "topologyKey")
          .keyedList("schedulingGates", "name")
          .keyedList("resourceClaims", "name")
          .build();

  private static final PatchSchema POD_STATUS =
      PatchSchema.builder()
          .keyedList("conditions", "type")
          .keyedList("podIPs", "ip")
          .keyedList("hostIPs", "ip")
          .build();

  private static final PatchSchema CONDITIONS =
      PatchSchema.builder().keyedList("conditions", "type").build();

  private static final PatchSchema POD_TEMPLATE =
      PatchSchema.builder().object("metadata", OBJECT_META).object("spec", POD_SPEC).build();

  private static final PatchSchema WITH_POD_TEMPLATE =
      PatchSchema.builder().object("template", POD_TEMPLATE).build();

  private static final PatchSchema CRON_JOB_SPEC =
      PatchSchema.builder()
          .object(
              "jobTemplate",
              PatchSchema.builder()
                  .object("metadata", OBJECT_META)
                  .object("spec", WITH_POD_TEMPLATE)
                  .build())
          .build();

  private static final PatchSchema NODE_SPEC = PatchSchema.builder().set("podCIDRs").build();

  private static final PatchSchema NODE_STATUS =
      PatchSchema.builder().keyedList("conditions", "type").keyedList("addresses", "type").build();

  private static final PatchSchema SERVICE_SPEC =
      PatchSchema.builder().keyedList("ports", "port").build();

  private static final PatchSchema GENERIC = root(PatchSchema.NONE, PatchSchema.NONE);

  private static final Map<String, PatchSchema> BY_KIND =
      Map.ofEntries(
          Map.entry("/Pod", root(POD_SPEC, POD_STATUS)),
          Map.entry("/Service", root(SERVICE_SPEC, CONDITIONS)),
          Map.entry("/Namespace", root(PatchSchema.NONE, CONDITIONS)),
          Map.entry("/Node", root(NODE_SPEC, NODE_STATUS)),
          Map.entry("/PersistentVolumeClaim", root(PatchSchema.NONE, CONDITIONS)),
          Map.entry("apps/Deployment", root(WITH_POD_TEMPLATE, CONDITIONS)),
          Map.entry("apps/ReplicaSet", root(WITH_POD_TEMPLATE, CONDITIONS)),
          Map.entry("apps/DaemonSet", root(WITH_POD_TEMPLATE, CONDITIONS)),
          Map.entry("apps/StatefulSet", root(WITH_POD_TEMPLATE, CONDITIONS)),
          Map.entry("batch/Job", root(WITH_POD_TEMPLATE, CONDITIONS)),
          Map.entry("batch/CronJob", root(CRON_JOB_SPEC, PatchSchema.NONE)));

  private PatchSchemas() {}

  /** The schema of a whole object of {@code type}. */
  static PatchSchema forType(ResourceType type) {
    return BY_KIND.getOrDefault(type.group() + "/" + type.kind(), GENERIC);
  }

  private static PatchSchema root(PatchSchema spec, PatchSchema status) {
    return PatchSchema.builder()
        .object("metadata", OBJECT_META)
        .object("spec", spec)
        .object("status", status)
        .build();
  }
}
