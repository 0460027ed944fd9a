package io.cetus.nodeagent.runtime.docker;

import java.util.ArrayList;
import java.util.List;

import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.DnsConfig;
import io.cetus.nodeagent.runtime.Mount;
import io.cetus.nodeagent.runtime.NetworkMode;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.Resources;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.TmpfsOptions;

/**
 * Maps a {@link ContainerSpec} onto a Docker create command. Pure: no engine calls, so it is
 * unit-tested on its own.
 */
final class DockerSpecs {

  private DockerSpecs() {}

  /** Fills {@code cmd} (already holding the image) from the spec and returns it. */
  static CreateContainerCmd apply(CreateContainerCmd cmd, ContainerSpec spec) {
    cmd.withName(spec.name())
        .withImage(spec.image())
        .withLabels(spec.labels())
        .withEnv(env(spec))
        .withStdinOpen(spec.stdin())
        .withTty(spec.tty());
    // Docker drops the image's CMD when an entrypoint is given, as Kubernetes drops it when
    // command is, so the two fields map one to one.
    if (!spec.command().isEmpty()) {
      cmd.withEntrypoint(spec.command());
    }
    if (!spec.args().isEmpty()) {
      cmd.withCmd(spec.args());
    }
    if (spec.workingDir() != null) {
      cmd.withWorkingDir(spec.workingDir());
    }
    if (spec.hostname() != null) {
      cmd.withHostName(spec.hostname());
    }
    if (!spec.ports().isEmpty()) {
      cmd.withExposedPorts(exposedPorts(spec.ports()));
    }
    // Aliases are only valid on user-defined networks.
    if (spec.network() instanceof NetworkMode.Named named && !named.aliases().isEmpty()) {
      cmd.withAliases(named.aliases());
    }
    return cmd.withHostConfig(hostConfig(spec));
  }

  static HostConfig hostConfig(ContainerSpec spec) {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode(networkMode(spec.network()));
    if (spec.init()) {
      host.withInit(true);
    }
    if (!spec.mounts().isEmpty()) {
      host.withMounts(mounts(spec.mounts()));
    }
    if (!spec.ports().isEmpty()) {
      host.withPortBindings(portBindings(spec.ports()));
    }
    DnsConfig dns = spec.dns();
    if (dns != null) {
      // Each empty list keeps the engine's default for that resolv.conf line.
      if (!dns.nameservers().isEmpty()) {
        host.withDns(dns.nameservers());
      }
      if (!dns.searches().isEmpty()) {
        host.withDnsSearch(dns.searches());
      }
      if (!dns.options().isEmpty()) {
        host.withDnsOptions(dns.options());
      }
    }
    Resources resources = spec.resources();
    if (resources.memoryLimitBytes() > 0) {
      // Swap equal to the limit means no swap: past the limit the kernel kills, as in Kubernetes.
      host.withMemory(resources.memoryLimitBytes()).withMemorySwap(resources.memoryLimitBytes());
    }
    if (resources.memoryRequestBytes() > 0) {
      host.withMemoryReservation(resources.memoryRequestBytes());
    }
    if (resources.nanoCpus() > 0) {
      host.withNanoCPUs(resources.nanoCpus());
    }
    if (resources.cpuShares() > 0) {
      host.withCpuShares((int) Math.min(Integer.MAX_VALUE, resources.cpuShares()));
    }
    return host;
  }

  static String networkMode(NetworkMode mode) {
    return switch (mode) {
      case NetworkMode.EngineDefault ignored -> "bridge";
      case NetworkMode.Host ignored -> "host";
      case NetworkMode.None ignored -> "none";
      case NetworkMode.Named named -> named.network();
      case NetworkMode.JoinContainer join -> "container:" + join.containerId();
    };
  }

  static List<String> env(ContainerSpec spec) {
    List<String> env = new ArrayList<>(spec.env().size());
    spec.env().forEach((name, value) -> env.add(name + "=" + value));
    return env;
  }

  static List<ExposedPort> exposedPorts(List<PortMapping> ports) {
    return ports.stream().map(DockerSpecs::exposedPort).distinct().toList();
  }

  static Ports portBindings(List<PortMapping> ports) {
    Ports bindings = new Ports();
    for (PortMapping port : ports) {
      String hostPort = port.hostPort() == 0 ? null : Integer.toString(port.hostPort());
      bindings.bind(exposedPort(port), new Ports.Binding(port.hostIp(), hostPort));
    }
    return bindings;
  }

  static List<com.github.dockerjava.api.model.Mount> mounts(List<Mount> mounts) {
    return mounts.stream().map(DockerSpecs::mount).toList();
  }

  private static com.github.dockerjava.api.model.Mount mount(Mount mount) {
    var docker = new com.github.dockerjava.api.model.Mount().withTarget(mount.containerPath());
    return switch (mount) {
      case Mount.HostPath bind ->
          docker.withType(MountType.BIND).withSource(bind.hostPath()).withReadOnly(bind.readOnly());
      case Mount.NamedVolume volume ->
          docker
              .withType(MountType.VOLUME)
              .withSource(volume.volume())
              .withReadOnly(volume.readOnly());
      case Mount.Tmpfs tmpfs -> {
        docker.withType(MountType.TMPFS);
        if (tmpfs.sizeBytes() > 0) {
          docker.withTmpfsOptions(new TmpfsOptions().withSizeBytes(tmpfs.sizeBytes()));
        }
        yield docker;
      }
    };
  }

  private static ExposedPort exposedPort(PortMapping port) {
    InternetProtocol protocol =
        switch (port.protocol()) {
          case TCP -> InternetProtocol.TCP;
          case UDP -> InternetProtocol.UDP;
          case SCTP -> InternetProtocol.SCTP;
        };
    return new ExposedPort(port.containerPort(), protocol);
  }
}
