/**
 * Implementation helpers of platform-api. Public only because the model spans several packages;
 * nothing outside platform-api may import this package.
 */
@NullMarked
package io.cetus.api.internal;

import org.jspecify.annotations.NullMarked;
