package io.cetus.objectstore.admission;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cetus.api.validation.Names;

import tools.jackson.databind.JsonNode;

/**
 * Kubernetes' checks of a pod spec, wherever it sits: containers (through {@link
 * ContainerValidation}), volumes, restart and DNS policies, scheduling fields and tolerations.
 */
final class PodSpecValidation {

  private static final List<String> DNS_POLICIES =
      List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final List<String> TOLERATION_OPERATORS = List.of("Exists", "Equal");
  private static final List<String> TAINT_EFFECTS =
      List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final Map<String, String> VOLUME_REQUIRED_FIELDS =
      Map.of(
          "configMap", "name",
          "secret", "secretName",
          "hostPath", "path",
          "persistentVolumeClaim", "claimName",
          "nfs", "server");
  private static final int MAX_FILE_MODE = 0777;

  private PodSpecValidation() {}

  static void validate(Field spec, PodSpecOwner owner) {
    Problems problems = spec.problems();
    if (spec.object() == null && spec.isPresent()) {
      return; // the wrong type is reported
    }
    Set<String> volumes = volumes(spec.child("volumes"));

    Field containers = spec.child("containers");
    JsonNode containerList = containers.node();
    if (containerList == null || (containerList.isArray() && containerList.isEmpty())) {
      problems.required(containers.path());
    }
    Set<String> containerNames = new HashSet<>();
    for (Field container : spec.child("initContainers").items()) {
      ContainerValidation.validate(container, true, volumes);
      uniqueName(container, containerNames);
    }
    for (Field container : containers.items()) {
      ContainerValidation.validate(container, false, volumes);
      uniqueName(container, containerNames);
    }

    restartPolicy(spec.child("restartPolicy"), owner);
    String dnsPolicy = Checks.requiredOneOf(spec.child("dnsPolicy"), DNS_POLICIES);
    Field dnsConfig = spec.child("dnsConfig");
    if ("None".equals(dnsPolicy) && dnsConfig.object() == null && !dnsConfig.isPresent()) {
      problems.required(dnsConfig.path(), "must provide `dnsConfig` when `dnsPolicy` is None");
    }
    Checks.nonNegative(spec.child("terminationGracePeriodSeconds"));
    Field deadline = spec.child("activeDeadlineSeconds");
    Long deadlineSeconds = deadline.int64();
    if (deadlineSeconds != null && (deadlineSeconds < 1 || deadlineSeconds > Integer.MAX_VALUE)) {
      problems.invalid(
          deadline.path(), deadlineSeconds, "must be between 1 and 2147483647, inclusive");
    }
    MetadataValidation.labels(spec.child("nodeSelector"));
    nameIf(spec.child("serviceAccountName"), true);
    nameIf(spec.child("nodeName"), true);
    nameIf(spec.child("hostname"), false);
    nameIf(spec.child("subdomain"), false);
    for (String flag :
        List.of(
            "hostNetwork",
            "hostPID",
            "hostIPC",
            "shareProcessNamespace",
            "enableServiceLinks",
            "automountServiceAccountToken")) {
      spec.child(flag).bool();
    }
    spec.child("schedulerName").string();
    spec.child("priorityClassName").string();
    spec.child("securityContext").object();
    spec.child("affinity").object();
    for (Field secret : spec.child("imagePullSecrets").items()) {
      secret.child("name").string();
    }
    tolerations(spec.child("tolerations"));
  }

  private static void restartPolicy(Field field, PodSpecOwner owner) {
    List<String> allowed = owner.restartPolicies();
    switch (owner) {
      case POD -> Checks.requiredOneOf(field, allowed);
      case WORKLOAD_TEMPLATE -> Checks.oneOf(field, allowed);
      case JOB_TEMPLATE -> {
        String policy = field.string();
        if (policy == null || policy.isEmpty() || policy.equals("Always")) {
          if (policy != null || !field.isPresent()) {
            field.problems().required(field.path(), "valid values: \"OnFailure\", \"Never\"");
          }
        } else if (!allowed.contains(policy)) {
          field.problems().notSupported(field.path(), policy, allowed);
        }
      }
    }
  }

  private static void uniqueName(Field container, Set<String> names) {
    Field name = container.child("name");
    String value = name.nonEmptyString();
    if (value != null && !names.add(value)) {
      container.problems().duplicate(name.path(), value);
    }
  }

  private static Set<String> volumes(Field volumes) {
    Set<String> names = new HashSet<>();
    for (Field volume : volumes.items()) {
      Problems problems = volume.problems();
      Field nameField = volume.child("name");
      String name = Checks.requiredString(nameField);
      if (name != null) {
        problems.invalidEach(nameField.path(), name, Names.dns1123Label(name));
        if (!names.add(name)) {
          problems.duplicate(nameField.path(), name);
        }
      }
      List<String> sources =
          PodSpecDefaults.volumeSources().stream()
              .filter(source -> volume.child(source).isPresent())
              .toList();
      for (String extra : sources.subList(Math.min(1, sources.size()), sources.size())) {
        problems.forbidden(volume.path().child(extra), "may not specify more than 1 volume type");
      }
      for (String source : sources) {
        Field sourceField = volume.child(source);
        if (sourceField.object() == null) {
          continue;
        }
        String requiredField = VOLUME_REQUIRED_FIELDS.get(source);
        if (requiredField != null) {
          Checks.requiredString(sourceField.child(requiredField));
        }
        Field mode = sourceField.child("defaultMode");
        Integer defaultMode = mode.int32();
        if (defaultMode != null && (defaultMode < 0 || defaultMode > MAX_FILE_MODE)) {
          problems.invalid(
              mode.path(),
              defaultMode,
              "must be a number between 0 and 0777 (octal), both inclusive");
        }
      }
    }
    return names;
  }

  private static void nameIf(Field field, boolean subdomain) {
    String value = field.nonEmptyString();
    if (value != null) {
      field
          .problems()
          .invalidEach(
              field.path(),
              value,
              subdomain ? Names.dns1123Subdomain(value) : Names.dns1123Label(value));
    }
  }

  private static void tolerations(Field tolerations) {
    for (Field toleration : tolerations.items()) {
      Problems problems = toleration.problems();
      Field keyField = toleration.child("key");
      String key = keyField.nonEmptyString();
      if (key != null) {
        problems.invalidEach(keyField.path(), key, Names.qualifiedName(key));
      }
      Field operatorField = toleration.child("operator");
      String operator = Checks.oneOf(operatorField, TOLERATION_OPERATORS);
      String value = toleration.child("value").nonEmptyString();
      if (key == null && !"Exists".equals(operator)) {
        problems.invalid(
            operatorField.path(),
            operator == null ? "" : operator,
            "operator must be Exists when `key` is empty, which means \"match all values and all"
                + " keys\"");
      }
      if ("Exists".equals(operator) && value != null) {
        problems.invalid(
            toleration.path().child("operator"),
            value,
            "value must be empty when `operator` is 'Exists'");
      }
      String effect = Checks.oneOf(toleration.child("effect"), TAINT_EFFECTS);
      Field seconds = toleration.child("tolerationSeconds");
      if (seconds.int64() != null && !"NoExecute".equals(effect)) {
        problems.invalid(
            toleration.path().child("effect"),
            effect == null ? "" : effect,
            "effect must be 'NoExecute' when `tolerationSeconds` is set");
      }
    }
  }
}
