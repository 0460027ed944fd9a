package io.cetus.objectstore.openapi;

/** Who reads a document, which decides what the PATCH operations declare. */
enum Audience {
  /**
   * kubectl, through {@code /openapi/v3}: PATCH operations have no request body, so kubectl's
   * client-side apply builds strategic merge patches from its compiled-in types.
   */
  KUBECTL,
  /** People, through Swagger UI: every request body with its schema and an example. */
  SWAGGER
}
