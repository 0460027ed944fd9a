package io.cetus.client;

import org.jspecify.annotations.Nullable;

/**
 * What a list asks for, as Kubernetes' list query parameters.
 *
 * @param labelSelector {@code labelSelector}, e.g. {@code app=web,tier!=cache}
 * @param fieldSelector {@code fieldSelector}, e.g. {@code spec.nodeName=node-1}
 * @param limit page size; {@code null} for everything in one page
 * @param continueToken the {@code continue} token of the previous page
 */
public record ListOptions(
    @Nullable String labelSelector,
    @Nullable String fieldSelector,
    @Nullable Integer limit,
    @Nullable String continueToken) {

  /** No selector, no paging. */
  public static final ListOptions ALL = new ListOptions(null, null, null, null);

  public ListOptions withLabelSelector(@Nullable String selector) {
    return new ListOptions(selector, fieldSelector, limit, continueToken);
  }

  public ListOptions withFieldSelector(@Nullable String selector) {
    return new ListOptions(labelSelector, selector, limit, continueToken);
  }

  public ListOptions withLimit(@Nullable Integer pageSize) {
    return new ListOptions(labelSelector, fieldSelector, pageSize, continueToken);
  }

  public ListOptions withContinue(@Nullable String token) {
    return new ListOptions(labelSelector, fieldSelector, limit, token);
  }
}
