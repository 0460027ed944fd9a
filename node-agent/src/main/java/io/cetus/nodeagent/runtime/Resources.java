package io.cetus.nodeagent.runtime;

/**
 * Cgroup limits of a container; 0 means "not set". The caller converts Kubernetes quantities: a CPU
 * limit of {@code 500m} is {@code nanoCpus} 500,000,000, and CPU shares follow the request ({@code
 * millicores * 1024 / 1000}, at least 2).
 *
 * @param memoryLimitBytes hard memory limit; swap is disabled so exceeding it kills the container
 *     ({@code OOMKilled}) rather than swapping
 * @param memoryRequestBytes soft limit the kernel reclaims towards under memory pressure
 * @param nanoCpus CPU time limit in billionths of a CPU
 * @param cpuShares relative CPU weight
 */
public record Resources(
    long memoryLimitBytes, long memoryRequestBytes, long nanoCpus, long cpuShares) {

  /** No limits at all. */
  public static final Resources NONE = new Resources(0, 0, 0, 0);

  public Resources {
    if (memoryLimitBytes < 0 || memoryRequestBytes < 0 || nanoCpus < 0 || cpuShares < 0) {
      throw new IllegalArgumentException("resources must not be negative");
    }
    if (memoryLimitBytes > 0 && memoryRequestBytes > memoryLimitBytes) {
      throw new IllegalArgumentException("memory request must not exceed the memory limit");
    }
  }

  /** Only a memory limit. */
  public static Resources memoryLimit(long bytes) {
    return new Resources(bytes, 0, 0, 0);
  }

  public boolean hasMemoryLimit() {
    return memoryLimitBytes > 0;
  }
}
