/** The service-proxy. */
@NullMarked
package io.cetus.serviceproxy;

import org.jspecify.annotations.NullMarked;
