package io.cetus.nodeagent.runtime.docker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.nodeagent.runtime.AttachRequest;
import io.cetus.nodeagent.runtime.ContainerHandle;
import io.cetus.nodeagent.runtime.ContainerNotFoundException;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.ContainerState;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ExecOutput;
import io.cetus.nodeagent.runtime.ExecRequest;
import io.cetus.nodeagent.runtime.ExecSession;
import io.cetus.nodeagent.runtime.ExitResult;
import io.cetus.nodeagent.runtime.ImageNotPresentException;
import io.cetus.nodeagent.runtime.ImagePullPolicy;
import io.cetus.nodeagent.runtime.LogOptions;
import io.cetus.nodeagent.runtime.NetworkInfo;
import io.cetus.nodeagent.runtime.NetworkSpec;
import io.cetus.nodeagent.runtime.QueueInputStream;
import io.cetus.nodeagent.runtime.RuntimeCapabilities;
import io.cetus.nodeagent.runtime.RuntimeInfo;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/**
 * {@link ContainerRuntime} on the Docker engine, through docker-java (Nomad's {@code
 * drivers/docker}).
 *
 * <ul>
 *   <li><b>API version</b> (pitfall P1): requests go to unversioned paths unless {@link
 *       DockerRuntimeProperties#apiVersion()} says otherwise, so the engine answers at its own
 *       version; no {@code docker-java.properties} on the classpath can change that.
 *   <li><b>Exits</b>: one subscription to the engine's event stream ({@link DockerEvents}) serves
 *       every {@link #awaitExit} — a {@code die} event triggers an inspect — rather than one
 *       blocked HTTP call per container.
 *   <li><b>OOM kills</b> (pitfall P6): Docker's {@code OOMKilled} flag is sometimes false on cgroup
 *       v1 when the kernel did kill the container. The rule: a container is OOM-killed when the
 *       flag says so, or when it exited with 137 while it had a memory limit and the engine sent an
 *       {@code oom} event for it. The event stream is open before any container starts; an exit
 *       that looks like an OOM kill (137 with a limit, no flag, no event yet) waits up to {@link
 *       DockerRuntimeProperties#oomEventGrace()} for the event, because the engine may send it just
 *       after the {@code die}. An OOM kill that happened while no runtime watched (the agent was
 *       down) is known from Docker's flag only.
 *   <li><b>Exec</b>: attached over a connection of its own ({@link DockerExecSession}) so closing
 *       stdin gives the process end-of-file.
 *   <li><b>Signals</b> (pitfall P7): {@link ContainerSpec#init()} runs Docker's init as PID 1,
 *       which forwards SIGTERM; without it a shell or {@code sleep} as PID 1 ignores SIGTERM and
 *       every stop waits for the whole grace period.
 * </ul>
 */
public final class DockerContainerRuntime implements ContainerRuntime {

