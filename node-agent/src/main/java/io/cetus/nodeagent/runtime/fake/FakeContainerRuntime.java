package io.cetus.nodeagent.runtime.fake;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

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
import io.cetus.nodeagent.runtime.ExecResult;
import io.cetus.nodeagent.runtime.ExecSession;
import io.cetus.nodeagent.runtime.ExecStartException;
import io.cetus.nodeagent.runtime.ExitResult;
import io.cetus.nodeagent.runtime.ImageNotPresentException;
import io.cetus.nodeagent.runtime.ImagePullException;
import io.cetus.nodeagent.runtime.Ipv4Cidr;
import io.cetus.nodeagent.runtime.LogOptions;
import io.cetus.nodeagent.runtime.NetworkInfo;
import io.cetus.nodeagent.runtime.NetworkMode;
import io.cetus.nodeagent.runtime.NetworkSpec;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.QueueInputStream;
import io.cetus.nodeagent.runtime.RuntimeCapabilities;
import io.cetus.nodeagent.runtime.RuntimeInfo;

/**
 * A {@link ContainerRuntime} that runs nothing: a container "runs" from its start until it is
 * stopped, destroyed, or made to exit by the caller ({@link #crash}, {@link #oomKill}) or by the
 * {@link FakeProgram} its spec matches. Thread-safe; every time it reports comes from the injected
 * {@link Clock}. Futures are completed outside its lock, so their callbacks may call back in.
 *
 * <p>It behaves as the Docker engine does where the node agent can tell:
 *
 * <ul>
 *   <li>Images: {@link #addImage present} ones are used under {@code IfNotPresent} with no pull;
 *       missing ones are pulled only if {@link #allowPull pullable}, else the start fails with
 *       {@link ImagePullException}. A reference without a tag means {@code :latest}. {@link
 *       #addEveryImage} makes every image present and pullable (hollow nodes).
 *   <li>Networks: a container on a named network needs {@link #ensureNetwork} first and gets the
 *       next address of the network's ip range (from its second address, the first being the
 *       gateway's, when the range starts the subnet), or, for a network made without a subnet, of a
 *       /16 of its own (the engine default network is 172.17.0.0/16); one joining another's
 *       namespace needs that container running and reports its address. An existing network is
 *       returned unchanged, whatever subnet the caller asked for.
 *   <li>Ports: host port 0 takes the next free port from 32768; a host port a running container
 *       holds fails the start, which removes the container. Ports are released on exit.
 *   <li>Stop: SIGTERM ends the process with 143, or 137 if it {@link FakeProcess#ignoreSigterm()
 *       ignores it} (the grace period is not waited out: no time passes in a fake).
 *   <li>Exec: scripted results ({@link #scriptExec}) or handlers ({@link #onExec}) by command;
 *       anything else cannot start: its session fails with {@link ExecStartException} ("executable
 *       file not found"), as a missing binary does under Docker.
 *   <li>Attach: a caller receives what the main process writes from then on and its exit; with
 *       {@code stdin} in the spec, what the caller writes is the process' {@link
 *       FakeProcess#stdin()}.
 *   <li>Logs: lines a program, a handler or {@link #appendLog} write, with the clock's time; a
 *       followed stream ends when the container stops.
 * </ul>
 */
public final class FakeContainerRuntime implements ContainerRuntime {

  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final int FIRST_DYNAMIC_PORT = 32768;
  private static final int SIGTERM_EXIT = 143;
  private static final int SIGKILL_EXIT = 137;

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<@Nullable List<Runnable>> currentAfter = new ThreadLocal<>();
  private final Set<String> images = new HashSet<>();
  private final Set<String> pullable = new HashSet<>();
  private final Map<String, Integer> pulls = new HashMap<>();
  private final List<Rule<Predicate<ContainerSpec>, FakeProgram>> programs = new ArrayList<>();
  private final List<Rule<Predicate<List<String>>, FakeExecHandler>> execHandlers =
      new ArrayList<>();
  private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
  private final Map<String, String> idsByName = new HashMap<>();
  private final Map<String, FakeNetwork> networks = new LinkedHashMap<>();
  private final FakeNetwork engineDefault =
      new FakeNetwork("bridge", "bridge", new Ipv4Cidr(172 << 24 | 17 << 16, 16), null);
  private RuntimeInfo info =
      new RuntimeInfo(
          "fake", "1.0.0", "1.0", "Fake Linux", "linux", "amd64", "6.1.0-fake", 4, 8L << 30);
  private boolean everyImage;
  private long nextId = 1;
  private int nextHostPort = FIRST_DYNAMIC_PORT;

