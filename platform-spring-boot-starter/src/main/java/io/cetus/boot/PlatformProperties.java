package io.cetus.boot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a controller service reaches the platform ({@code platform.*}). The URL defaults follow the
 * environment variables {@code CETUS_OBJECT_STORE_URL} and {@code CETUS_REDIS_URL} (see {@link
 * PlatformDefaults}): control-plane services talk to the object store directly, not through the
 * gateway.
 */
@ConfigurationProperties("platform")
public class PlatformProperties {

  /** Where the informers read and watch from. */
  public enum WatchSource {
    /** Lists over HTTP, watches the object store's Redis streams: for control-plane services. */
    REDIS,
    /** Lists and watches over HTTP: for anything outside the control plane. */
    HTTP
  }

  /** The object store's base URL. */
  private String apiUrl = PlatformDefaults.API_URL;

  /** The Redis the object store writes to; watched streams and the leader lease live there. */
  private String redisUrl = PlatformDefaults.REDIS_URL;

  private WatchSource watchSource = WatchSource.REDIS;

  /** How long the informers get to sync before the wait is logged and started again. */
  private Duration informerSyncTimeout = Duration.ofSeconds(60);

  private final LeaderElection leaderElection = new LeaderElection();

  public String getApiUrl() {
    return apiUrl;
  }

  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  public String getRedisUrl() {
    return redisUrl;
  }

  public void setRedisUrl(String redisUrl) {
    this.redisUrl = redisUrl;
  }

  public WatchSource getWatchSource() {
    return watchSource;
  }

  public void setWatchSource(WatchSource watchSource) {
    this.watchSource = watchSource;
  }

  public Duration getInformerSyncTimeout() {
    return informerSyncTimeout;
  }

  public void setInformerSyncTimeout(Duration informerSyncTimeout) {
    this.informerSyncTimeout = informerSyncTimeout;
  }

  public LeaderElection getLeaderElection() {
    return leaderElection;
  }

  /** {@code platform.leader-election.*}: one replica of a service works, the others wait. */
  public static class LeaderElection {

    /** Off: every replica runs its controllers (for a single replica and for tests). */
    private boolean enabled = true;

    /** How long a dead leader blocks the other replicas at most. */
    private Duration leaseDuration = Duration.ofSeconds(15);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getLeaseDuration() {
      return leaseDuration;
    }

    public void setLeaseDuration(Duration leaseDuration) {
      this.leaseDuration = leaseDuration;
    }
  }
}
