package io.cetus.nodeagent.runtime.docker;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.DnsConfig;
import io.cetus.nodeagent.runtime.Mount;
import io.cetus.nodeagent.runtime.NetworkMode;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.Protocol;
import io.cetus.nodeagent.runtime.Resources;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerSpecsTest {

  /** A create command that is only built, never sent. */
  private static CreateContainerCmd map(ContainerSpec spec) {
    CreateContainerCmd.Exec neverSent =
        command -> {
          throw new UnsupportedOperationException("not sent in a unit test");
        };
    return DockerSpecs.apply(new CreateContainerCmdImpl(neverSent, null, spec.image()), spec);
  }

  @Test
  void commandReplacesTheEntrypointAndArgsTheCmd() {
    CreateContainerCmd cmd =
        map(
            ContainerSpec.builder("web", "cetus/demo-app:0.1.0")
                .command("java", "-jar", "/app.jar")
                .args("--port", "8080")
                .workingDir("/app")
                .build());

    assertThat(cmd.getName()).isEqualTo("web");
    assertThat(cmd.getImage()).isEqualTo("cetus/demo-app:0.1.0");
    assertThat(cmd.getEntrypoint()).containsExactly("java", "-jar", "/app.jar");
    assertThat(cmd.getCmd()).containsExactly("--port", "8080");
    assertThat(cmd.getWorkingDir()).isEqualTo("/app");
  }

  @Test
  void noCommandKeepsTheImageDefaults() {
    CreateContainerCmd cmd = map(ContainerSpec.builder("web", "cetus/demo-app:0.1.0").build());

    assertThat(cmd.getEntrypoint()).isNull();
    assertThat(cmd.getCmd()).isNull();
    assertThat(cmd.getWorkingDir()).isNull();
    assertThat(cmd.getHostName()).isNull();
    assertThat(cmd.getHostConfig().getInit()).isNull();
  }

  @Test
  void envKeepsItsOrderAndLabelsAreAppliedAsGiven() {
    CreateContainerCmd cmd =
        map(
            ContainerSpec.builder("web", "img")
                .env("B", "2")
                .env("A", "x=y")
                .label("io.cetus.pod-uid", "123")
                .build());

    assertThat(cmd.getEnv()).containsExactly("B=2", "A=x=y");
    assertThat(cmd.getLabels()).containsExactly(java.util.Map.entry("io.cetus.pod-uid", "123"));
  }

  @Test
  void memoryLimitDisablesSwapAndCpuLimitsMapToNanoCpusAndShares() {
    HostConfig host =
        map(ContainerSpec.builder("web", "img")
                .resources(new Resources(64L << 20, 32L << 20, 500_000_000L, 512))
                .build())
            .getHostConfig();

    assertThat(host.getMemory()).isEqualTo(64L << 20);
    assertThat(host.getMemorySwap()).isEqualTo(64L << 20);
    assertThat(host.getMemoryReservation()).isEqualTo(32L << 20);
    assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(host.getCpuShares()).isEqualTo(512);
  }

  @Test
  void noResourcesSetNoLimits() {
    HostConfig host = map(ContainerSpec.builder("web", "img").build()).getHostConfig();

    assertThat(host.getMemory()).isNull();
    assertThat(host.getMemorySwap()).isNull();
    assertThat(host.getNanoCPUs()).isNull();
    assertThat(host.getCpuShares()).isNull();
  }

  @Test
  void portsAreExposedAndBoundWithTheEnginePickingPortZero() {
    CreateContainerCmd cmd =
        map(
            ContainerSpec.builder("web", "img")
                .port(PortMapping.tcp(8080, "127.0.0.1", 0))
                .port(new PortMapping(53, Protocol.UDP, null, 5353))
                .build());

    assertThat(cmd.getExposedPorts()).containsExactly(ExposedPort.tcp(8080), ExposedPort.udp(53));
    Ports.Binding[] tcp =
        cmd.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8080));
    assertThat(tcp)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getHostIp()).isEqualTo("127.0.0.1");
              assertThat(b.getHostPortSpec()).isNull();
            });
    Ports.Binding[] udp =
        cmd.getHostConfig().getPortBindings().getBindings().get(ExposedPort.udp(53));
    assertThat(udp)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getHostIp()).isNull();
              assertThat(b.getHostPortSpec()).isEqualTo("5353");
            });
  }

  @Test
  void networkModesMapToDockersNames() {
    assertThat(DockerSpecs.networkMode(NetworkMode.engineDefault())).isEqualTo("bridge");
    assertThat(DockerSpecs.networkMode(new NetworkMode.Host())).isEqualTo("host");
    assertThat(DockerSpecs.networkMode(new NetworkMode.None())).isEqualTo("none");
    assertThat(DockerSpecs.networkMode(NetworkMode.named("cetus"))).isEqualTo("cetus");
    assertThat(DockerSpecs.networkMode(NetworkMode.joinContainer("abc")))
        .isEqualTo("container:abc");
  }

  @Test
  void aliasesApplyOnANamedNetworkOnly() {
    CreateContainerCmd named =
        map(
            ContainerSpec.builder("web", "img")
                .network(NetworkMode.named("cetus", "web-0"))
                .build());
    CreateContainerCmd joined =
        map(
            ContainerSpec.builder("app", "img")
                .network(NetworkMode.joinContainer("sandbox"))
                .build());

    assertThat(named.getHostConfig().getNetworkMode()).isEqualTo("cetus");
    assertThat(named.getAliases()).containsExactly("web-0");
    assertThat(joined.getHostConfig().getNetworkMode()).isEqualTo("container:sandbox");
    assertThat(joined.getAliases()).isNull();
  }

  @Test
  void mountsMapToBindVolumeAndTmpfsMounts() {
    HostConfig host =
        map(ContainerSpec.builder("web", "img")
                .mount(new Mount.HostPath("/var/lib/cetus/pods/1/volumes/data", "/data", false))
                .mount(new Mount.NamedVolume("pvc-1", "/db", true))
                .mount(new Mount.Tmpfs("/cache", 1 << 20))
                .build())
            .getHostConfig();

    List<com.github.dockerjava.api.model.Mount> mounts = host.getMounts();
    assertThat(mounts).hasSize(3);
    assertThat(mounts.get(0).getType()).isEqualTo(MountType.BIND);
    assertThat(mounts.get(0).getSource()).isEqualTo("/var/lib/cetus/pods/1/volumes/data");
    assertThat(mounts.get(0).getTarget()).isEqualTo("/data");
    assertThat(mounts.get(0).getReadOnly()).isFalse();
    assertThat(mounts.get(1).getType()).isEqualTo(MountType.VOLUME);
    assertThat(mounts.get(1).getSource()).isEqualTo("pvc-1");
    assertThat(mounts.get(1).getReadOnly()).isTrue();
    assertThat(mounts.get(2).getType()).isEqualTo(MountType.TMPFS);
    assertThat(mounts.get(2).getTmpfsOptions().getSizeBytes()).isEqualTo(1L << 20);
  }

  @Test
  void initHostnameStdinAndTtyAreApplied() {
    CreateContainerCmd cmd =
        map(
            ContainerSpec.builder("web", "img")
                .init(true)
                .hostname("web-0")
                .stdin(true)
                .tty(true)
                .build());

    assertThat(cmd.getHostConfig().getInit()).isTrue();
    assertThat(cmd.getHostName()).isEqualTo("web-0");
    assertThat(cmd.isStdinOpen()).isTrue();
    assertThat(cmd.isTty()).isTrue();
  }

  @Test
  void joiningAnotherNamespaceRulesOutPortsAndHostname() {
    assertThatThrownBy(
            () ->
                ContainerSpec.builder("app", "img")
                    .network(NetworkMode.joinContainer("sandbox"))
                    .port(PortMapping.tcp(80))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publish ports");
    assertThatThrownBy(
            () ->
                ContainerSpec.builder("app", "img")
                    .network(NetworkMode.joinContainer("sandbox"))
                    .hostname("app")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hostname");
  }

  @Test
  void dnsSettingsGoToTheHostConfigAndEmptyListsKeepTheEngines() {
    ContainerSpec spec =
        ContainerSpec.builder("sandbox", "cetus/pause:1")
            .network(NetworkMode.named("cetus"))
            .dns(
                new DnsConfig(
                    List.of("10.242.255.10"),
                    List.of("shop.svc.cluster.local", "svc.cluster.local", "cluster.local"),
                    List.of("ndots:5")))
            .build();

    HostConfig host = map(spec).getHostConfig();

    assertThat(host.getDns()).containsExactly("10.242.255.10");
    assertThat(host.getDnsSearch())
        .containsExactly("shop.svc.cluster.local", "svc.cluster.local", "cluster.local");
    assertThat(host.getDnsOptions()).containsExactly("ndots:5");

    HostConfig searchOnly =
        map(ContainerSpec.builder("sandbox", "cetus/pause:1")
                .dns(new DnsConfig(List.of(), List.of("example.com"), List.of()))
                .build())
            .getHostConfig();
    assertThat(searchOnly.getDns()).isNull();
    assertThat(searchOnly.getDnsSearch()).containsExactly("example.com");
    assertThat(searchOnly.getDnsOptions()).isNull();

    HostConfig engineDefault =
        map(ContainerSpec.builder("c", "cetus/pause:1").build()).getHostConfig();
    assertThat(engineDefault.getDns()).isNull();
    assertThat(engineDefault.getDnsSearch()).isNull();
    assertThat(engineDefault.getDnsOptions()).isNull();
  }

  @Test
  void aContainerJoiningAnothersNamespaceCannotSetDns() {
    assertThatThrownBy(
            () ->
                ContainerSpec.builder("app", "cetus/demo-app:0.1.0")
                    .network(NetworkMode.joinContainer("sandbox-id"))
                    .dns(new DnsConfig(List.of("10.242.255.10"), List.of(), List.of()))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DNS");
  }
}