  private record Rule<M, A>(M matcher, A action) {}

  public FakeContainerRuntime(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Makes images present on the engine. */
  public FakeContainerRuntime addImage(String... references) {
    return locked(
        after -> {
          for (String reference : references) {
            images.add(normalize(reference));
          }
          return this;
        });
  }

  /** Lets images be pulled (a pull makes them present). */
  public FakeContainerRuntime allowPull(String... references) {
    return locked(
        after -> {
          for (String reference : references) {
            pullable.add(normalize(reference));
          }
          return this;
        });
  }

  /**
   * Makes every image present and every pull succeed, as a hollow node's engine that has whatever a
   * pod asks for (pulls are still counted).
   */
  public FakeContainerRuntime addEveryImage() {
    return locked(
        after -> {
          everyImage = true;
          return this;
        });
  }

  @Override
  public boolean hasImage(String reference) {
    return locked(after -> everyImage || images.contains(normalize(reference)));
  }

  @Override
  public void pullImage(String reference) {
    locked(
        after -> {
          pull(reference, normalize(reference));
          return null;
        });
  }

  /** Pull attempts for an image so far, failed ones included. */
  public int pullCount(String reference) {
    return locked(after -> pulls.getOrDefault(normalize(reference), 0));
  }

  /** What containers whose spec matches do when they start; the first matching rule applies. */
  public FakeContainerRuntime onStart(Predicate<ContainerSpec> matcher, FakeProgram program) {
    return locked(
        after -> {
          programs.add(new Rule<>(matcher, program));
          return this;
        });
  }

  /** What an exec'd command matching does; the first matching rule applies. */
  public FakeContainerRuntime onExec(Predicate<List<String>> matcher, FakeExecHandler handler) {
    return locked(
        after -> {
          execHandlers.add(new Rule<>(matcher, handler));
          return this;
        });
  }

  /** Makes exactly this command print the result's output and exit with its code. */
  public FakeContainerRuntime scriptExec(List<String> command, ExecResult result) {
    List<String> expected = List.copyOf(command);
    return onExec(
        expected::equals,
        exec -> {
          if (!result.stdout().isEmpty()) {
            exec.stdout(result.stdout());
          }
          if (!result.stderr().isEmpty()) {
            exec.stderr(result.stderr());
          }
          return result.exitCode();
        });
  }

  /** What {@link #fingerprint()} reports. */
  public FakeContainerRuntime withInfo(RuntimeInfo info) {
    return locked(
        after -> {
          this.info = Objects.requireNonNull(info, "info");
          return this;
        });
  }

  /** Makes a running container exit with this code. */
  public void crash(String containerId, int exitCode) {
    locked(
        after -> {
          FakeContainer container = running(containerId);
          exit(container, exitCode, false, after);
          return null;
        });
  }

  /** Makes a running container exit as the kernel's OOM killer leaves it: 137, OOM-killed. */
  public void oomKill(String containerId) {
    locked(
        after -> {
          FakeContainer container = running(containerId);
          exit(container, SIGKILL_EXIT, true, after);
          return null;
        });
  }

  /** Ends the process if it still runs; for its own program, which may race with a stop. */
  void terminate(String containerId, int exitCode, boolean oomKilled) {
    locked(
        after -> {
          FakeContainer container = lookup(containerId);
          if (container != null) {
            exit(container, exitCode, oomKilled, after);
          }
          return null;
        });
  }

  /** Appends a line to a container's stdout (a newline is added if missing). */
  public void appendLog(String containerId, String line) {
    appendLog(
        containerId,
        false,
        (line.endsWith("\n") ? line : line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Appends output to a container's logs, one entry per line, as the engine stores it. */
  public void appendLog(String containerId, boolean stderr, byte[] bytes) {
    locked(
        after -> {
          FakeContainer container = find(containerId);
          Instant now = clock.instant();
          int start = 0;
          for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
              addLogEntry(
                  container,
                  new LogEntry(now, stderr, java.util.Arrays.copyOfRange(bytes, start, i + 1)));
              start = i + 1;
            }
          }
          if (start < bytes.length) {
            addLogEntry(
                container,
                new LogEntry(
                    now, stderr, java.util.Arrays.copyOfRange(bytes, start, bytes.length)));
          }
          return null;
        });
  }

  /** The container owning the network namespace this one uses: itself unless it joined another. */
  public String networkNamespaceOwner(String containerId) {
    return locked(after -> namespaceOwner(find(containerId)).id);
  }

  /** The process of a container, to act on it as its program would. */
  public FakeProcess process(String containerId) {
    return locked(after -> find(containerId).process);
  }

  void ignoreSigterm(String containerId) {
    locked(
        after -> {
          find(containerId).ignoresSigterm = true;
          return null;
        });
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public RuntimeCapabilities capabilities() {
    return RuntimeCapabilities.all();
  }

  @Override
  public RuntimeInfo fingerprint() {
    return locked(after -> info);
  }

  @Override
  public NetworkInfo ensureNetwork(NetworkSpec spec) {
    return locked(
        after -> {
          FakeNetwork network = networks.get(spec.name());
          if (network == null) {
            network =
                spec.subnet() == null
                    // 10.<n>.0.0/16 for the n-th network, as Docker hands out distinct ranges.
                    ? new FakeNetwork(
                        spec.name(),
                        "net-" + spec.name(),
                        new Ipv4Cidr(10 << 24 | (networks.size() + 1) << 16, 16),
                        null)
                    : new FakeNetwork(
                        spec.name(),
                        "net-" + spec.name(),
                        Ipv4Cidr.parse(spec.subnet()),
                        spec.ipRange() == null ? null : Ipv4Cidr.parse(spec.ipRange()));
            networks.put(spec.name(), network);
          }
          return network.info();
        });
  }

  @Override
  public void removeNetwork(String name) {
    locked(
        after -> {
          FakeNetwork network = networks.get(name);
          if (network == null) {
            return null;
          }
          boolean inUse =
              containers.values().stream()
                  .anyMatch(c -> c.state == ContainerState.RUNNING && c.network == network);
          if (inUse) {
            throw new ContainerRuntimeException("network " + name + " has active endpoints");
          }
          networks.remove(name);
          return null;
        });
  }

  @Override
  public ContainerHandle start(ContainerSpec spec) {
    FakeContainer started =
        locked(
            after -> {
              String existingId = idsByName.get(spec.name());
              if (existingId != null) {
                FakeContainer existing = containers.get(existingId);
                if (existing.state == ContainerState.CREATED) {
                  run(existing, after);
                  return existing;
                }
                return null;
              }
              ensureImage(spec);
              FakeContainer container = create(spec);
              run(container, after);
              return container;
            });
    if (started != null) {
      // Outside the lock: a program may print, exit, or call back in.
      program(started.spec).ifPresent(program -> program.started(started.process));
    }
    return locked(
        after -> {
          FakeContainer container = find(spec.name());
          return new ContainerHandle(
              container.id, container.spec, Objects.requireNonNull(container.startedAt));
        });
  }

  @Override
  public Optional<ContainerHandle> recover(ContainerHandle handle) {
    return locked(
        after -> {
          FakeContainer container = containers.get(handle.containerId());
          if (container == null) {
            return Optional.empty();
          }
          Instant startedAt =
              container.startedAt != null ? container.startedAt : handle.startedAt();
          return Optional.of(
              new ContainerHandle(handle.version(), container.id, handle.spec(), startedAt));
        });
  }

  @Override
  public CompletableFuture<ExitResult> awaitExit(String containerId) {
    return locked(after -> find(containerId).exit.copy());
  }

  @Override
  public void stop(String containerId, Duration gracePeriod) {
    locked(
        after -> {
          FakeContainer container = find(containerId);
          if (container.state == ContainerState.RUNNING) {
            exit(container, container.ignoresSigterm ? SIGKILL_EXIT : SIGTERM_EXIT, false, after);
          }
          return null;
        });
  }

  @Override
  public void destroy(String containerId, boolean force) {
    locked(
        after -> {
          FakeContainer container = lookup(containerId);
          if (container == null) {
            return null;
          }
          if (container.state == ContainerState.RUNNING) {
            if (!force) {
              throw new ContainerRuntimeException(
                  "cannot remove container "
                      + containerId
                      + ": it is running; stop it first or force");
            }
            exit(container, SIGKILL_EXIT, false, after);
          }
          remove(container, after);
          return null;
        });
  }

  @Override
  public ContainerStatus inspect(String containerId) {
    return locked(after -> status(find(containerId)));
  }

  @Override
  public List<ContainerStatus> list(Map<String, String> labels) {
    return locked(
        after -> {
          List<ContainerStatus> matching = new ArrayList<>();
          for (FakeContainer container : containers.values()) {
            if (container.spec.labels().entrySet().containsAll(labels.entrySet())) {
              matching.add(status(container));
            }
          }
          return matching;
        });
  }

  @Override
  public ExecSession exec(String containerId, ExecRequest request, ExecOutput output) {
    FakeExecSession session =
        locked(
            after -> {
              FakeContainer container = find(containerId);
              if (container.state != ContainerState.RUNNING) {
                throw new ContainerRuntimeException(
                    "cannot exec in container " + containerId + ": it is not running");
              }
              return new FakeExecSession(
                  request, output, container.process, execHandler(request.command()));
            });
    Thread.ofVirtual().name("fake-exec").start(session::run);
    return session;
  }

  @Override
  public ExecSession attach(String containerId, AttachRequest request, ExecOutput output) {
    return locked(
        after -> {
          FakeContainer container = find(containerId);
          if (container.state != ContainerState.RUNNING) {
            throw new ContainerRuntimeException(
                "cannot attach to container " + containerId + ": it is not running");
          }
          FakeAttachSession[] session = new FakeAttachSession[1];
          session[0] =
              new FakeAttachSession(
                  request,
                  container.spec.tty(),
                  container.stdin,
                  output,
                  () ->
                      locked(
                          later -> {
                            container.attached.remove(session[0]);
                            return null;
                          }));
          container.attached.add(session[0]);
          return session[0];
        });
  }

  @Override
  public InputStream logs(String containerId, LogOptions options) {
    return locked(
        after -> {
          FakeContainer container = find(containerId);
          List<LogEntry> entries = new ArrayList<>();
          for (LogEntry entry : container.logs) {
            if (options.sinceTime() == null || !entry.at.isBefore(options.sinceTime())) {
              entries.add(entry);
            }
          }
          if (options.tailLines() != null && entries.size() > options.tailLines()) {
            entries = entries.subList(entries.size() - options.tailLines(), entries.size());
          }
          long limit = options.limitBytes() == null ? 0 : options.limitBytes();
          QueueInputStream stream =
              new QueueInputStream(Integer.MAX_VALUE, limit, () -> unfollow(container));
          for (LogEntry entry : entries) {
            pushQuietly(stream, entry.render(options.timestamps()));
          }
          if (options.follow() && container.state != ContainerState.EXITED) {
            container.followers.add(new Follower(stream, options.timestamps()));
          } else {
            stream.finish();
          }
          return stream;
        });
  }

  @Override
  public void close() {
    locked(
        after -> {
          for (FakeContainer container : containers.values()) {
            container.followers.forEach(f -> f.stream.finish());
            container.followers.clear();
          }
          return null;
        });
  }

  private void ensureImage(ContainerSpec spec) {
    String image = normalize(spec.image());
    boolean present = everyImage || images.contains(image);
    switch (spec.pullPolicy()) {
      case NEVER -> {
        if (!present) {
          throw new ImageNotPresentException(spec.image());
        }
      }
      case IF_NOT_PRESENT -> {
        if (!present) {
          pull(spec.image(), image);
        }
      }
      case ALWAYS -> pull(spec.image(), image);
    }
  }

  private void pull(String reference, String image) {
    pulls.merge(image, 1, Integer::sum);
    if (!everyImage && !pullable.contains(image)) {
      throw new ImagePullException(
          reference,
          true,
          "failed to pull image " + reference + ": not found in any reachable registry",
          null);
    }
    images.add(image);
  }

  private FakeContainer create(ContainerSpec spec) {
    FakeNetwork network = null;
    FakeContainer owner = null;
    switch (spec.network()) {
      case NetworkMode.Named named -> {
        network = networks.get(named.network());
        if (network == null) {
          throw new ContainerRuntimeException(
              "create of container "
                  + spec.name()
                  + " failed: network "
                  + named.network()
                  + " not found");
        }
      }
      case NetworkMode.EngineDefault ignored -> network = engineDefault;
      case NetworkMode.JoinContainer join -> {
        owner = lookup(join.containerId());
        if (owner == null) {
          throw new ContainerRuntimeException(
              "create of container "
                  + spec.name()
                  + " failed: no such container: "
                  + join.containerId());
        }
      }
      case NetworkMode.Host ignored -> {}
      case NetworkMode.None ignored -> {}
    }
    String id = String.format("%064x", nextId++);
    FakeContainer container = new FakeContainer(this, id, spec, network, owner, clock.instant());
    containers.put(id, container);
    idsByName.put(spec.name(), id);
    return container;
  }

  private void run(FakeContainer container, List<Runnable> after) {
    if (container.owner != null && container.owner.state != ContainerState.RUNNING) {
      remove(container, after);
      throw new ContainerRuntimeException(
          "start of container "
              + container.spec.name()
              + " failed: cannot join the network of a non-running container "
              + container.owner.id);
    }
    List<PortMapping> published = new ArrayList<>();
    for (PortMapping port : container.spec.ports()) {
      int hostPort = port.hostPort();
      String hostIp = port.hostIp() == null ? "0.0.0.0" : port.hostIp();
      if (hostPort == 0) {
        hostPort = nextFreePort();
      } else if (portTaken(hostIp, hostPort, port)) {
        remove(container, after);
        throw new ContainerRuntimeException(
            "start of container "
                + container.spec.name()
                + " failed: Bind for "
                + hostIp
                + ":"
                + hostPort
                + " failed: port is already allocated");
      }
      published.add(new PortMapping(port.containerPort(), port.protocol(), hostIp, hostPort));
    }
    container.publishedPorts = published;
    if (container.network != null) {
      container.ipAddress = container.network.nextAddress();
    }
    container.state = ContainerState.RUNNING;
    container.startedAt = clock.instant();
  }

  private boolean portTaken(String hostIp, int hostPort, PortMapping wanted) {
    for (FakeContainer other : containers.values()) {
      if (other.state != ContainerState.RUNNING) {
        continue;
      }
      for (PortMapping used : other.publishedPorts) {
        boolean sameAddress =
            used.hostIp() == null
                || "0.0.0.0".equals(used.hostIp())
                || "0.0.0.0".equals(hostIp)
                || Objects.equals(used.hostIp(), hostIp);
        if (used.hostPort() == hostPort && used.protocol() == wanted.protocol() && sameAddress) {
          return true;
        }
      }
    }
    return false;
  }

  private int nextFreePort() {
    Set<Integer> used = new HashSet<>();
    for (FakeContainer c : containers.values()) {
      if (c.state == ContainerState.RUNNING) {
        c.publishedPorts.forEach(p -> used.add(p.hostPort()));
      }
    }
    for (int i = 0; i < 65536 - FIRST_DYNAMIC_PORT; i++) {
      int candidate = nextHostPort;
      nextHostPort = nextHostPort >= 65535 ? FIRST_DYNAMIC_PORT : nextHostPort + 1;
      if (!used.contains(candidate)) {
        return candidate;
      }
    }
    throw new ContainerRuntimeException("no free host port left");
  }

  private void exit(
      FakeContainer container, int exitCode, boolean oomKilled, List<Runnable> after) {
    if (container.state != ContainerState.RUNNING) {
      return;
    }
    Instant now = clock.instant();
    container.state = ContainerState.EXITED;
    container.exitCode = exitCode;
    container.oomKilled = oomKilled;
    container.finishedAt = now;
    container.publishedPorts = List.of();
    container.ipAddress = null;
    List<Follower> followers = new ArrayList<>(container.followers);
    container.followers.clear();
    container.attached.forEach(session -> session.exited(exitCode));
    container.attached.clear();
    if (container.stdin != null) {
      container.stdin.finish();
    }
    ExitResult result = new ExitResult(exitCode, oomKilled, null, now);
    after.add(() -> followers.forEach(f -> f.stream.finish()));
    after.add(() -> container.exit.complete(result));
  }

  private void remove(FakeContainer container, List<Runnable> after) {
    containers.remove(container.id);
    idsByName.remove(container.spec.name(), container.id);
    List<Follower> followers = new ArrayList<>(container.followers);
    container.followers.clear();
    after.add(() -> followers.forEach(f -> f.stream.finish()));
    // Never ran: nobody will ever see an exit.
    after.add(
        () -> container.exit.completeExceptionally(new ContainerNotFoundException(container.id)));
  }

  private void addLogEntry(FakeContainer container, LogEntry entry) {
    container.logs.add(entry);
    for (FakeAttachSession session : container.attached) {
      session.written(entry.stderr(), entry.bytes());
    }
    for (Follower follower : container.followers) {
      pushQuietly(follower.stream, entry.render(follower.timestamps));
    }
  }

  private void unfollow(FakeContainer container) {
    locked(
        after -> {
          container.followers.removeIf(f -> f.stream.isClosed());
          return null;
        });
  }

  private ContainerStatus status(FakeContainer container) {
    boolean running = container.state == ContainerState.RUNNING;
    String ip = null;
    if (running) {
      FakeContainer owner = namespaceOwner(container);
      ip = owner.state == ContainerState.RUNNING ? owner.ipAddress : null;
    }
    return new ContainerStatus(
        container.id,
        container.spec.name(),
        container.spec.image(),
        "sha256:" + Integer.toHexString(normalize(container.spec.image()).hashCode()),
        container.spec.labels(),
        container.state,
        container.exitCode,
        container.oomKilled,
        null,
        container.createdAt,
        container.startedAt,
        container.finishedAt,
        ip,
        running ? container.publishedPorts : List.of());
  }

  private FakeContainer namespaceOwner(FakeContainer container) {
    FakeContainer owner = container;
    while (owner.owner != null) {
      owner = owner.owner;
    }
    return owner;
  }

  private Optional<FakeProgram> program(ContainerSpec spec) {
    return locked(
        after ->
            programs.stream()
                .filter(rule -> rule.matcher().test(spec))
                .map(Rule::action)
                .findFirst());
  }

  private FakeExecHandler execHandler(List<String> command) {
    return execHandlers.stream()
        .filter(rule -> rule.matcher().test(command))
        .map(Rule::action)
        .findFirst()
        .orElse(
            exec -> {
              throw new ExecStartException(
                  "OCI runtime exec failed: exec failed: unable to start container process: exec:"
                      + " \""
                      + command.getFirst()
                      + "\": executable file not found in $PATH: unknown");
            });
  }

  private FakeContainer running(String containerId) {
    FakeContainer container = find(containerId);
    if (container.state != ContainerState.RUNNING) {
      throw new IllegalStateException("container " + containerId + " is not running");
    }
    return container;
  }

  private FakeContainer find(String containerId) {
    FakeContainer container = lookup(containerId);
    if (container == null) {
      throw new ContainerNotFoundException(containerId);
    }
    return container;
  }

  /** By id or, as Docker also allows, by name. */
  private @Nullable FakeContainer lookup(String containerId) {
    FakeContainer container = containers.get(containerId);
    if (container == null) {
      String id = idsByName.get(containerId);
      container = id == null ? null : containers.get(id);
    }
    return container;
  }

  /**
   * Runs {@code action} under the lock. What it adds to {@code after} (completing futures, ending
   * streams) runs once the outermost call has released the lock, even if the action threw.
   */
  private <T> T locked(LockedAction<T> action) {
    lock.lock();
    boolean outermost = lock.getHoldCount() == 1;
    List<Runnable> after =
        outermost ? new ArrayList<>() : Objects.requireNonNull(currentAfter.get());
    if (outermost) {
      currentAfter.set(after);
    }
    try {
      return action.run(after);
    } finally {
      if (outermost) {
        currentAfter.remove();
      }
      lock.unlock();
      if (outermost) {
        after.forEach(Runnable::run);
      }
    }
  }

  @FunctionalInterface
  private interface LockedAction<T> {
    T run(List<Runnable> after);
  }

  private static void pushQuietly(QueueInputStream stream, byte[] bytes) {
    try {
      stream.push(bytes);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A reference without tag or digest means {@code :latest}, as for the Docker engine. */
  static String normalize(String reference) {
    String ref = reference.strip();
    if (ref.contains("@")) {
      return ref;
    }
    int colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? ref : ref + ":latest";
  }

  private static final class FakeContainer {
    final String id;
    final ContainerSpec spec;
    final @Nullable FakeNetwork network;
    final @Nullable FakeContainer owner;
    final Instant createdAt;
    final CompletableFuture<ExitResult> exit = new CompletableFuture<>();
    final List<LogEntry> logs = new ArrayList<>();
    final List<Follower> followers = new ArrayList<>();
    final List<FakeAttachSession> attached = new ArrayList<>();
    final @Nullable QueueInputStream stdin;
    final FakeProcess process;
    ContainerState state = ContainerState.CREATED;
    @Nullable Integer exitCode;
    boolean oomKilled;
    boolean ignoresSigterm;
    @Nullable Instant startedAt;
    @Nullable Instant finishedAt;
    @Nullable String ipAddress;
    List<PortMapping> publishedPorts = List.of();

    FakeContainer(
        FakeContainerRuntime runtime,
        String id,
        ContainerSpec spec,
        @Nullable FakeNetwork network,
        @Nullable FakeContainer owner,
        Instant createdAt) {
      this.stdin = spec.stdin() ? new QueueInputStream(Integer.MAX_VALUE, 0, () -> {}) : null;
      this.process = new FakeProcess(runtime, id, spec, stdin);
      this.id = id;
      this.spec = spec;
      this.network = network;
      this.owner = owner;
      this.createdAt = createdAt;
    }
  }

  private static final class FakeNetwork {
    final String name;
    final String id;
    final Ipv4Cidr subnet;
    final @Nullable Ipv4Cidr ipRange;
    final int gateway;
    long next;

    FakeNetwork(String name, String id, Ipv4Cidr subnet, @Nullable Ipv4Cidr ipRange) {
      this.name = name;
      this.id = id;
      this.subnet = subnet;
      this.ipRange = ipRange;
      this.gateway = subnet.at(1);
      Ipv4Cidr range = ipRange == null ? subnet : ipRange;
      // Docker skips the network's own address and the gateway's.
      this.next = range.base() == subnet.base() ? 2 : 0;
    }

    String nextAddress() {
      Ipv4Cidr range = ipRange == null ? subnet : ipRange;
      int address = range.at(next++);
      if (address == gateway) {
        address = range.at(next++);
      }
      return Ipv4Cidr.format(address);
    }

    NetworkInfo info() {
      return new NetworkInfo(
          id,
          name,
          subnet.toString(),
          Ipv4Cidr.format(gateway),
          ipRange == null ? null : ipRange.toString());
    }
  }

  private record LogEntry(Instant at, boolean stderr, byte[] bytes) {
    byte[] render(boolean timestamps) {
      if (!timestamps) {
        return bytes;
      }
      byte[] prefix = (LOG_TIME.format(at) + " ").getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + bytes.length);
      out.writeBytes(prefix);
      out.writeBytes(bytes);
      return out.toByteArray();
    }
  }

  private record Follower(QueueInputStream stream, boolean timestamps) {}
}
