package io.cetus.api.meta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A value that is either an integer or a string, written in JSON as a bare number or a bare string:
 * a port ({@code 8080} or {@code "http"}) or an amount ({@code 1} or {@code "25%"}). Immutable; an
 * int and the string of its digits are different values, as in Kubernetes.
 */
@JsonSerialize(using = IntOrStringSerializer.class)
@JsonDeserialize(using = IntOrStringDeserializer.class)
public final class IntOrString {

  private final @Nullable Integer intVal;
  private final @Nullable String strVal;

  private IntOrString(@Nullable Integer intVal, @Nullable String strVal) {
    this.intVal = intVal;
    this.strVal = strVal;
  }

  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  public static IntOrString of(String value) {
    return new IntOrString(null, value);
  }

  public boolean isInt() {
    return intVal != null;
  }

  /**
   * The integer.
   *
   * @throws IllegalStateException if this is a string
   */
  public int intValue() {
    if (intVal == null) {
      throw new IllegalStateException("\"" + strVal + "\" is a string, not an integer");
    }
    return intVal;
  }

  /** The string, or the decimal digits of the integer. */
  public String strValue() {
    return strVal != null ? strVal : Integer.toString(intValue());
  }

  /**
   * The amount this stands for out of {@code total}: the integer itself, or a percentage of {@code
   * total} ({@code "25%"} of 10 is 3 rounded up, 2 rounded down), as {@code maxSurge} and {@code
   * maxUnavailable} are resolved.
   *
   * @throws IllegalArgumentException if this is a string that is not a whole percentage
   */
  public int resolve(int total, boolean roundUp) {
    if (intVal != null) {
      return intVal;
    }
    String text = strValue();
    int percent;
    try {
      if (!text.endsWith("%")) {
        throw new NumberFormatException();
      }
      percent = Integer.parseInt(text.substring(0, text.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is neither an integer nor a percentage such as \"25%\"");
    }
    return BigDecimal.valueOf((long) percent * total)
        .divide(BigDecimal.valueOf(100), 0, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR)
        .intValueExact();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IntOrString that
        && Objects.equals(intVal, that.intVal)
        && Objects.equals(strVal, that.strVal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(intVal, strVal);
  }

  @Override
  public String toString() {
    return strValue();
  }
}
