package io.cetus.nodeagent.pod;

/**
 * Why a container is not running, as its status's {@code state.waiting} says it: {@code
 * ContainerCreating}, {@code ErrImagePull}, {@code ImagePullBackOff}, {@code ErrImageNeverPull},
 * {@code CreateContainerConfigError}, {@code CrashLoopBackOff}, {@code RunContainerError}.
 */
record Waiting(String reason, String message) {

  static final String CONTAINER_CREATING = "ContainerCreating";
  static final String POD_INITIALIZING = "PodInitializing";
  static final String ERR_IMAGE_PULL = "ErrImagePull";
  static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
  static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
  static final String CONFIG_ERROR = "CreateContainerConfigError";
  static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
  static final String RUN_CONTAINER_ERROR = "RunContainerError";
}