  private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);
  private static final int LOG_QUEUE_CHUNKS = 256;
  private static final int EXEC_EXIT_POLLS = 250;
  private static final long EXEC_EXIT_POLL_MILLIS = 20;
  private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");

  /** How long a creation that lost a race waits for the winner's network to show. */
  private static final Duration NETWORK_RACE_WAIT = Duration.ofSeconds(5);

  private static final Duration NETWORK_POLL = Duration.ofMillis(50);

  private final DockerRuntimeProperties properties;
  private final Clock clock;

  /** For calls that answer at once: bounded by the request timeout. */
  private final DockerClient client;

  /** For streams, pulls and stops, which take as long as they take. */
  private final DockerClient streamClient;

  private final ImagePuller puller;
  private final DockerEvents events;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentMap<String, CompletableFuture<ExitResult>> exits =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, DieEvent> dieEvents = new ConcurrentHashMap<>();
  private final InspectCache inspections;
  private final Set<String> mismatchesWarned = ConcurrentHashMap.newKeySet();
  private final Set<String> duplicatesWarned = ConcurrentHashMap.newKeySet();
  private final ConcurrentMap<String, ReentrantLock> networkLocks = new ConcurrentHashMap<>();

  private record DieEvent(@Nullable Integer exitCode, Instant at) {}

  /**
   * What a create request gave: a new container, or the one that already had the name.
   *
   * @param existing the existing container's inspect answer; null for a new container
   */
  private record Creation(String id, @Nullable InspectContainerResponse existing) {}

  public DockerContainerRuntime(DockerRuntimeProperties properties, Clock clock) {
    this(properties, clock, UnaryOperator.identity());
  }

  /**
   * @param decorate wraps each docker-java client the runtime makes, e.g. to count engine calls
   */
  DockerContainerRuntime(
      DockerRuntimeProperties properties, Clock clock, UnaryOperator<DockerClient> decorate) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = decorate.apply(dockerClient(properties, properties.requestTimeout()));
    this.streamClient = decorate.apply(dockerClient(properties, null));
    this.puller = new ImagePuller(streamClient, properties.pullTimeout());
    this.events =
        new DockerEvents(
            streamClient, clock, properties.connectTimeout().plusSeconds(5), new ExitListener());
    this.inspections = new InspectCache(events::epoch);
  }

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public RuntimeCapabilities capabilities() {
    return RuntimeCapabilities.all();
  }

  @Override
  public RuntimeInfo fingerprint() {
    try {
      Info info = client.infoCmd().exec();
      Version version = client.versionCmd().exec();
      return new RuntimeInfo(
          name(),
          orEmpty(info.getServerVersion()),
          orEmpty(version.getApiVersion()),
          orEmpty(info.getOperatingSystem()),
          orEmpty(info.getOsType()),
          DockerStatuses.architecture(info.getArchitecture()),
          orEmpty(info.getKernelVersion()),
          info.getNCPU() == null ? 0 : info.getNCPU(),
          info.getMemTotal() == null ? 0 : info.getMemTotal());
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "fingerprint");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Docker 20.10 does not make a network's name unique atomically: concurrent creations can make
   * several networks of one name, which no container can then join by that name. Creations in one
   * runtime are therefore serialised per name; across agents sharing an engine, a subnet makes the
   * race harmless, since the engine reserves the subnet atomically and the losers find the winner's
   * network. Duplicates made earlier are reported once.
   */
  @Override
  public NetworkInfo ensureNetwork(NetworkSpec spec) {
    String name = spec.name();
    try {
      Network existing = findNetwork(name);
      if (existing == null) {
        ReentrantLock lock = networkLocks.computeIfAbsent(name, key -> new ReentrantLock());
        lock.lock();
        try {
          existing = findNetwork(name);
          if (existing == null) {
            existing = create(spec);
          }
        } finally {
          lock.unlock();
        }
      }
      NetworkInfo info = networkInfo(existing);
      warnIfItDiffers(spec, info);
      return info;
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "ensure network " + name);
    }
  }

  /** Creates the network, or finds the one another agent created meanwhile. */
  private Network create(NetworkSpec spec) {
    var command =
        client
            .createNetworkCmd()
            .withName(spec.name())
            .withDriver("bridge")
            .withLabels(spec.labels())
            .withCheckDuplicate(true);
    if (spec.subnet() != null) {
      Network.Ipam.Config config = new Network.Ipam.Config().withSubnet(spec.subnet());
      if (spec.ipRange() != null) {
        config.withIpRange(spec.ipRange());
      }
      command.withIpam(new Network.Ipam().withConfig(config));
    }
    try {
      command.exec();
      log.info(
          "Created Docker network {}{}",
          spec.name(),
          spec.subnet() == null
              ? ""
              : " (subnet "
                  + spec.subnet()
                  + (spec.ipRange() == null ? "" : ", ip range " + spec.ipRange())
                  + ")");
    } catch (RuntimeException e) {
      if (DockerErrors.isUnavailable(e)) {
        throw e;
      }
      // A name conflict, or the subnet taken: another agent on this engine may be creating the
      // network right now (the engine reserves the subnet before the network shows in its list).
      // If so, theirs is ours.
      String message = DockerErrors.message(e);
      boolean maybeRace = e instanceof ConflictException || message.contains("overlap");
      Network created = awaitNetwork(spec.name(), maybeRace ? NETWORK_RACE_WAIT : Duration.ZERO);
      if (created != null) {
        return created;
      }
      if (e instanceof ConflictException) {
        throw e;
      }
      throw new ContainerRuntimeException(
          "create of network "
              + spec.name()
              + (spec.subnet() == null ? "" : " with subnet " + spec.subnet())
              + " failed: "
              + message
              + (spec.subnet() != null && message.contains("overlap")
                  ? " (another Docker network holds part of that subnet: remove it, or choose"
                      + " another pod subnet with CETUS_POD_SUBNET and CETUS_POD_IP_RANGE)"
                  : ""));
    }
    Network created = findNetwork(spec.name());
    if (created == null) {
      throw new ContainerRuntimeException(
          "network " + spec.name() + " vanished right after creation");
    }
    return created;
  }

  /**
   * An existing network made by hand, by Compose or by an older agent may have other addresses than
   * the ones asked for. Pods still run on it, but the cluster IPs the service proxy holds lie in
   * the configured subnet, so pods may not reach them. Said once per network and layout, not on
   * every sandbox.
   */
  private void warnIfItDiffers(NetworkSpec spec, NetworkInfo info) {
    if (spec.matches(info)
        || !mismatchesWarned.add(info.id() + " " + spec.subnet() + " " + spec.ipRange())) {
      return;
    }
    log.warn(
        "Docker network {} exists with subnet {}{}, not the configured subnet {}{}: pods run on it,"
            + " but services' cluster IPs (and the cluster DNS address) may not be reachable from"
            + " them. To fix it, stop the pods on it and remove it (`docker network rm {}`); the"
            + " agent then creates it with the configured subnet. Or set CETUS_POD_SUBNET and"
            + " CETUS_POD_IP_RANGE to match it.",
        info.name(),
        info.subnet() == null ? "(none)" : info.subnet(),
        info.ipRange() == null ? "" : " and ip range " + info.ipRange(),
        spec.subnet(),
        spec.ipRange() == null ? "" : " and ip range " + spec.ipRange(),
        info.name());
  }

  @Override
  public void removeNetwork(String name) {
    try {
      Network network = findNetwork(name);
      if (network != null) {
        client.removeNetworkCmd(network.getId()).exec();
      }
    } catch (NotFoundException e) {
      // already gone
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "remove network " + name);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>On Docker a start is three requests when the image is present: create, start, and an inspect
   * whose answer {@link #inspect} and {@link #list} then use. The name is not looked up first (a
   * create under a taken name fails, and then the existing container is used), nor is the image (a
   * create of a missing one fails, and only then is it pulled), except under {@link
   * ImagePullPolicy#ALWAYS}, which must not pull for an existing container.
   */
  @Override
  public ContainerHandle start(ContainerSpec spec) {
    InspectContainerResponse response =
        spec.pullPolicy() == ImagePullPolicy.ALWAYS ? inspectIfExists(spec.name()) : null;
    String id;
    if (response != null) {
      id = response.getId();
    } else {
      Creation creation = create(spec);
      id = creation.id();
      response = creation.existing();
    }
    if (response == null
        || DockerStatuses.state(
                response.getState().getStatus(),
                response.getState().getRunning(),
                response.getState().getStartedAt())
            == ContainerState.CREATED) {
      // Open the event stream first, so an exit or OOM kill right after the start is seen.
      events.ensureOpen();
      startCreated(spec, id);
      response = inspectRaw(id);
    }
    Instant startedAt = DockerStatuses.time(response.getState().getStartedAt());
    return new ContainerHandle(id, spec, startedAt != null ? startedAt : clock.instant());
  }

  @Override
  public Optional<ContainerHandle> recover(ContainerHandle handle) {
    InspectContainerResponse response = inspectIfExists(handle.containerId());
    if (response == null) {
      return Optional.empty();
    }
    Instant startedAt = DockerStatuses.time(response.getState().getStartedAt());
    return Optional.of(
        new ContainerHandle(
            handle.version(),
            response.getId(),
            handle.spec(),
            startedAt != null ? startedAt : handle.startedAt()));
  }

  @Override
  public CompletableFuture<ExitResult> awaitExit(String containerId) {
    String id = known(containerId).getId();
    events.ensureOpen();
    CompletableFuture<ExitResult> shared =
        exits.computeIfAbsent(id, key -> new CompletableFuture<>());
    // Checked after registering: an exit between the inspect above and now is caught here, any
    // later one by its die event. A kept answer will do: a die event seen before the registration
    // dropped it, and one seen after it checks again.
    checkExit(id, true);
    return shared.copy();
  }

  @Override
  public void stop(String containerId, Duration gracePeriod) {
    long seconds = (gracePeriod.toMillis() + 999) / 1000;
    try {
      streamClient
          .stopContainerCmd(containerId)
          .withTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds)))
          .exec();
    } catch (NotModifiedException e) {
      // not running: nothing to stop
    } catch (NotFoundException e) {
      throw new ContainerNotFoundException(containerId);
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "stop of container " + containerId);
    } finally {
      changed(containerId);
    }
  }

  @Override
  public void destroy(String containerId, boolean force) {
    try {
      client.removeContainerCmd(containerId).withForce(force).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already gone
    } catch (ConflictException e) {
      String message = DockerErrors.message(e);
      if (!message.contains("already in progress")) {
        throw new ContainerRuntimeException(
            "cannot remove container " + containerId + ": " + message);
      }
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "removal of container " + containerId);
    } finally {
      changed(containerId);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered from the last inspect while the event stream says the container has not changed
   * since (see {@link InspectCache}), else by the engine.
   */
  @Override
  public ContainerStatus inspect(String containerId) {
    return status(known(containerId));
  }

  /**
   * {@inheritDoc}
   *
   * <p>One list request; a container is inspected only if it changed since it was last inspected,
   * or the event stream is not open (see {@link InspectCache}).
   */
  @Override
  public List<ContainerStatus> list(Map<String, String> labels) {
    List<Container> containers;
    try {
      var command = client.listContainersCmd().withShowAll(true);
      if (!labels.isEmpty()) {
        command.withLabelFilter(labels);
      }
      containers = command.exec();
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "list of containers");
    }
    List<ContainerStatus> statuses = new ArrayList<>(containers.size());
    for (Container container : containers) {
      InspectContainerResponse response = inspections.get(container.getId(), container.getState());
      if (response == null) {
        response = inspectIfExists(container.getId());
      }
      // Removed since the listing: skip it.
      if (response != null) {
        statuses.add(status(response));
      }
    }
    return statuses;
  }

  @Override
  public ExecSession exec(String containerId, ExecRequest request, ExecOutput output) {
    String execId;
    try {
      execId =
          client
              .execCreateCmd(containerId)
              .withCmd(request.command().toArray(String[]::new))
              .withAttachStdout(true)
              .withAttachStderr(true)
              .withAttachStdin(request.stdin())
              .withTty(request.tty())
              .exec()
              .getId();
    } catch (NotFoundException e) {
      throw new ContainerNotFoundException(containerId);
    } catch (ConflictException e) {
      throw new ContainerRuntimeException(
          "cannot exec in container " + containerId + ": " + DockerErrors.message(e));
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "exec in container " + containerId);
    }
    return DockerExecSession.start(
        properties,
        execId,
        request,
        output,
        this::execExitCode,
        (id, columns, rows) -> client.resizeExecCmd(id).withSize(rows, columns).exec());
  }

  @Override
  public boolean hasImage(String reference) {
    return imagePresent(reference);
  }

  @Override
  public void pullImage(String reference) {
    puller.pull(reference);
  }

  @Override
  public ExecSession attach(String containerId, AttachRequest request, ExecOutput output) {
    InspectContainerResponse container = inspectRaw(containerId);
    if (container.getState() == null || !Boolean.TRUE.equals(container.getState().getRunning())) {
      throw new ContainerRuntimeException(
          "cannot attach to container " + containerId + ": it is not running");
    }
    boolean tty =
        container.getConfig() != null && Boolean.TRUE.equals(container.getConfig().getTty());
    boolean stdinOpen =
        container.getConfig() != null && Boolean.TRUE.equals(container.getConfig().getStdinOpen());
    return DockerExecSession.attach(
        properties,
        container.getId(),
        request.stdin() && stdinOpen,
        request.stdout(),
        request.stderr(),
        tty,
        output,
        id -> awaitExit(id).thenApply(ExitResult::exitCode),
        (id, columns, rows) -> client.resizeContainerCmd(id).withSize(rows, columns).exec());
  }

  @Override
  public InputStream logs(String containerId, LogOptions options) {
    String id = known(containerId).getId();
    LogCallback callback = new LogCallback();
    QueueInputStream stream =
        new QueueInputStream(
            LOG_QUEUE_CHUNKS,
            options.limitBytes() == null ? 0 : options.limitBytes(),
            callback::close);
    callback.stream = stream;
    var command =
        streamClient
            .logContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(options.follow())
            .withTimestamps(options.timestamps());
    if (options.tailLines() != null) {
      command.withTail(options.tailLines());
    }
    if (options.sinceTime() != null) {
      command.withSince((int) Math.min(Integer.MAX_VALUE, options.sinceTime().getEpochSecond()));
    }
    command.exec(callback);
    callback
        .done()
        .whenComplete(
            (ignored, error) -> {
              if (error == null || callback.closedByUs()) {
                stream.finish();
              } else {
                stream.fail(
                    new IOException(
                        "log stream broke: " + DockerErrors.message(error),
                        DockerErrors.ioCause(error)));
              }
            });
    return stream;
  }

  @Override
  public void close() {
    events.close();
    executor.shutdownNow();
    closeQuietly(client);
    closeQuietly(streamClient);
  }

  /**
   * Creates the container, pulling as its policy says: under {@code ALWAYS} first; otherwise only
   * once the engine has refused the create for want of the image.
   */
  private Creation create(ContainerSpec spec) {
    if (spec.pullPolicy() == ImagePullPolicy.ALWAYS) {
      puller.pull(spec.image());
    }
    try {
      return createOrFind(spec);
    } catch (NotFoundException e) {
      // A missing image, network or namespace owner. A container that has the name already is
      // used as it is, with no pull; otherwise a missing image is pulled (or refused) now.
      InspectContainerResponse existing = inspectIfExists(spec.name());
      if (existing != null) {
        return new Creation(existing.getId(), existing);
      }
      if (spec.pullPolicy() == ImagePullPolicy.ALWAYS || imagePresent(spec.image())) {
        throw DockerErrors.translate(e, "create of container " + spec.name());
      }
      if (spec.pullPolicy() == ImagePullPolicy.NEVER) {
        throw new ImageNotPresentException(spec.image());
      }
      puller.pull(spec.image());
      try {
        return createOrFind(spec);
      } catch (RuntimeException retry) {
        throw DockerErrors.translate(retry, "create of container " + spec.name());
      }
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "create of container " + spec.name());
    }
  }

  /** One create request; a container that has the name already (made concurrently) is ours. */
  private Creation createOrFind(ContainerSpec spec) {
    try {
      String id = DockerSpecs.apply(client.createContainerCmd(spec.image()), spec).exec().getId();
      log.debug("Created container {} ({})", spec.name(), id);
      return new Creation(id, null);
    } catch (ConflictException e) {
      InspectContainerResponse winner = inspectIfExists(spec.name());
      if (winner != null) {
        return new Creation(winner.getId(), winner);
      }
      throw DockerErrors.translate(e, "create of container " + spec.name());
    }
  }

  private boolean imagePresent(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "inspect of image " + image);
    }
  }

  private void startCreated(ContainerSpec spec, String id) {
    try {
      client.startContainerCmd(id).exec();
      log.debug("Started container {} ({})", spec.name(), id);
    } catch (NotModifiedException e) {
      // started concurrently
    } catch (RuntimeException e) {
      ContainerRuntimeException failure =
          DockerErrors.translate(e, "start of container " + spec.name());
      if (!(failure instanceof RuntimeUnavailableException)) {
        // Leave nothing half-made behind: a retried start creates it afresh.
        try {
          client.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException removal) {
          failure.addSuppressed(DockerErrors.translate(removal, "removal of container " + id));
        } finally {
          changed(id);
        }
      }
      throw failure;
    }
  }

  private ContainerStatus status(InspectContainerResponse response) {
    String owner = DockerStatuses.networkNamespaceOwner(response);
    String ownerIp = null;
    if (owner != null) {
      InspectContainerResponse ownerResponse = inspections.get(owner);
      if (ownerResponse == null) {
        ownerResponse = inspectIfExists(owner);
      }
      ownerIp =
          ownerResponse != null
              ? DockerStatuses.ipAddress(ownerResponse.getNetworkSettings())
              : null;
    }
    return DockerStatuses.status(response, events.oomSeen(response.getId()), ownerIp);
  }

  private InspectContainerResponse inspectRaw(String containerId) {
    InspectContainerResponse response = inspectIfExists(containerId);
    if (response == null) {
      throw new ContainerNotFoundException(containerId);
    }
    return response;
  }

  /** The kept answer for the container if it still holds, else the engine's. */
  private InspectContainerResponse known(String containerId) {
    InspectContainerResponse kept = inspections.get(containerId);
    return kept != null ? kept : inspectRaw(containerId);
  }

  /** Asks the engine, and keeps the answer while it holds. */
  private @Nullable InspectContainerResponse inspectIfExists(String containerId) {
    try {
      InspectCache.Token token = inspections.token();
      InspectContainerResponse response = client.inspectContainerCmd(containerId).exec();
      inspections.put(token, response);
      return response;
    } catch (NotFoundException e) {
      return null;
    } catch (RuntimeException e) {
      throw DockerErrors.translate(e, "inspect of container " + containerId);
    }
  }

  /**
   * Resolves the waiters of a container if it has exited (or is gone). Idempotent.
   *
   * @param mayUseKept whether a kept inspect answer will do (see {@link #awaitExit})
   */
  private void checkExit(String id, boolean mayUseKept) {
    CompletableFuture<ExitResult> shared = exits.get(id);
    if (shared == null || shared.isDone()) {
      return;
    }
    InspectContainerResponse kept = mayUseKept ? inspections.get(id) : null;
    InspectContainerResponse response;
    try {
      response = kept != null ? kept : inspectIfExists(id);
    } catch (RuntimeException e) {
      // The engine is unreachable: the reopened event stream triggers another check.
      log.debug("Checking the exit of {} failed", id, e);
      return;
    }
    if (response == null) {
      DieEvent die = dieEvents.get(id);
      if (die != null && die.exitCode() != null) {
        complete(id, new ExitResult(die.exitCode(), events.oomSeen(id), null, die.at()));
      } else {
        fail(id, new ContainerNotFoundException(id));
      }
      return;
    }
    if (!DockerStatuses.exited(response)) {
      return;
    }
    boolean oomSeen = events.oomSeen(id);
    if (DockerStatuses.possiblyOomKilled(response, oomSeen)) {
      events
          .awaitOom(id, properties.oomEventGrace())
          .thenAccept(
              seen -> complete(id, DockerStatuses.exitResult(response, seen, clock.instant())));
    } else {
      complete(id, DockerStatuses.exitResult(response, oomSeen, clock.instant()));
    }
  }

  /** The container may have changed: forget what was kept about it. */
  private void changed(String containerId) {
    if (FULL_ID.matcher(containerId).matches()) {
      inspections.changed(containerId);
    } else {
      // A name or short id: which kept answer it names is unknown.
      inspections.clear();
    }
  }

  private void complete(String id, ExitResult result) {
    dieEvents.remove(id);
    CompletableFuture<ExitResult> shared = exits.remove(id);
    if (shared != null) {
      shared.complete(result);
    }
  }

  private void fail(String id, RuntimeException error) {
    dieEvents.remove(id);
    CompletableFuture<ExitResult> shared = exits.remove(id);
    if (shared != null) {
      shared.completeExceptionally(error);
    }
  }

  /** The exit code of an exec whose output has ended; the engine may take a moment to record it. */
  private CompletableFuture<Integer> execExitCode(String execId) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    pollExecExit(execId, result, 0);
    return result;
  }

  private void pollExecExit(String execId, CompletableFuture<Integer> result, int attempt) {
    try {
      InspectExecResponse response = client.inspectExecCmd(execId).exec();
      if (!Boolean.TRUE.equals(response.isRunning()) && response.getExitCodeLong() != null) {
        result.complete(response.getExitCodeLong().intValue());
        return;
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(DockerErrors.translate(e, "inspect of exec " + execId));
      return;
    }
    if (attempt >= EXEC_EXIT_POLLS) {
      result.completeExceptionally(
          new ContainerRuntimeException("exec " + execId + " still runs after its output ended"));
      return;
    }
    CompletableFuture.runAsync(
        () -> pollExecExit(execId, result, attempt + 1),
        CompletableFuture.delayedExecutor(EXEC_EXIT_POLL_MILLIS, TimeUnit.MILLISECONDS, executor));
  }

  /** Looks for the network until it shows or {@code wait} has passed; once at least. */
  private @Nullable Network awaitNetwork(String name, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Network network = findNetwork(name);
      if (network != null || System.nanoTime() - deadline >= 0) {
        return network;
      }
      try {
        Thread.sleep(NETWORK_POLL.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** The network of that name; the oldest if there are several, which is said once. */
  private @Nullable Network findNetwork(String name) {
    List<Network> named =
        client.listNetworksCmd().withNameFilter(name).exec().stream()
            .filter(network -> name.equals(network.getName()))
            .sorted(Comparator.comparing(DockerContainerRuntime::createdAt))
            .toList();
    if (named.size() > 1 && duplicatesWarned.add(name)) {
      log.warn(
          "{} Docker networks are named {} (created concurrently: the engine does not keep"
              + " network names unique), so containers cannot join it by name until only one is"
              + " left. Remove the others while no container is attached to them: `docker network"
              + " rm <id>` with the ids `docker network ls --filter name={}` lists.",
          named.size(),
          name,
          name);
    }
    return named.isEmpty() ? null : named.getFirst();
  }

  private static Date createdAt(Network network) {
    return network.getCreated() == null ? new Date(0) : network.getCreated();
  }

  private static NetworkInfo networkInfo(Network network) {
    String subnet = null;
    String gateway = null;
    String ipRange = null;
    if (network.getIpam() != null && network.getIpam().getConfig() != null) {
      for (Network.Ipam.Config config : network.getIpam().getConfig()) {
        if (config.getSubnet() != null && config.getSubnet().contains(".")) {
          subnet = config.getSubnet();
          gateway = config.getGateway();
          ipRange =
              config.getIpRange() == null || config.getIpRange().isBlank()
                  ? null
                  : config.getIpRange();
          break;
        }
      }
    }
    return new NetworkInfo(network.getId(), network.getName(), subnet, gateway, ipRange);
  }

  /** A docker-java client for the engine; streams need one without a response timeout. */
  static DockerClient dockerClient(
      DockerRuntimeProperties properties, @Nullable Duration responseTimeout) {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(properties.host().toString())
            .withDockerTlsVerify(false)
            .withApiVersion(properties.apiVersion())
            .build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .maxConnections(properties.maxConnections())
            .connectionTimeout(properties.connectTimeout())
            .responseTimeout(responseTimeout)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException e) {
      log.debug("Closing the Docker client failed", e);
    }
  }

  /** Feeds a log stream; blocks the engine's stream while the reader is behind. */
  private static final class LogCallback extends StreamCallback<Frame> {
    private volatile @Nullable QueueInputStream stream;

    @Override
    public void onNext(Frame frame) {
      QueueInputStream target = Objects.requireNonNull(stream);
      try {
        if (!target.push(frame.getPayload())) {
          close();
        }
      } catch (java.io.InterruptedIOException e) {
        close();
      }
    }
  }

  private final class ExitListener implements DockerEvents.Listener {
    @Override
    public void changed(String containerId, String action) {
      inspections.event(containerId, action);
    }

    @Override
    public void died(String containerId, @Nullable Integer exitCode, Instant at) {
      if (exits.containsKey(containerId)) {
        dieEvents.put(containerId, new DieEvent(exitCode, at));
        executor.execute(() -> checkExit(containerId, false));
      }
    }

    @Override
    public void destroyed(String containerId) {
      if (exits.containsKey(containerId)) {
        executor.execute(() -> checkExit(containerId, false));
      }
    }

    @Override
    public void resubscribed() {
      for (String id : exits.keySet()) {
        executor.execute(() -> checkExit(id, false));
      }
    }
  }
}
