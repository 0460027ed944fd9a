package io.cetus.api.errors;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a {@code Status} is about: the object's name, group and kind, and the causes. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatusDetails(
    @Nullable String name,
    @Nullable String group,
    @Nullable String kind,
    @Nullable String uid,
    @Nullable List<StatusCause> causes,
    @Nullable Integer retryAfterSeconds) {

  public StatusDetails {
    causes = causes == null ? null : List.copyOf(causes);
  }
}
