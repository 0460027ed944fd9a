package io.cetus.nodeagent.runtime;

/**
 * When {@link ContainerRuntime#start} pulls the image, as a container's {@code imagePullPolicy}.
 */
public enum ImagePullPolicy {
  /** Pull before every start; a failed pull fails the start even if a local copy exists. */
  ALWAYS,
  /**
   * Use the image on the engine whatever its name, with no pull attempt; pull only when it is
   * missing.
   */
  IF_NOT_PRESENT,
  /** Never pull: a missing image fails with {@link ImageNotPresentException}. */
  NEVER
}
