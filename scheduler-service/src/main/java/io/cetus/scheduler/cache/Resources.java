package io.cetus.scheduler.cache;

import java.util.Map;

import io.cetus.api.quantity.Quantity;

/**
 * An amount of the two resources the scheduler fits pods by: CPU in millicores and memory in bytes.
 */
public record Resources(long milliCpu, long memory) {

  public static final Resources ZERO = new Resources(0, 0);

  static final String CPU = "cpu";
  static final String MEMORY = "memory";

  /** The {@code cpu} and {@code memory} entries of a resource list; missing ones count as 0. */
  public static Resources of(Map<String, Quantity> list) {
    Quantity cpu = list.get(CPU);
    Quantity memory = list.get(MEMORY);
    return new Resources(
        cpu == null ? 0 : cpu.milliValue(), memory == null ? 0 : memory.longValue());
  }

  public Resources plus(Resources other) {
    return new Resources(milliCpu + other.milliCpu, memory + other.memory);
  }

  public Resources minus(Resources other) {
    return new Resources(milliCpu - other.milliCpu, memory - other.memory);
  }

  /** The larger amount of each resource. */
  public Resources max(Resources other) {
    return new Resources(Math.max(milliCpu, other.milliCpu), Math.max(memory, other.memory));
  }
}
