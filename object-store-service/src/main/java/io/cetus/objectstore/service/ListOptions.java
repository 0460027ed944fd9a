package io.cetus.objectstore.service;

import org.jspecify.annotations.Nullable;

/**
 * What a list asks for.
 *
 * @param limit the most items in one page; 0 for all
 * @param continueToken the {@code metadata.continue} of the previous page
 */
public record ListOptions(Selection selection, long limit, @Nullable String continueToken) {

  public static final ListOptions ALL = new ListOptions(Selection.EVERYTHING, 0, null);
}
