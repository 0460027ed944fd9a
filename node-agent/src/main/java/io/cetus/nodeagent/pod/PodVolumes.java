package io.cetus.nodeagent.pod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Container;
import io.cetus.api.core.KeyToPath;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.api.core.Volume;
import io.cetus.api.core.VolumeMount;
import io.cetus.nodeagent.runtime.Mount;

/**
 * A pod's volumes on the node, under {@code <stateDir>/pods/<uid>/volumes/<name>}: {@code emptyDir}
 * is a directory every container of the pod shares (or tmpfs for {@code medium: Memory}), {@code
 * hostPath} the node's own path, {@code configMap} and {@code secret} files written from the API
 * and mounted read-only, {@code persistentVolumeClaim} an engine volume named after the claim.
 */
final class PodVolumes {

  private final Path stateDir;
  private final EnvResolver sources;

  PodVolumes(Path stateDir, EnvResolver sources) {
    this.stateDir = stateDir;
    this.sources = sources;
  }

  /**
   * The mounts of one container, creating and filling the directories they need.
   *
   * @throws ContainerConfigException if a mount names no volume or a ConfigMap or Secret is missing
   */
  List<Mount> mounts(Pod pod, Container container) {
    List<Mount> mounts = new ArrayList<>();
    for (VolumeMount mount : container.volumeMounts()) {
      Volume volume =
          pod.spec().volumes().stream()
              .filter(v -> v.name().equals(mount.name()))
              .findFirst()
              .orElseThrow(
                  () -> new ContainerConfigException("volume \"" + mount.name() + "\" not found"));
      boolean readOnly = Boolean.TRUE.equals(mount.readOnly());
      if (volume.emptyDir() != null && "Memory".equals(volume.emptyDir().medium())) {
        long size =
            volume.emptyDir().sizeLimit() == null ? 0 : volume.emptyDir().sizeLimit().longValue();
        mounts.add(new Mount.Tmpfs(mount.mountPath(), size));
      } else if (volume.persistentVolumeClaim() != null) {
        mounts.add(
            new Mount.NamedVolume(
                "cetus-pvc-" + volume.persistentVolumeClaim().claimName(),
                mount.mountPath(),
                readOnly));
      } else {
        Path source = prepare(pod, volume);
        if (mount.subPath() != null && !mount.subPath().isEmpty()) {
          source = source.resolve(mount.subPath());
        }
        boolean projected = volume.configMap() != null || volume.secret() != null;
        mounts.add(
            new Mount.HostPath(
                source.toAbsolutePath().toString(), mount.mountPath(), readOnly || projected));
      }
    }
    return mounts;
  }

  private Path prepare(Pod pod, Volume volume) {
    try {
      if (volume.hostPath() != null) {
        Path path = Path.of(volume.hostPath().path());
        String type = volume.hostPath().type();
        if ("DirectoryOrCreate".equals(type)) {
          Files.createDirectories(path);
        }
        return path;
      }
      Path dir = volumeDir(pod, volume.name());
      Files.createDirectories(dir);
      // Containers run as other users (65532 in our images); the pod's own dir must let them in.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      String namespace = PodContainers.namespace(pod);
      if (volume.configMap() != null) {
        var source = volume.configMap();
        Optional<ConfigMap> map = sources.configMap(namespace, source.name());
        if (map.isEmpty() && !Boolean.TRUE.equals(source.optional())) {
          throw new ContainerConfigException("configmap \"" + source.name() + "\" not found");
        }
        write(dir, map.map(ConfigMap::data).orElse(Map.of()), source.items());
      } else if (volume.secret() != null) {
        var source = volume.secret();
        Optional<Secret> secret = sources.secret(namespace, source.secretName());
        if (secret.isEmpty() && !Boolean.TRUE.equals(source.optional())) {
          throw new ContainerConfigException("secret \"" + source.secretName() + "\" not found");
        }
        write(dir, secret.map(EnvResolver::secretData).orElse(Map.of()), source.items());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path dir, Map<String, String> data, List<KeyToPath> items)
      throws IOException {
    if (items.isEmpty()) {
      for (var entry : data.entrySet()) {
        writeFile(dir.resolve(entry.getKey()), entry.getValue());
      }
      return;
    }
    for (KeyToPath item : items) {
      String value = data.get(item.key());
      if (value != null) {
        writeFile(dir.resolve(item.path()), value);
      }
    }
  }

  private static void writeFile(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private Path volumeDir(Pod pod, String volume) {
    return podDir(PodContainers.uid(pod)).resolve("volumes").resolve(volume);
  }

  private Path podDir(String uid) {
    return stateDir.resolve("pods").resolve(uid);
  }

  /** Removes everything the pod had on the node; the pod's containers must be gone. */
  void remove(String podUid) {
    Path dir = podDir(podUid);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
