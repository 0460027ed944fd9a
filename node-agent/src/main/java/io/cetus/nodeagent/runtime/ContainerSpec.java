package io.cetus.nodeagent.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Everything a runtime needs to create and start one container. Build one with {@link
 * #builder(String, String)}.
 *
 * <p>The {@code name} identifies the container on the engine: {@link ContainerRuntime#start} never
 * creates two containers with one name. Labels are applied as given; the node agent sets {@code
 * io.cetus.node}, {@code io.cetus.pod-uid} and {@code io.cetus.container} on every container.
 *
 * <p>{@code command} replaces the image's entrypoint and {@code args} its arguments, as in
 * Kubernetes: with a command and no args, the image's default arguments are dropped too; both empty
 * runs the image's defaults.
 *
 * <p>A container that {@link NetworkMode.JoinContainer joins} another's network namespace can
 * neither publish ports nor set a hostname or resolver settings ({@code dns}): they belong to the
 * namespace's owner, and the engine gives the joined container the owner's {@code resolv.conf}.
 */
public record ContainerSpec(
    String name,
    String image,
    ImagePullPolicy pullPolicy,
    List<String> command,
    List<String> args,
    @Nullable String workingDir,
    Map<String, String> env,
    Map<String, String> labels,
    List<Mount> mounts,
    NetworkMode network,
    List<PortMapping> ports,
    Resources resources,
    boolean init,
    @Nullable String hostname,
    boolean stdin,
    boolean tty,
    @Nullable DnsConfig dns) {

  /** The names engines accept (Docker's rule). */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "container name must match " + NAME.pattern() + ": '" + name + "'");
    }
    Objects.requireNonNull(image, "image");
    if (image.isBlank()) {
      throw new IllegalArgumentException("image must not be blank");
    }
    Objects.requireNonNull(pullPolicy, "pullPolicy");
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = orderedCopy(env);
    labels = orderedCopy(labels);
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(network, "network");
    ports = List.copyOf(ports);
    Objects.requireNonNull(resources, "resources");
    if (workingDir != null && workingDir.isBlank()) {
      workingDir = null;
    }
    if (hostname != null && hostname.isBlank()) {
      hostname = null;
    }
    if (network instanceof NetworkMode.JoinContainer) {
      if (!ports.isEmpty()) {
        throw new IllegalArgumentException(
            "a container joining another's network namespace cannot publish ports");
      }
      if (hostname != null) {
        throw new IllegalArgumentException(
            "a container joining another's network namespace cannot set a hostname");
      }
      if (dns != null) {
        throw new IllegalArgumentException(
            "a container joining another's network namespace cannot set its DNS configuration");
      }
    }
  }

  public static Builder builder(String name, String image) {
    return new Builder(name, image);
  }

  public Builder toBuilder() {
    Builder b = new Builder(name, image);
    b.pullPolicy = pullPolicy;
    b.command = new ArrayList<>(command);
    b.args = new ArrayList<>(args);
    b.workingDir = workingDir;
    b.env = new LinkedHashMap<>(env);
    b.labels = new LinkedHashMap<>(labels);
    b.mounts = new ArrayList<>(mounts);
    b.network = network;
    b.ports = new ArrayList<>(ports);
    b.resources = resources;
    b.init = init;
    b.hostname = hostname;
    b.stdin = stdin;
    b.tty = tty;
    b.dns = dns;
    return b;
  }

  private static Map<String, String> orderedCopy(Map<String, String> map) {
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Builds a {@link ContainerSpec}. Defaults: pull {@link ImagePullPolicy#IF_NOT_PRESENT}, the
   * image's command, the engine's default network and resolver settings, no ports, no limits, no
   * init process.
   */
  public static final class Builder {
    private final String name;
    private final String image;
    private ImagePullPolicy pullPolicy = ImagePullPolicy.IF_NOT_PRESENT;
    private List<String> command = new ArrayList<>();
    private List<String> args = new ArrayList<>();
    private @Nullable String workingDir;
    private Map<String, String> env = new LinkedHashMap<>();
    private Map<String, String> labels = new LinkedHashMap<>();
    private List<Mount> mounts = new ArrayList<>();
    private NetworkMode network = NetworkMode.engineDefault();
    private List<PortMapping> ports = new ArrayList<>();
    private Resources resources = Resources.NONE;
    private boolean init;
    private @Nullable String hostname;
    private boolean stdin;
    private boolean tty;
    private @Nullable DnsConfig dns;

    private Builder(String name, String image) {
      this.name = name;
      this.image = image;
    }

    public Builder pullPolicy(ImagePullPolicy pullPolicy) {
      this.pullPolicy = pullPolicy;
      return this;
    }

    public Builder command(String... command) {
      return command(List.of(command));
    }

    public Builder command(List<String> command) {
      this.command = new ArrayList<>(command);
      return this;
    }

    public Builder args(String... args) {
      return args(List.of(args));
    }

    public Builder args(List<String> args) {
      this.args = new ArrayList<>(args);
      return this;
    }

    public Builder workingDir(@Nullable String workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env.putAll(env);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> labels) {
      this.labels.putAll(labels);
      return this;
    }

    public Builder mount(Mount mount) {
      mounts.add(mount);
      return this;
    }

    public Builder network(NetworkMode network) {
      this.network = network;
      return this;
    }

    public Builder port(PortMapping port) {
      ports.add(port);
      return this;
    }

    public Builder resources(Resources resources) {
      this.resources = resources;
      return this;
    }

    public Builder init(boolean init) {
      this.init = init;
      return this;
    }

    public Builder hostname(@Nullable String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder stdin(boolean stdin) {
      this.stdin = stdin;
      return this;
    }

    public Builder tty(boolean tty) {
      this.tty = tty;
      return this;
    }

    /** Resolver settings in place of the engine's; {@code null} keeps the engine's. */
    public Builder dns(@Nullable DnsConfig dns) {
      this.dns = dns;
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(
          name,
          image,
          pullPolicy,
          command,
          args,
          workingDir,
          env,
          labels,
          mounts,
          network,
          ports,
          resources,
          init,
          hostname,
          stdin,
          tty,
          dns);
    }
  }
}
