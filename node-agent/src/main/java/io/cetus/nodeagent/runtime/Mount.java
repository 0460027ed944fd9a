package io.cetus.nodeagent.runtime;

import java.util.Objects;

/**
 * A filesystem mounted into a container. Host paths must exist (the volume manager creates {@code
 * emptyDir}, {@code configMap} and {@code secret} directories before the start); named volumes are
 * created by the engine on first use and outlive the container.
 */
public sealed interface Mount {

  /** The absolute path inside the container. */
  String containerPath();

  boolean readOnly();

  /** A directory or file of the node ({@code hostPath}, {@code emptyDir}, projected volumes). */
  record HostPath(String hostPath, String containerPath, boolean readOnly) implements Mount {
    public HostPath {
      requireAbsolute(hostPath, "hostPath");
      requireAbsolute(containerPath, "containerPath");
    }
  }

  /** An engine-managed named volume ({@code persistentVolumeClaim}). */
  record NamedVolume(String volume, String containerPath, boolean readOnly) implements Mount {
    public NamedVolume {
      Objects.requireNonNull(volume, "volume");
      if (volume.isBlank()) {
        throw new IllegalArgumentException("volume name must not be blank");
      }
      requireAbsolute(containerPath, "containerPath");
    }
  }

  /** A memory-backed filesystem ({@code emptyDir.medium: Memory}); 0 size means no limit. */
  record Tmpfs(String containerPath, long sizeBytes) implements Mount {
    public Tmpfs {
      requireAbsolute(containerPath, "containerPath");
      if (sizeBytes < 0) {
        throw new IllegalArgumentException("sizeBytes must not be negative");
      }
    }

    @Override
    public boolean readOnly() {
      return false;
    }
  }

  private static void requireAbsolute(String path, String what) {
    Objects.requireNonNull(path, what);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(what + " must be an absolute path: " + path);
    }
  }
}
