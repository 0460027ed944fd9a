/**
 * Recording {@code core/v1} Events about objects, as every component that acts on objects does (the
 * scheduler, the node lifecycle controller, node agents): deduplicated, best effort.
 */
@NullMarked
package io.cetus.controller.event;

import org.jspecify.annotations.NullMarked;
