/** The scheduler-service. */
@NullMarked
package io.cetus.scheduler;

import org.jspecify.annotations.NullMarked;
