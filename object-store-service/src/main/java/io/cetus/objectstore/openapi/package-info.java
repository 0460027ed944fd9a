/**
 * OpenAPI v3 documents of the API: the per-group-version documents kubectl reads from {@code
 * /openapi/v3} (to learn that the server validates fields, so {@code apply} and {@code create -f}
 * work without {@code --validate=false}), and one whole-API document for Swagger UI, with schemas
 * generated from the platform-api records and an example body per kind.
 */
@NullMarked
package io.cetus.objectstore.openapi;

import org.jspecify.annotations.NullMarked;
