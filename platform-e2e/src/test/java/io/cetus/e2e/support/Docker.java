package io.cetus.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker CLI, to observe (never to drive) the containers the node agents run: which containers
 * a pod has, and whether one was restarted. The agents label every container with {@code
 * io.cetus.pod-uid} and {@code io.cetus.container}.
 */
public final class Docker {

  private Docker() {}

  /** A running container of a pod: its full ID, container name (POD for the sandbox), start. */
  public record Container(String id, String name, String startedAt) {}

  /** The running containers of the pod with this UID, sandbox included, sorted by name. */
  public static List<Container> runningContainersOfPod(String podUid) {
    String ids = docker("ps", "-q", "--no-trunc", "--filter", "label=io.cetus.pod-uid=" + podUid);
    List<Container> containers = new ArrayList<>();
    for (String id : ids.lines().filter(line -> !line.isBlank()).toList()) {
      String[] fields =
          docker(
                  "inspect",
                  "--format",
                  "{{index .Config.Labels \"io.cetus.container\"}} {{.State.StartedAt}}",
                  id)
              .strip()
              .split(" ");
      containers.add(new Container(id, fields[0], fields[1]));
    }
    containers.sort(java.util.Comparator.comparing(Container::name));
    return containers;
  }

  private static String docker(String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
