package io.cetus.api.meta;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The metadata of a list: the revision it was read at (watch from it to miss nothing) and the token
 * of the next page.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ListMeta(
    @Nullable String resourceVersion,
    @JsonProperty("continue") @Nullable String continueToken,
    @Nullable Long remainingItemCount) {}
