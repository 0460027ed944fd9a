package io.cetus.objectstore.allocation;

/**
 * A finite range of values numbered from 0, each with the string form the allocation store keeps.
 * The lowest {@link #staticBand()} values are the "static band": values picked at random come from
 * the rest first, so that values users ask for by number rarely collide with random ones (as in
 * Kubernetes since 1.27 for IPs and node ports).
 */
sealed interface NumberedRange permits ServiceIpRange, PortRange {

  /** How many values the range holds. */
  int size();

  /** The value numbered {@code offset}, {@code 0 <= offset < size()}. */
  String valueAt(int offset);

  /** The number of {@code value}, or -1 when it is not a value of this range. */
  int offsetOf(String value);

  /** How many of the lowest values random picks leave for last. */
  int staticBand();

  /** Why {@code value} was refused as outside the range, in Kubernetes' words. */
  String notInRange(String value);

  /** Why a value was refused as taken, in Kubernetes' words. */
  String alreadyAllocated();

  /**
   * Kubernetes' size of the static band: {@code min(max(min, size / step), max)}, or none at all
   * when the range holds no more than {@code min} values.
   */
  static int staticBand(long size, int min, int step, int max) {
    if (size <= min) {
      return 0;
    }
    return (int) Math.min(Math.max(min, size / step), max);
  }
}
