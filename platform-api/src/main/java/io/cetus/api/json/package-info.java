/** The shared JSON and YAML mappers. */
@NullMarked
package io.cetus.api.json;

import org.jspecify.annotations.NullMarked;
