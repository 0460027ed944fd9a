package io.cetus.nodeagent.runtime.docker;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cetus.nodeagent.runtime.ContainerState;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ExitResult;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.Protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DockerClientConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** Inspect answers as Docker 20.10 gives them, trimmed to the fields that matter. */
class DockerStatusesTest {

  private static final ObjectMapper JSON = DockerClientConfig.getDefaultObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private static InspectContainerResponse inspect(
      String state, long memory, String network, String extra) {
    String json =
        """
        {"Id": "c0ffee", "Name": "/web", "Image": "sha256:1234", "Created": "2026-11-22T10:00:00.5Z",
         "Config": {"Image": "cetus/demo-app:0.1.0", "Labels": {"io.cetus.node": "n1"}},
         "HostConfig": {"Memory": %d, "NetworkMode": "%s"},
         "State": %s
         %s}
        """
            .formatted(memory, network, state, extra);
    try {
      return JSON.readValue(json, InspectContainerResponse.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String exited(int code, boolean oomFlag) {
    return """
    {"Status": "exited", "Running": false, "OOMKilled": %s, "ExitCode": %d, "Error": "",
     "StartedAt": "2026-11-22T10:00:01.123456789Z", "FinishedAt": "2026-11-22T10:00:09Z"}
    """
        .formatted(oomFlag, code);
  }

  private static final String RUNNING =
      """
      {"Status": "running", "Running": true, "OOMKilled": false, "ExitCode": 0,
       "StartedAt": "2026-11-22T10:00:01Z", "FinishedAt": "0001-01-01T00:00:00Z"}
      """;

  @Test
  void aFinishStampedJustBeforeTheStartIsReportedAsTheStart() {
    String state =
        """
        {"Status": "exited", "Running": false, "OOMKilled": false, "ExitCode": 0, "Error": "",
         "StartedAt": "2026-11-22T10:00:01.002Z", "FinishedAt": "2026-11-22T10:00:01.001Z"}
        """;
    var response = inspect(state, 0, "bridge", "");

    Instant started = Instant.parse("2026-11-22T10:00:01.002Z");
    assertThat(DockerStatuses.status(response, false, null).finishedAt()).isEqualTo(started);
    assertThat(DockerStatuses.exitResult(response, false, NOW).finishedAt()).isEqualTo(started);
  }

  @Test
  void oomKilledWhenDockersFlagSaysSo() {
    assertThat(DockerStatuses.oomKilled(true, 137, 64L << 20, false)).isTrue();
  }

  @Test
  void oomKilledWhenExit137WithALimitAndAnOomEvent() {
    assertThat(DockerStatuses.oomKilled(false, 137, 64L << 20, true)).isTrue();
  }

  @Test
  void exit137WithoutTheOomEventIsAPlainKill() {
    assertThat(DockerStatuses.oomKilled(false, 137, 64L << 20, false)).isFalse();
  }

  @Test
  void exit137WithoutAMemoryLimitIsNeverAnOomKill() {
    assertThat(DockerStatuses.oomKilled(false, 137, 0, true)).isFalse();
  }

  @Test
  void otherExitCodesAreNotOomKills() {
    assertThat(DockerStatuses.oomKilled(false, 1, 64L << 20, true)).isFalse();
  }

  @Test
  void exitThatMayStillTurnOutAnOomKillIsRecognised() {
    assertThat(
            DockerStatuses.possiblyOomKilled(
                inspect(exited(137, false), 64L << 20, "bridge", ""), false))
        .isTrue();
    assertThat(
            DockerStatuses.possiblyOomKilled(
                inspect(exited(137, true), 64L << 20, "bridge", ""), false))
        .isFalse();
    assertThat(
            DockerStatuses.possiblyOomKilled(inspect(exited(137, false), 0, "bridge", ""), false))
        .isFalse();
    assertThat(
            DockerStatuses.possiblyOomKilled(
                inspect(exited(1, false), 64L << 20, "bridge", ""), false))
        .isFalse();
  }

  @Test
  void exitedContainerReportsCodeTimesAndNoAddress() {
    ContainerStatus status =
        DockerStatuses.status(inspect(exited(3, false), 0, "bridge", ""), false, null);

    assertThat(status.id()).isEqualTo("c0ffee");
    assertThat(status.name()).isEqualTo("web");
    assertThat(status.image()).isEqualTo("cetus/demo-app:0.1.0");
    assertThat(status.imageId()).isEqualTo("sha256:1234");
    assertThat(status.labels()).containsEntry("io.cetus.node", "n1");
    assertThat(status.state()).isEqualTo(ContainerState.EXITED);
    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.oomKilled()).isFalse();
    assertThat(status.error()).isNull();
    assertThat(status.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.5Z"));
    assertThat(status.startedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:01.123456789Z"));
    assertThat(status.finishedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:09Z"));
    assertThat(status.ipAddress()).isNull();
  }

  @Test
  void exitResultAppliesTheOomRule() {
    ExitResult exit =
        DockerStatuses.exitResult(inspect(exited(137, false), 64L << 20, "bridge", ""), true, NOW);

    assertThat(exit.exitCode()).isEqualTo(137);
    assertThat(exit.oomKilled()).isTrue();
    assertThat(exit.finishedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:09Z"));
  }

  @Test
  void runningContainerReportsItsAddressAndPublishedPorts() {
    String settings =
        """
        , "NetworkSettings": {
            "IPAddress": "",
            "Ports": {"8080/tcp": [{"HostIp": "0.0.0.0", "HostPort": "49153"},
                                   {"HostIp": "::", "HostPort": "49153"}],
                      "9090/tcp": null},
            "Networks": {"cetus": {"IPAddress": "172.30.0.5"}}}
        """;
    ContainerStatus status =
        DockerStatuses.status(inspect(RUNNING, 0, "cetus", settings), false, null);

    assertThat(status.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(status.exitCode()).isNull();
    assertThat(status.finishedAt()).isNull();
    assertThat(status.ipAddress()).isEqualTo("172.30.0.5");
    assertThat(status.publishedPorts())
        .containsExactly(
            new PortMapping(8080, Protocol.TCP, "0.0.0.0", 49153),
            new PortMapping(8080, Protocol.TCP, "::", 49153));
    assertThat(status.hostPort(8080)).isEqualTo(49153);
    assertThat(status.hostPort(9090)).isNull();
  }

  @Test
  void containerInAnothersNamespaceReportsTheOwnersAddress() {
    InspectContainerResponse joined = inspect(RUNNING, 0, "container:sandbox", "");

    assertThat(DockerStatuses.networkNamespaceOwner(joined)).isEqualTo("sandbox");
    assertThat(DockerStatuses.status(joined, false, "172.30.0.9").ipAddress())
        .isEqualTo("172.30.0.9");
  }

  @Test
  void createdContainerHasNeitherStartNorExit() {
    String created =
        """
        {"Status": "created", "Running": false, "ExitCode": 0,
         "StartedAt": "0001-01-01T00:00:00Z", "FinishedAt": "0001-01-01T00:00:00Z"}
        """;
    ContainerStatus status = DockerStatuses.status(inspect(created, 0, "bridge", ""), false, null);

    assertThat(status.state()).isEqualTo(ContainerState.CREATED);
    assertThat(status.startedAt()).isNull();
    assertThat(status.exitCode()).isNull();
  }

  @Test
  void architectureUsesGoNames() {
    assertThat(DockerStatuses.architecture("x86_64")).isEqualTo("amd64");
    assertThat(DockerStatuses.architecture("aarch64")).isEqualTo("arm64");
    assertThat(DockerStatuses.architecture("s390x")).isEqualTo("s390x");
  }
}
