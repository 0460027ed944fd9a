package io.cetus.objectstore.service;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

/** The {@code dryRun} parameter: absent for a real write, {@code All} for a dry run. */
public final class DryRun {

  private DryRun() {}

  /**
   * @throws ApiException 400 for any other value
   */
  public static boolean parse(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    if (value.equals("All")) {
      return true;
    }
    throw ApiException.badRequest(
        "dryRun \"" + value + "\" is not supported; the only supported value is All");
  }
}
