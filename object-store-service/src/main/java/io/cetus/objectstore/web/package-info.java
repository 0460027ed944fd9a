/**
 * The HTTP face of the API server: Kubernetes paths parsed by hand, request bodies in JSON, YAML,
 * protobuf and the patch formats, responses always JSON (Tables when asked), watches as chunked
 * newline-delimited JSON or WebSocket frames, and every error as a Kubernetes {@code Status}.
 */
@NullMarked
package io.cetus.objectstore.web;

import org.jspecify.annotations.NullMarked;
