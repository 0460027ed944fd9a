package io.cetus.nodeagent.pod;

/**
 * A container cannot be configured from what the API holds now (a missing ConfigMap or Secret, or a
 * missing key): its status waits with reason {@code CreateContainerConfigError} until that changes.
 */
final class ContainerConfigException extends RuntimeException {

  ContainerConfigException(String message) {
    super(message);
  }
}
