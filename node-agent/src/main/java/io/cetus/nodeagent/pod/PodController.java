package io.cetus.nodeagent.pod;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.DefaultSharedInformer;
import io.cetus.client.informer.InformerOptions;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.nodeagent.probe.ProbeManager;
import io.cetus.nodeagent.probe.ProbeScheduler;
import io.cetus.nodeagent.runtime.ContainerRuntime;

/**
 * Builds the {@code pods} controller of a node agent: an informer of the pods with {@code
 * spec.nodeName=<node>} (the API filters them, so an agent sees only its own), each pod reconciled
 * by {@link PodReconciler} when it changes, when one of its containers exits and when a probe
 * result changes. Pods are independent, so several workers run them in parallel.
 */
public final class PodController {

  public static final String NAME = "pods";

  /** The {@code source.component} of the agent's events, as the kubelet's. */
  public static final String COMPONENT = "kubelet";

  private static final int WORKERS = 4;

  private PodController() {}

  /**
   * {@link #create(AgentSettings, ObjectClientFactory, ContainerRuntime, ClusterServices, Path,
   * ProbeScheduler, Clock, UnaryOperator)} without Services: no service environment variables.
   */
  public static PodAgent create(
      AgentSettings settings,
      ObjectClientFactory clients,
      ContainerRuntime runtime,
      Path stateDir,
      ProbeScheduler probeScheduler,
      Clock clock,
      UnaryOperator<Reconciler> instrument) {
    return create(
        settings,
        clients,
        runtime,
        ClusterServices.none(),
        stateDir,
        probeScheduler,
        clock,
        instrument);
  }

  /**
   * @param services the Services for the containers' service environment variables; the caller
   *     starts and stops it
   * @param instrument wraps the reconciler, e.g. to time it
   */
  public static PodAgent create(
      AgentSettings settings,
      ObjectClientFactory clients,
      ContainerRuntime runtime,
      ClusterServices services,
      Path stateDir,
      ProbeScheduler probeScheduler,
      Clock clock,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<Pod> pods =
        new DefaultSharedInformer<>(
            "pods-on-" + settings.nodeName(),
            ClientListerWatcher.of(
                clients.forType(Pod.class),
                null,
                ListOptions.ALL.withFieldSelector("spec.nodeName=" + settings.nodeName())),
            InformerOptions.DEFAULTS);
    PodReconciler reconciler =
        reconciler(
            settings, pods.lister(), clients, runtime, services, stateDir, probeScheduler, clock);
    Controller controller =
        ControllerBuilder.named(NAME)
            .watch(pods, EventHandlers.enqueueSelf())
            .workers(WORKERS)
            .clock(clock)
            .reconciler(instrument.apply(reconciler))
            .build();
    reconciler.onChange(controller.queue()::add);
    return new PodAgent(controller, reconciler, pods);
  }

  /**
   * The reconciler of one node's pods, reading them from {@code pods} (which may hold other nodes'
   * pods too: it acts only on those bound to {@code settings.nodeName()}). Hollow nodes share one
   * informer and one queue this way; wire its {@link PodReconciler#onChange} to that queue.
   */
  public static PodReconciler reconciler(
      AgentSettings settings,
      Lister<Pod> pods,
      ObjectClientFactory clients,
      ContainerRuntime runtime,
      ClusterServices services,
      Path stateDir,
      ProbeScheduler probeScheduler,
      Clock clock) {
    EnvResolver env =
        new EnvResolver(clients.forType(ConfigMap.class), clients.forType(Secret.class), services);
    return new PodReconciler(
        settings,
        pods,
        clients.forType(Pod.class),
        runtime,
        env,
        new PodVolumes(stateDir, env),
        new EventRecorder(clients.forType(Event.class), clock, COMPONENT, settings.nodeName()),
        new ProbeManager(runtime, probeScheduler, ProbeManager.IGNORE),
        clock);
  }
}
