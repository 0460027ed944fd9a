package io.cetus.objectstore.service;

/**
 * How a write is carried out.
 *
 * @param dryRun do everything but store ({@code dryRun=All}): the answer is the would-be object
 */
public record WriteOptions(boolean dryRun) {

  public static final WriteOptions NORMAL = new WriteOptions(false);
}
