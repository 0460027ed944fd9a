package io.cetus.serviceproxy.endpoints;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.Service;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.errors.StatusDetails;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;

/**
 * Keeps the Endpoints of one Service (same namespace and name) equal to what its selected pods make
 * ({@link EndpointSubsets}), as Kubernetes' endpoints controller does:
 *
 * <ul>
 *   <li>Service gone: its Endpoints are deleted (Kubernetes deletes them whether the controller or
 *       a user wrote them).
 *   <li>Service of type ExternalName, or without a selector: nothing is done; its Endpoints, if
 *       any, are the user's.
 *   <li>Otherwise the Endpoints get the computed subsets and the service's labels (plus {@value
 *       #HEADLESS_LABEL} for a service without a cluster IP), created or replaced only when the
 *       subsets, the labels or the over-capacity mark differ from what is cached, so an unchanged
 *       state writes nothing. Other metadata (annotations, owner references) is kept. Every write
 *       carries {@value #TRIGGER_TIME}: the latest of the service's creation and the selected pods'
 *       last Ready transitions, so the same state always writes the same bytes.
 * </ul>
 *
 * <p>Several instances may run (one per proxy machine): each computes the same object from the same
 * state, and writes are conditional on the cached resourceVersion, so a writer that lost a race
 * gets Conflict (or AlreadyExists, or NotFound when they were deleted), and that request is looked
 * at again after {@link #RACE_RETRY}, by which time its cache shows the winner's write, which it
 * then leaves alone; the informer's event of that write queues it sooner. Other failed writes are
 * recorded as a Warning event ({@code FailedToCreateEndpoint}, {@code FailedToUpdateEndpoint}) and
 * thrown, to be retried with backoff.
 */
final class EndpointsReconciler implements Reconciler {

  static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
  static final String HEADLESS_LABEL = "service.kubernetes.io/headless";
  static final String FAILED_TO_CREATE = "FailedToCreateEndpoint";
  static final String FAILED_TO_UPDATE = "FailedToUpdateEndpoint";

  /** When a request that lost a write race to another instance is looked at again. */
  static final Duration RACE_RETRY = Duration.ofMillis(100);

  /**
   * When a request that found its Endpoints stale in the cache is looked at again at the latest.
   */
  static final Duration STALE_RETRY = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(EndpointsReconciler.class);
  private static final String NAMESPACE_TERMINATING = "NamespaceTerminating";
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Lister<Service> services;
  private final Lister<Pod> pods;
  private final Lister<Endpoints> endpoints;
  private final ObjectClient<Endpoints> endpointsClient;
  private final EventRecorder events;
  private final WrittenVersions written = new WrittenVersions();

  EndpointsReconciler(
      Lister<Service> services,
      Lister<Pod> pods,
      Lister<Endpoints> endpoints,
      ObjectClient<Endpoints> endpointsClient,
      EventRecorder events) {
    this.services = services;
    this.pods = pods;
    this.endpoints = endpoints;
    this.endpointsClient = endpointsClient;
    this.events = events;
  }

  @Override
  public Result reconcile(Request request) {
    Optional<Service> cached = services.get(request.namespace(), request.name());
    if (cached.isEmpty()) {
      return deleteEndpoints(request);
    }
    Service service = cached.get();
    if (!ServiceSelectors.isManaged(service)) {
      return Result.DONE;
    }
    List<Pod> selected =
        ServiceSelectors.selected(service, pods.list(service.metadata().namespace()));
    EndpointsCapacity.Capped subsets = EndpointsCapacity.cap(EndpointSubsets.of(service, selected));
    Map<String, String> labels = labelsFor(service);

    Endpoints current = endpoints.get(request.namespace(), request.name()).orElse(null);
    if (current != null && written.isStale(request, current.metadata().resourceVersion())) {
      // the informer's update of our own write queues this again; the delay is a safety net
      return Result.requeueIn(STALE_RETRY);
    }
    if (current != null
        && current.subsets().equals(subsets.subsets())
        && current.metadata().labels().equals(labels)
        && current.metadata().annotations().containsKey(EndpointsCapacity.OVER_CAPACITY)
            == subsets.truncated()) {
      return Result.DONE;
    }
    Endpoints desired = desired(service, current, subsets, labels, selected);
    try {
      Endpoints stored =
          current == null ? endpointsClient.create(desired) : endpointsClient.update(desired);
      if (current != null) {
        written.wrote(
            request, current.metadata().resourceVersion(), stored.metadata().resourceVersion());
      }
      log.debug(
          "Endpoints {} {}: {} ready, {} not ready{}",
          request,
          current == null ? "created" : "updated",
          count(subsets.subsets(), true),
          count(subsets.subsets(), false),
          subsets.truncated() ? " (truncated)" : "");
      return Result.DONE;
    } catch (ApiException e) {
      return failed(request, current == null, desired, e);
    }
  }

