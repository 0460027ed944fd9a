/** The registry of kinds the API serves. */
@NullMarked
package io.cetus.api.resource;

import org.jspecify.annotations.NullMarked;
