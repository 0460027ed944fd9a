package io.cetus.nodeagent.runtime.docker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ImagePullException;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import com.github.dockerjava.api.model.PullResponseItem;

/**
 * Pulls images, one pull per image at a time: a start that needs an image another start is already
 * pulling waits for that pull and shares its outcome (Nomad's {@code coordinator.go}). A failed
 * pull is not remembered; the next start tries again.
 */
final class ImagePuller {

  private static final Logger log = LoggerFactory.getLogger(ImagePuller.class);

  private final DockerClient client;
  private final Duration timeout;
  private final ConcurrentMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

  ImagePuller(DockerClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * Pulls {@code image}, or waits for the pull of it already under way.
   *
   * @throws ImagePullException if the pull fails or times out
   * @throws RuntimeUnavailableException if the engine does not answer
   */
  void pull(String image) {
    ImageName name = ImageName.parse(image);
    String key = name.toString();
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      join(running);
      return;
    }
    try {
      doPull(image, name);
      mine.complete(null);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private void doPull(String image, ImageName name) {
    log.info("Pulling image {}", name);
    PullCallback callback = new PullCallback();
    try {
      client.pullImageCmd(name.repository()).withTag(name.tagOrDigest()).exec(callback);
      callback.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (callback.error != null) {
        throw new ImagePullException(
            image, true, "failed to pull image " + image + ": " + callback.error, null);
      }
      log.info("Pulled image {}", name);
    } catch (TimeoutException e) {
      throw new ImagePullException(
          image, true, "pulling image " + image + " timed out after " + timeout, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImagePullException(image, true, "interrupted while pulling " + image, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (DockerErrors.isUnavailable(cause)) {
        throw new RuntimeUnavailableException(
            "Docker engine unavailable while pulling " + image, DockerErrors.ioCause(cause));
      }
      // The registry said the image or the access does not exist: the same spec will not work
      // until someone changes something. Anything else (network, registry errors) may pass.
      boolean retryable =
          !(cause instanceof NotFoundException || cause instanceof UnauthorizedException);
      throw new ImagePullException(
          image,
          retryable,
          "failed to pull image " + image + ": " + DockerErrors.message(cause),
          null);
    } catch (RuntimeException e) {
      if (e instanceof ContainerRuntimeException runtime) {
        throw runtime;
      }
      throw DockerErrors.translate(e, "pull of " + image);
    } finally {
      callback.close();
    }
  }

  /** Progress items carry the registry's errors; the stream itself ends normally. */
  private static final class PullCallback extends StreamCallback<PullResponseItem> {
    private volatile @Nullable String error;

    @Override
    public void onNext(PullResponseItem item) {
      if (item.isErrorIndicated() && error == null) {
        error =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.getError();
      }
    }
  }

  private static void join(CompletableFuture<Void> pull) {
    try {
      pull.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ContainerRuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
