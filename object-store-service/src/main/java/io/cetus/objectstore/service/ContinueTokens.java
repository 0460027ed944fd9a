package io.cetus.objectstore.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

/**
 * The {@code continue} token of paged lists: the store's position, base64url-encoded so that
 * clients treat it as opaque.
 */
final class ContinueTokens {

  private ContinueTokens() {}

  static @Nullable String encode(@Nullable String continueAfter) {
    return continueAfter == null
        ? null
        : Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(continueAfter.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws ApiException 400 when the token is not one this server handed out
   */
  static @Nullable String decode(@Nullable String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      String position = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (position.indexOf('/') < 0) {
        throw invalid(token);
      }
      return position;
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  private static ApiException invalid(String token) {
    return ApiException.badRequest(
        "continue key is not valid: \"" + token + "\" was not returned by a previous list");
  }
}
