package io.cetus.api.core;

import java.util.List;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Runs {@code command} in the container (no shell); exit status 0 is success. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExecAction(List<String> command) {

  public ExecAction {
    command = Copies.list(command);
  }
}
