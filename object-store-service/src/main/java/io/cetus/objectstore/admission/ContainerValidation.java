package io.cetus.objectstore.admission;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.cetus.api.quantity.Quantity;
import io.cetus.api.validation.Names;

/**
 * Kubernetes' checks of one container of a pod spec: name, image, ports, environment, resources,
 * volume mounts, probes and lifecycle hooks.
 */
final class ContainerValidation {

  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> TERMINATION_MESSAGE_POLICIES =
      List.of("File", "FallbackToLogsOnError");
  private static final List<String> STANDARD_RESOURCES =
      List.of("cpu", "memory", "ephemeral-storage");
  private static final List<String> ENV_SOURCES =
      List.of("fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef");
  private static final List<String> FIELD_REF_PATHS =
      List.of(
          "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "metadata.labels",
          "metadata.annotations",
          "spec.nodeName",
          "spec.serviceAccountName",
          "status.hostIP",
          "status.hostIPs",
          "status.podIP",
          "status.podIPs");
  private static final Pattern FIELD_REF_SUBSCRIPT =
      Pattern.compile("metadata\\.(labels|annotations)\\['[^']+'\\]");
  private static final List<String> RESOURCE_FIELD_REFS =
      List.of(
          "limits.cpu",
          "limits.memory",
          "limits.ephemeral-storage",
          "requests.cpu",
          "requests.memory",
          "requests.ephemeral-storage");
  private static final Pattern ENV_NAME = Pattern.compile("[\\x20-\\x3C\\x3E-\\x7E]+");

  private ContainerValidation() {}

