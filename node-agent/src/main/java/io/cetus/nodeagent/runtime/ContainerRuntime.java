package io.cetus.nodeagent.runtime;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node agent's only view of a container engine, modelled on Nomad's {@code
 * plugins/drivers.DriverPlugin}. Implementations: {@code DockerContainerRuntime} (the Docker
 * engine, {@code runtime.docker}) and {@code FakeContainerRuntime} (in memory, {@code
 * runtime.fake}, for tests and hollow nodes). Both pass {@code ContainerRuntimeContract}.
 *
 * <h2>Container lifecycle</h2>
 *
 * <pre>
 *   start(spec): pull per spec.pullPolicy, create, start
 *     │
 *     ▼
 *  CREATED ──(engine starts it)──► RUNNING ──(process exits, stop(), crash, OOM kill)──► EXITED
 *     │                               │                                                   │
 *     │                               │                    awaitExit(id) completes here ──┤
 *     │                               │                                                   │
 *     │                               └──── destroy(id, force=true): killed, removed ─────┤
 *     └────────────────── destroy(id, false): removed ◄───────────────────────────────────┘
 *                                   │
 *                                   ▼
 *                   gone: inspect() throws ContainerNotFoundException
 * </pre>
 *
 * <p>A container runs at most once: nothing here restarts an exited container. Restarting is the
 * node agent's decision ({@code RestartTracker}); it destroys the old container or starts a new one
 * under a new name.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Thread-safe: any method may be called from any thread, concurrently.
 *   <li>Containers are identified by the id {@link #start} returns; engine-specific forms (Docker's
 *       names and short ids) may work too but are not part of the contract.
 *   <li>Errors are unchecked {@link ContainerRuntimeException}s: {@link
 *       ContainerNotFoundException}, {@link ImagePullException}, {@link ImageNotPresentException},
 *       {@link RuntimeUnavailableException} (the engine does not answer: retry later), {@link
 *       UnsupportedCapabilityException}. No engine-specific type ever escapes.
 *   <li>Labels are applied exactly as given; the runtime adds none. The node agent labels every
 *       container with {@code io.cetus.node}, {@code io.cetus.pod-uid} and {@code
 *       io.cetus.container}, so several agents can share one engine and each finds its own.
 * </ul>
 */
public interface ContainerRuntime extends AutoCloseable {

  /** Short name of the engine, used in {@code containerRuntimeVersion} ({@code docker}). */
  String name();

  /** The optional features this runtime offers (Nomad {@code Capabilities}). */
  RuntimeCapabilities capabilities();

  /**
   * The engine's version and the machine's resources, for the Node's status (Nomad {@code
   * Fingerprint}).
   *
   * @throws RuntimeUnavailableException if the engine does not answer
   */
  RuntimeInfo fingerprint();

  /**
   * Makes sure the network pods attach to exists: creates a bridge network with the spec's labels,
   * subnet and ip range if none has this name, otherwise returns the existing one unchanged, even
   * when its subnet differs from the spec's (compare with {@link NetworkSpec#matches}). Idempotent
   * and safe to call concurrently, also from several agents sharing one engine.
   *
   * @throws ContainerRuntimeException if the engine refuses to create it (a subnet that overlaps
   *     another network's, for instance)
   */
  NetworkInfo ensureNetwork(NetworkSpec spec);

  /** {@link #ensureNetwork(NetworkSpec)} of a network whose addresses the engine picks. */
  default NetworkInfo ensureNetwork(String name, Map<String, String> labels) {
    return ensureNetwork(NetworkSpec.named(name, labels));
  }

  /** {@link #ensureNetwork(String, Map)} with no labels. */
  default NetworkInfo ensureNetwork(String name) {
    return ensureNetwork(name, Map.of());
  }

  /**
   * Removes a network. Nothing happens if there is none by that name.
   *
   * @throws ContainerRuntimeException if containers are still attached to it
   */
  void removeNetwork(String name);

  /**
   * Whether the engine has this image, by the same rule {@link #start} applies under {@link
   * ImagePullPolicy#IF_NOT_PRESENT}. Never pulls. Lets the agent report, as kubelet does, whether a
   * start will pull ({@code Pulling}/{@code Pulled}) or not ({@code already present on machine}).
   *
   * @throws RuntimeUnavailableException if the engine does not answer
   */
  boolean hasImage(String reference);

  /**
   * Pulls the image now, whatever is present. Concurrent pulls of one image share one.
   *
   * @throws ImagePullException if it cannot be pulled
   */
  void pullImage(String reference);

  /**
   * Pulls the image if the spec's pull policy says so, then creates and starts the container (Nomad
   * {@code StartTask}).
   *
   * <p>Idempotent on {@code spec.name()}: if a container with that name exists, no second one is
   * created and nothing is pulled. An existing container that was created but not started is
   * started; a running or exited one is returned as it is (so a retried start never runs a finished
   * container again). The existing container's spec is not compared with this one.
   *
   * <p>Pulls: under {@link ImagePullPolicy#IF_NOT_PRESENT} an image present on the engine is used
   * with no pull attempt, whatever its name; a missing one is pulled. Under {@link
   * ImagePullPolicy#ALWAYS} the image is pulled every time. Concurrent starts needing the same
   * image share one pull.
   *
   * <p>If the engine cannot start the created container (a host port already taken, a command that
   * does not exist), the container is removed again and the call fails with the engine's message.
   *
   * @return the handle; its {@code containerId} names the container in every other call
   * @throws ImagePullException if the image is needed and cannot be pulled
   * @throws ImageNotPresentException if the policy is {@code NEVER} and the image is missing
   */
  ContainerHandle start(ContainerSpec spec);

