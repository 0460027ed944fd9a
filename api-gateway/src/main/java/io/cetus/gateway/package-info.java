/** The api-gateway. */
@NullMarked
package io.cetus.gateway;

import org.jspecify.annotations.NullMarked;
