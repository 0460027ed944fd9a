/** Kubernetes resource quantities such as {@code 100m}, {@code 512Mi} and {@code 1e3}. */
@NullMarked
package io.cetus.api.quantity;

import org.jspecify.annotations.NullMarked;