  /**
   * Re-attaches to a container after an agent restart (Nomad {@code RecoverTask}): returns the
   * handle, refreshed from the engine, if the container still exists (running or exited), empty if
   * it is gone. Never starts or restarts anything.
   */
  Optional<ContainerHandle> recover(ContainerHandle handle);

  /**
   * Completes when the container has exited (Nomad {@code WaitTask}), immediately if it already
   * has. Each call returns an independent future; cancelling it does not affect others.
   *
   * <p>If the container is removed while running, the future completes with the exit it had; if it
   * is removed before it ever ran, the future fails with {@link ContainerNotFoundException}.
   *
   * @throws ContainerNotFoundException if there is no such container
   */
  CompletableFuture<ExitResult> awaitExit(String containerId);

  /**
   * Stops a running container (Nomad {@code StopTask}): sends its stop signal (SIGTERM), waits up
   * to {@code gracePeriod} for it to exit, then kills it (SIGKILL). Returns once it has exited.
   * Does nothing to a container that is not running. With {@link ContainerSpec#init()}, the init
   * process forwards SIGTERM to the application, which then exits with 143 unless it handles it.
   *
   * @throws ContainerNotFoundException if there is no such container
   */
  void stop(String containerId, Duration gracePeriod);

  /**
   * Removes a container and its anonymous volumes (Nomad {@code DestroyTask}). Nothing happens if
   * it is already gone.
   *
   * @param force kill it first if it is running; without force, removing a running container fails
   *     with {@link ContainerRuntimeException}
   */
  void destroy(String containerId, boolean force);

  /**
   * The container's current state (Nomad {@code InspectTask}).
   *
   * @throws ContainerNotFoundException if there is no such container
   */
  ContainerStatus inspect(String containerId);

  /**
   * Every container, running or not, carrying all these labels with these values (an empty map
   * matches every container on the engine), so untracked ones can be adopted or collected (Nomad
   * {@code reconcile_dangling.go}).
   */
  List<ContainerStatus> list(Map<String, String> labels);

  /**
   * Starts a command inside a running container and streams its output to {@code output} (for the
   * WebSocket {@code exec} endpoint). Check {@link RuntimeCapabilities#exec()} first.
   *
   * @throws ContainerNotFoundException if there is no such container
   * @throws ContainerRuntimeException if the container is not running
   */
  default ExecSession exec(String containerId, ExecRequest request, ExecOutput output) {
    throw new UnsupportedCapabilityException(name(), "exec"); // Nomad DriverExecTaskNotSupported
  }

  /**
   * Connects to a running container's main process (for the WebSocket {@code attach} endpoint):
   * from now on its output goes to {@code output} (stdout and stderr as requested; one stream,
   * delivered as stdout, if the container has a terminal), and what the caller writes to {@link
   * ExecSession#stdin()} reaches it if the container was created with stdin open. Output written
   * before the call is not replayed. {@link ExecSession#exitCode()} completes with the container's
   * exit code once it has exited and its output was delivered; {@link ExecSession#close()} detaches
   * and leaves the container running. Closing stdin detaches stdin only: the main process does not
   * see end-of-file unless the container was created with {@code StdinOnce}, which the agent never
   * sets. Check {@link RuntimeCapabilities#attach()} first.
   *
   * @throws ContainerNotFoundException if there is no such container
   * @throws ContainerRuntimeException if the container is not running
   */
  default ExecSession attach(String containerId, AttachRequest request, ExecOutput output) {
    throw new UnsupportedCapabilityException(name(), "attach");
  }

  /**
   * Runs a command inside a running container to completion and returns its exit code and output,
   * for exec probes. Built on {@link #exec(String, ExecRequest, ExecOutput)}.
   *
   * @throws ExecTimeoutException if it has not exited within {@code timeout} (it may keep running)
   * @throws ContainerNotFoundException if there is no such container
   */
  default ExecResult exec(String containerId, List<String> command, Duration timeout) {
    CollectingExecOutput output = new CollectingExecOutput(ExecResult.MAX_OUTPUT_BYTES);
    try (ExecSession session = exec(containerId, ExecRequest.of(command), output)) {
      int exitCode = session.exitCode().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new ExecResult(exitCode, output.stdout(), output.stderr());
    } catch (TimeoutException e) {
      throw new ExecTimeoutException(containerId, command, timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ContainerRuntimeException cause) {
        throw cause;
      }
      throw new ContainerRuntimeException("exec " + command + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerRuntimeException("interrupted while running " + command, e);
    }
  }

  /**
   * The container's output, stdout and stderr interleaved as the engine stored them, as a stream of
   * bytes. Without {@link LogOptions#follow()} the stream ends after what was written so far; with
   * it, it delivers new output until the container stops or the reader closes the stream. Closing
   * the stream releases everything behind it. Check {@link RuntimeCapabilities#logs()} first.
   *
   * @throws ContainerNotFoundException if there is no such container
   */
  default InputStream logs(String containerId, LogOptions options) {
    throw new UnsupportedCapabilityException(name(), "logs");
  }

  /** Releases connections and threads; containers keep running. */
  @Override
  void close();
}
