package io.cetus.objectstore.admission;

import java.util.List;

/** Kubernetes' checks of container probes and lifecycle hooks, and of the actions they run. */
final class ProbeValidation {

  private static final List<String> PROBE_HANDLERS =
      List.of("exec", "httpGet", "tcpSocket", "grpc");
  private static final List<String> HOOK_HANDLERS =
      List.of("exec", "httpGet", "tcpSocket", "sleep");
  private static final List<String> SCHEMES = List.of("HTTP", "HTTPS");

  private ProbeValidation() {}

  /** A liveness, readiness or startup probe; {@code kind} is its field name. */
  static void probe(Field probe, String kind) {
    if (probe.object() == null) {
      return;
    }
    Problems problems = probe.problems();
    handler(probe, PROBE_HANDLERS);
    for (String number :
        List.of(
            "initialDelaySeconds",
            "timeoutSeconds",
            "periodSeconds",
            "successThreshold",
            "failureThreshold")) {
      Checks.nonNegative(probe.child(number));
    }
    Field successThreshold = probe.child("successThreshold");
    Integer success = successThreshold.int32();
    if (!kind.equals("readinessProbe") && success != null && success != 1) {
      problems.invalid(successThreshold.path(), success, "must be 1");
    }
    Field grace = probe.child("terminationGracePeriodSeconds");
    Long graceSeconds = grace.int64();
    if (graceSeconds != null) {
      if (kind.equals("readinessProbe")) {
        problems.forbidden(grace.path(), "may not be set for readiness probes");
      } else if (graceSeconds <= 0) {
        problems.invalid(grace.path(), graceSeconds, "must be greater than 0");
      }
    }
  }

  /** A probe's or hook's action: exactly one of {@code handlers}. */
  private static void handler(Field handler, List<String> handlers) {
    if (handler.object() == null) {
      return;
    }
    Problems problems = handler.problems();
    List<String> present = handlers.stream().filter(h -> handler.child(h).isPresent()).toList();
    if (present.isEmpty()) {
      problems.required(handler.path(), "must specify a handler type");
    }
    for (String extra : present.subList(Math.min(1, present.size()), present.size())) {
      problems.forbidden(handler.path().child(extra), "may not specify more than 1 handler type");
    }
    handler.child("exec", "command").stringList();
    Field httpGet = handler.child("httpGet");
    if (httpGet.object() != null) {
      Ports.numberOrName(httpGet.child("port"));
      httpGet.child("path").string();
      httpGet.child("host").string();
      Checks.oneOf(httpGet.child("scheme"), SCHEMES);
      for (Field header : httpGet.child("httpHeaders").items()) {
        Checks.requiredString(header.child("name"));
        header.child("value").string();
      }
    }
    Field tcpSocket = handler.child("tcpSocket");
    if (tcpSocket.object() != null) {
      Ports.numberOrName(tcpSocket.child("port"));
    }
    Field grpc = handler.child("grpc");
    if (grpc.object() != null) {
      Ports.requiredNumber(grpc.child("port"));
      grpc.child("service").string();
    }
    Field sleep = handler.child("sleep");
    if (sleep.object() != null) {
      Checks.nonNegative(sleep.child("seconds"));
    }
  }

  /** A {@code postStart} or {@code preStop} hook. */
  static void hook(Field hook) {
    handler(hook, HOOK_HANDLERS);
  }
}
