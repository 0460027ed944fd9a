package io.cetus.objectstore.service;

import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of a patch.
 *
 * @param created whether server-side apply created the object (201 rather than 200)
 */
public record PatchResult(ObjectNode object, boolean created) {}