  /**
   * Validates one container.
   *
   * @param init whether it is an init container; those may only restart {@code Always} (as
   *     sidecars), and only sidecars may have probes and lifecycle hooks
   * @param volumes the names of the pod's volumes, which mounts must refer to
   */
  static void validate(Field container, boolean init, Set<String> volumes) {
    Problems problems = container.problems();
    Field nameField = container.child("name");
    String name = nameField.string();
    if (name == null || name.isEmpty()) {
      Checks.required(nameField);
    } else {
      problems.invalidEach(nameField.path(), name, Names.dns1123Label(name));
    }

    Field imageField = container.child("image");
    String image = imageField.string();
    if (image == null || image.isEmpty()) {
      Checks.required(imageField);
    } else if (!image.equals(image.strip())) {
      problems.invalid(imageField.path(), image, "must not have leading or trailing whitespace");
    }
    Checks.oneOf(container.child("imagePullPolicy"), PULL_POLICIES);
    Checks.oneOf(container.child("terminationMessagePolicy"), TERMINATION_MESSAGE_POLICIES);
    container.child("terminationMessagePath").string();
    container.child("command").stringList();
    container.child("args").stringList();
    container.child("workingDir").string();
    container.child("stdin").bool();
    container.child("tty").bool();
    container.child("securityContext").object();

    Field restartPolicy = container.child("restartPolicy");
    String restart = restartPolicy.string();
    boolean sidecar = init && "Always".equals(restart);
    if (restart != null) {
      if (!init) {
        problems.forbidden(restartPolicy.path(), "may not be set for non-init containers");
      } else if (!sidecar) {
        problems.notSupported(restartPolicy.path(), restart, List.of("Always"));
      }
    }

    ports(container.child("ports"));
    env(container.child("env"));
    envFrom(container.child("envFrom"));
    resources(container.child("resources"));
    volumeMounts(container.child("volumeMounts"), volumes);

    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      Field field = container.child(probe);
      if (!field.isPresent()) {
        continue;
      }
      if (init && !sidecar) {
        problems.forbidden(
            field.path(), "may not be set for init containers without restartPolicy=Always");
      } else {
        ProbeValidation.probe(field, probe);
      }
    }
    Field lifecycle = container.child("lifecycle");
    if (lifecycle.isPresent()) {
      if (init && !sidecar) {
        problems.forbidden(
            lifecycle.path(), "may not be set for init containers without restartPolicy=Always");
      } else {
        for (String hook : List.of("postStart", "preStop")) {
          Field handler = lifecycle.child(hook);
          if (handler.isPresent()) {
            ProbeValidation.hook(handler);
          }
        }
      }
    }
  }

  private static void ports(Field ports) {
    Set<String> names = new HashSet<>();
    for (Field port : ports.items()) {
      Ports.requiredNumber(port.child("containerPort"));
      Ports.optionalNumber(port.child("hostPort"));
      Ports.protocol(port.child("protocol"));
      port.child("hostIP").string();
      Field nameField = port.child("name");
      String name = nameField.nonEmptyString();
      if (name != null) {
        port.problems().invalidEach(nameField.path(), name, Ports.nameProblems(name));
        if (!names.add(name)) {
          port.problems().duplicate(nameField.path(), name);
        }
      }
    }
  }

  private static void env(Field envList) {
    for (Field env : envList.items()) {
      Problems problems = env.problems();
      Field nameField = env.child("name");
      String name = nameField.string();
      if (name == null || name.isEmpty()) {
        Checks.required(nameField);
      } else if (!ENV_NAME.matcher(name).matches()) {
        problems.invalid(
            nameField.path(),
            name,
            "a valid environment variable name must consist only of printable ASCII characters"
                + " other than '='");
      }
      String value = env.child("value").string();
      Field valueFrom = env.child("valueFrom");
      if (valueFrom.object() == null) {
        continue;
      }
      if (value != null && !value.isEmpty()) {
        problems.invalid(valueFrom.path(), "", "may not be specified when `value` is not empty");
      }
      List<String> sources =
          ENV_SOURCES.stream().filter(source -> valueFrom.child(source).isPresent()).toList();
      if (sources.isEmpty()) {
        problems.invalid(
            valueFrom.path(),
            "",
            "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or"
                + " `secretKeyRef`");
      } else if (sources.size() > 1) {
        problems.invalid(
            valueFrom.path(), "", "may not have more than one field specified at a time");
      }
      fieldRef(valueFrom.child("fieldRef"));
      Field resourceFieldRef = valueFrom.child("resourceFieldRef");
      if (resourceFieldRef.isPresent()) {
        Checks.requiredOneOf(resourceFieldRef.child("resource"), RESOURCE_FIELD_REFS);
      }
      for (String keyRef : List.of("configMapKeyRef", "secretKeyRef")) {
        Field ref = valueFrom.child(keyRef);
        if (ref.isPresent()) {
          Checks.requiredString(ref.child("name"));
          Field key = ref.child("key");
          String keyName = key.string();
          if (keyName == null || keyName.isEmpty()) {
            Checks.required(key);
          } else {
            problems.invalidEach(key.path(), keyName, DataValidation.keyProblems(keyName));
          }
          ref.child("optional").bool();
        }
      }
    }
  }

  private static void fieldRef(Field fieldRef) {
    if (fieldRef.object() == null) {
      return;
    }
    Field path = fieldRef.child("fieldPath");
    String fieldPath = path.string();
    if (fieldPath == null || fieldPath.isEmpty()) {
      Checks.required(path);
    } else if (!FIELD_REF_PATHS.contains(fieldPath)
        && !FIELD_REF_SUBSCRIPT.matcher(fieldPath).matches()) {
      fieldRef.problems().notSupported(path.path(), fieldPath, FIELD_REF_PATHS);
    }
  }

  private static void envFrom(Field envFrom) {
    for (Field source : envFrom.items()) {
      List<String> refs =
          List.of("configMapRef", "secretRef").stream()
              .filter(ref -> source.child(ref).isPresent())
              .toList();
      if (refs.size() != 1) {
        source
            .problems()
            .invalid(
                source.path(),
                "",
                "must specify one of: `configMapRef` or `secretRef`, and only one");
      }
      source.child("prefix").string();
      for (String ref : refs) {
        Checks.requiredString(source.child(ref, "name"));
        source.child(ref, "optional").bool();
      }
    }
  }

  private static void resources(Field resources) {
    Map<String, Quantity> limits = resourceList(resources.child("limits"));
    Map<String, Quantity> requests = resourceList(resources.child("requests"));
    FieldPath requestsPath = resources.path().child("requests");
    requests.forEach(
        (resource, request) -> {
          Quantity limit = limits.get(resource);
          if (limit != null && request.compareTo(limit) > 0) {
            resources
                .problems()
                .invalid(
                    requestsPath,
                    request.toString(),
                    "must be less than or equal to " + resource + " limit of " + limit);
          }
        });
  }

  private static Map<String, Quantity> resourceList(Field list) {
    Map<String, Quantity> quantities = new LinkedHashMap<>();
    list.entries()
        .forEach(
            (resource, value) -> {
              if (!validResourceName(resource)) {
                list.problems()
                    .invalid(value.path(), resource, "must be a standard resource for containers");
                return;
              }
              Quantity quantity = Quantities.nonNegative(value);
              if (quantity != null) {
                quantities.put(resource, quantity);
              }
            });
    return quantities;
  }

  private static boolean validResourceName(String resource) {
    if (STANDARD_RESOURCES.contains(resource) || resource.startsWith("hugepages-")) {
      return true;
    }
    // Extended resources (e.g. example.com/gpu) are fully qualified.
    return resource.contains("/") && Names.qualifiedName(resource).isEmpty();
  }

  private static void volumeMounts(Field mounts, Set<String> volumes) {
    Set<String> mountPaths = new HashSet<>();
    for (Field mount : mounts.items()) {
      Problems problems = mount.problems();
      Field nameField = mount.child("name");
      String name = nameField.string();
      if (name == null || name.isEmpty()) {
        Checks.required(nameField);
      } else if (!volumes.contains(name)) {
        problems.notFound(nameField.path(), name);
      }
      Field pathField = mount.child("mountPath");
      String mountPath = pathField.string();
      if (mountPath == null || mountPath.isEmpty()) {
        Checks.required(pathField);
      } else if (!mountPaths.add(mountPath)) {
        problems.invalid(pathField.path(), mountPath, "must be unique");
      }
      mount.child("readOnly").bool();
      for (String subPathName : List.of("subPath", "subPathExpr")) {
        Field subPathField = mount.child(subPathName);
        String subPath = subPathField.nonEmptyString();
        if (subPath != null) {
          if (subPath.startsWith("/")) {
            problems.invalid(subPathField.path(), subPath, "must be a relative path");
          }
          if (List.of(subPath.split("/")).contains("..")) {
            problems.invalid(subPathField.path(), subPath, "must not contain '..'");
          }
        }
      }
    }
  }
}
