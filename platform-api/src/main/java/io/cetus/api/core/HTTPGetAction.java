package io.cetus.api.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.IntOrString;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An HTTP GET against the pod ({@code host} defaults to the pod IP); a status from 200 to 399 is
 * success. {@code port} is a number or the name of a container port.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HTTPGetAction(
    @Nullable String path,
    @Nullable IntOrString port,
    @Nullable String host,
    @Nullable String scheme,
    List<HTTPHeader> httpHeaders) {

  public HTTPGetAction {
    httpHeaders = Copies.list(httpHeaders);
  }
}
