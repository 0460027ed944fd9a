package io.cetus.nodeagent.runtime;

import org.jspecify.annotations.Nullable;

/**
 * An image was needed and could not be pulled: the registry is unreachable, refuses access, does
 * not know the image, or the pull timed out. The pod reports {@code ErrImagePull}, then {@code
 * ImagePullBackOff}.
 *
 * <p>{@link #retryable()} tells whether trying again may help without changing the spec (network
 * errors, timeouts, registry errors) or whether the registry answered that the image or the access
 * does not exist. Kubernetes retries both with back-off; the flag only sharpens the message.
 */
public class ImagePullException extends ContainerRuntimeException {

  private final String image;
  private final boolean retryable;

  public ImagePullException(
      String image, boolean retryable, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.image = image;
    this.retryable = retryable;
  }

  public String image() {
    return image;
  }

  public boolean retryable() {
    return retryable;
  }
}
