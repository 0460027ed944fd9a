package io.cetus.api.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A Kubernetes resource quantity: a decimal number with an optional suffix, as in {@code 100m}
 * (0.1), {@code 0.5}, {@code 2}, {@code 1k} (1000), {@code 1M} (10^6), {@code 512Mi} (512 * 2^20),
 * {@code 1Gi} or {@code 1e3} (1000).
 *
 * <p>Suffixes: binary {@code Ki Mi Gi Ti Pi Ei} (powers of 1024), decimal {@code n u m k M G T P E}
 * (10^-9 to 10^18), or an exponent {@code e<n>} / {@code E<n>}. Immutable and thread-safe.
 *
 * <p>Two quantities are equal when their values are equal ({@code 1Gi} equals {@code 1073741824},
 * {@code 0.5} equals {@code 500m}), and {@link #toString()} and JSON give back the text the
 * quantity was parsed from. JSON accepts a string or a number.
 */
@JsonSerialize(using = QuantitySerializer.class)
@JsonDeserialize(using = QuantityDeserializer.class)
public final class Quantity implements Comparable<Quantity> {

  /** Bounds the exponent so that a hostile {@code 1e999999999} cannot cost unbounded memory. */
  private static final int MAX_EXPONENT = 100;

  private static final Pattern SYNTAX =
      Pattern.compile(
          "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))"
              + "(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private final String text;
  private final BigDecimal value;

  private Quantity(String text, BigDecimal value) {
    this.text = text;
    this.value = value;
  }

  /**
   * Parses a quantity.
   *
   * @throws IllegalArgumentException if {@code text} is not a quantity, naming the accepted forms
   */
  public static Quantity parse(String text) {
    Matcher matcher = SYNTAX.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "quantity \""
              + text
              + "\" must be a number with an optional suffix: Ki, Mi, Gi, Ti, Pi, Ei (powers of"
              + " 1024), n, u, m, k, M, G, T, P, E (powers of 1000) or an exponent such as e3,"
              + " e.g. 100m, 0.5, 512Mi, 1e3");
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    @Nullable String suffix = matcher.group(2);
    return new Quantity(text, suffix == null ? number : scale(text, number, suffix));
  }

  /** The quantity {@code value} with no suffix, e.g. {@code 4} CPUs or {@code 110} pods. */
  public static Quantity of(long value) {
    return new Quantity(Long.toString(value), BigDecimal.valueOf(value));
  }

  /** {@code millis} thousandths, written with the {@code m} suffix, e.g. {@code 250m} CPU. */
  public static Quantity ofMillis(long millis) {
    return new Quantity(millis + "m", BigDecimal.valueOf(millis, 3));
  }

  /** The exact value. */
  public BigDecimal value() {
    return value;
  }

  /**
   * The value in thousandths, rounded up, as Kubernetes measures CPU; saturates at the bounds of
   * {@code long}.
   */
  public long milliValue() {
    return ceilToLong(value.movePointRight(3));
  }

  /**
   * The value rounded up to a whole number, as Kubernetes measures memory and counts; saturates at
   * the bounds of {@code long}.
   */
  public long longValue() {
    return ceilToLong(value);
  }

  /** The sum, written as its plain decimal value. */
  public Quantity add(Quantity other) {
    BigDecimal sum = value.add(other.value);
    return new Quantity(sum.stripTrailingZeros().toPlainString(), sum);
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Quantity quantity && value.compareTo(quantity.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** The text this quantity was parsed from. */
  @Override
  public String toString() {
    return text;
  }

  private static BigDecimal scale(String text, BigDecimal number, String suffix) {
    return switch (suffix) {
      case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
      case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
      case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
      case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
      case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
      case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
      case "n" -> number.movePointLeft(9);
      case "u" -> number.movePointLeft(6);
      case "m" -> number.movePointLeft(3);
      case "k" -> number.movePointRight(3);
      case "M" -> number.movePointRight(6);
      case "G" -> number.movePointRight(9);
      case "T" -> number.movePointRight(12);
      case "P" -> number.movePointRight(15);
      case "E" -> number.movePointRight(18);
      default -> number.movePointRight(exponent(text, suffix.substring(1)));
    };
  }

  private static int exponent(String text, String digits) {
    int exponent;
    try {
      exponent = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      exponent = Integer.MAX_VALUE;
    }
    if (Math.abs(exponent) > MAX_EXPONENT) {
      throw new IllegalArgumentException(
          "quantity \"" + text + "\" has an exponent beyond +-" + MAX_EXPONENT);
    }
    return exponent;
  }

  private static long ceilToLong(BigDecimal number) {
    BigDecimal whole = number.setScale(0, RoundingMode.CEILING);
    if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return whole.longValueExact();
  }
}
