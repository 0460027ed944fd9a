package io.cetus.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's root: the nearest directory upwards that holds the {@code cetus} script.
 */
public final class RepositoryRoot {

  private RepositoryRoot() {}

  public static Path find() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isExecutable(candidate.resolve("cetus"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no cetus script above " + dir);
  }
}
