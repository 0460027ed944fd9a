package io.cetus.api.watch;

/**
 * One line of a watch stream: {@code ADDED}, {@code MODIFIED}, {@code DELETED}, {@code BOOKMARK}
 * (only the resourceVersion of {@code object} is meaningful) or {@code ERROR} (the object is a
 * {@code Status}).
 */
public record WatchEvent<T>(String type, T object) {

  public static final String ADDED = "ADDED";
  public static final String MODIFIED = "MODIFIED";
  public static final String DELETED = "DELETED";
  public static final String BOOKMARK = "BOOKMARK";
  public static final String ERROR = "ERROR";
}
