package io.cetus.nodeagent.pod;

/**
 * The life of a pod on this node, as {@link PodReconciler} drives it (Nomad's {@code
 * task_lifecycle.go} keeps its diagram the same way):
 *
 * <pre>
 *  bound to this node
 *        │
 *        ▼
 *  sandbox (network namespace, ports published) ──fails──► containers wait ContainerCreating, retry
 *        │
 *        ▼
 *  init containers, one at a time ──exit ≠ 0──► restart after back-off (CrashLoopBackOff),
 *        │ each exits 0                         or pod Failed under restartPolicy Never
 *        ▼
 *  app containers joined to the sandbox ──pull fails──► ErrImagePull ⇄ ImagePullBackOff
 *        │                              ──config missing──► CreateContainerConfigError
 *        ▼
 *  Running ──exit / liveness failure──► restart per policy after back-off 10 s … 5 min
 *        │                              (Never, or OnFailure with exit 0: stays terminated)
 *        │ every container exited and none restarts
 *        ▼
 *  Succeeded / Failed
 *
 *  any state ──deletionTimestamp──► preStop hooks ─► SIGTERM ─► SIGKILL after the grace period
 *                                   ─► containers removed ─► DELETE gracePeriodSeconds=0
 * </pre>
 *
 * <p>Every step reads the containers back from the runtime by their labels; the agent keeps no
 * state that a restart would lose, except image-pull back-off, which starts over.
 */
final class PodLifecycle {

  private PodLifecycle() {}
}
