/** The deployment-service. */
@NullMarked
package io.cetus.deployment;

import org.jspecify.annotations.NullMarked;