  private Result failed(Request request, boolean creating, Endpoints desired, ApiException e) {
    if (ApiErrors.isConflict(e)
        || ApiErrors.isAlreadyExists(e)
        || (!creating && ApiErrors.isNotFound(e))) {
      // another writer created, replaced or deleted them since the cache last showed them
      log.debug("Endpoints {} changed under this write ({}); looking again", request, e.toString());
      return Result.requeueIn(RACE_RETRY);
    }
    if (creating && (ApiErrors.isNotFound(e) || isNamespaceTerminating(e))) {
      return Result.DONE; // its namespace is gone or going away, and the service with it
    }
    if (creating) {
      events.warning(
          desired,
          FAILED_TO_CREATE,
          "Failed to create endpoint for service " + request + ": " + e.getMessage());
    } else {
      events.warning(
          desired,
          FAILED_TO_UPDATE,
          "Failed to update endpoint " + request + ": " + e.getMessage());
    }
    throw e;
  }

  /**
   * The service is gone: so go its Endpoints. The cached object's uid is a precondition: if another
   * object of that name was written meanwhile, the request is looked at again once the cache shows
   * it (its service may be back by then).
   */
  private Result deleteEndpoints(Request request) {
    written.forget(request);
    Optional<Endpoints> cached = endpoints.get(request.namespace(), request.name());
    DeleteOptions options =
        cached
            .map(e -> DeleteOptions.DEFAULT.withPreconditions(e.metadata().uid(), null))
            .orElse(DeleteOptions.DEFAULT);
    try {
      endpointsClient.delete(request.namespace(), request.name(), options);
      log.debug("Endpoints {} deleted with their service", request);
    } catch (ApiException e) {
      if (ApiErrors.isConflict(e)) {
        return Result.requeueIn(RACE_RETRY);
      }
      if (!ApiErrors.isNotFound(e)) {
        throw e;
      }
    }
    return Result.DONE;
  }

  private static Endpoints desired(
      Service service,
      @Nullable Endpoints current,
      EndpointsCapacity.Capped subsets,
      Map<String, String> labels,
      List<Pod> selected) {
    ObjectMeta metadata =
        current != null
            ? current.metadata()
            : ObjectMeta.named(service.metadata().namespace(), service.metadata().name());
    Map<String, String> annotations = new TreeMap<>(metadata.annotations());
    Instant trigger = lastChangeTriggerTime(service, selected);
    if (trigger != null) {
      annotations.put(TRIGGER_TIME, rfc3339(trigger));
    } else {
      annotations.remove(TRIGGER_TIME);
    }
    if (subsets.truncated()) {
      annotations.put(EndpointsCapacity.OVER_CAPACITY, EndpointsCapacity.TRUNCATED);
    } else {
      annotations.remove(EndpointsCapacity.OVER_CAPACITY);
    }
    return new Endpoints(
        null, null, metadata.withLabels(labels).withAnnotations(annotations), subsets.subsets());
  }

  /** The service's labels, marked headless when it has no cluster IP (as Kubernetes marks them). */
  static Map<String, String> labelsFor(Service service) {
    Map<String, String> labels = new TreeMap<>(service.metadata().labels());
    String clusterIp = service.spec().clusterIP();
    if (clusterIp == null || clusterIp.isEmpty() || EndpointSubsets.NONE.equals(clusterIp)) {
      labels.put(HEADLESS_LABEL, "");
    } else {
      labels.remove(HEADLESS_LABEL);
    }
    return labels;
  }

  /**
   * The latest change that shapes these Endpoints, from state alone: the service's creation and the
   * selected pods' last Ready transitions. (Kubernetes' tracker remembers the changes it saw since
   * its last write; computing it from state keeps instances that see the same state in agreement.)
   */
  static @Nullable Instant lastChangeTriggerTime(Service service, List<Pod> selected) {
    Instant latest = service.metadata().creationTimestamp();
    for (Pod pod : selected) {
      Instant transition =
          Condition.find(pod.status().conditions(), PodCondition.READY)
              .map(PodCondition::lastTransitionTime)
              .orElse(null);
      if (transition != null && (latest == null || transition.isAfter(latest))) {
        latest = transition;
      }
    }
    return latest;
  }

  /** Go's RFC 3339 with nanoseconds: UTC, fractional digits only as many as needed. */
  static String rfc3339(Instant instant) {
    String seconds = RFC3339.format(instant);
    int nanos = instant.getNano();
    if (nanos == 0) {
      return seconds + "Z";
    }
    String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
    return seconds + "." + fraction + "Z";
  }

  private static boolean isNamespaceTerminating(ApiException e) {
    if (e.reason() != Reason.FORBIDDEN) {
      return false;
    }
    StatusDetails details = e.status().details();
    return details != null
        && details.causes() != null
        && details.causes().stream()
            .map(StatusCause::reason)
            .anyMatch(NAMESPACE_TERMINATING::equals);
  }

  private static int count(List<EndpointSubset> subsets, boolean ready) {
    int count = 0;
    for (EndpointSubset subset : subsets) {
      count += ready ? subset.addresses().size() : subset.notReadyAddresses().size();
    }
    return count;
  }
}
