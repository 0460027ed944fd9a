package io.cetus.objectstore.patch;

/**
 * A well-formed JSON Patch operation that does not apply to the document: its path is missing, an
 * index is out of range, or a {@code test} found another value. {@link Patcher} turns it into a 422
 * naming the object.
 */
final class JsonPatchFailedException extends RuntimeException {

  private final String path;

  JsonPatchFailedException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** The JSON pointer of the operation that failed. */
  String path() {
    return path;
  }
}
