package io.cetus.objectstore.service;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

/** What happens to an object's dependents when it is deleted. */
public enum PropagationPolicy {
  /** The owner goes at once; the garbage collector deletes the dependents afterwards. */
  BACKGROUND,
  /** The owner stays, marked, until the garbage collector has deleted its dependents. */
  FOREGROUND,
  /** The dependents lose their owner reference and stay. */
  ORPHAN;

  /**
   * The policy named as in {@code DeleteOptions.propagationPolicy} ({@code Background}, ...).
   *
   * @throws ApiException 400 for another name
   */
  public static PropagationPolicy parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "background" -> BACKGROUND;
      case "foreground" -> FOREGROUND;
      case "orphan" -> ORPHAN;
      default ->
          throw ApiException.badRequest(
              "propagationPolicy \""
                  + name
                  + "\" is not supported; use Background, Foreground or Orphan");
    };
  }

  /** The policy, or {@link #BACKGROUND} when none was asked for. */
  public static PropagationPolicy orDefault(@Nullable PropagationPolicy policy) {
    return policy == null ? BACKGROUND : policy;
  }
}
