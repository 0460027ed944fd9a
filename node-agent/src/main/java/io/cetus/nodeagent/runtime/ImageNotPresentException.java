package io.cetus.nodeagent.runtime;

/**
 * The pull policy is {@link ImagePullPolicy#NEVER} and the image is not on the engine. Nothing was
 * pulled; the pod reports {@code ErrImageNeverPull}.
 */
public class ImageNotPresentException extends ContainerRuntimeException {

  private final String image;

  public ImageNotPresentException(String image) {
    super("image " + image + " is not present and the pull policy is Never");
    this.image = image;
  }

  public String image() {
    return image;
  }
}
