package io.cetus.testsupport.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the repository root and the service jars the build left in it. */
public final class RepositoryLayout {

  private RepositoryLayout() {}

  /**
   * The nearest directory at or above the working directory whose {@code pom.xml} lists modules:
   * the reactor root, however deep in it a test runs.
   */
  public static Path root() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && contains(pom, "<module>")) {
        return dir;
      }
    }
    throw new IllegalStateException("no reactor pom.xml at or above " + start);
  }

  /**
   * The executable jar {@code module} builds, e.g. {@code object-store-service}.
   *
   * @throws IllegalStateException if it has not been built
   */
  public static Path serviceJar(String module) {
    Path target = root().resolve(module).resolve("target");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(module + "-"))
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no "
                          + module
                          + " jar in "
                          + target
                          + "; build it: ./mvnw -q -B -pl "
                          + module
                          + " -am install -DskipTests"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
