/** The {@code batch/v1} kinds: Job and CronJob. */
@NullMarked
package io.cetus.api.batch;

import org.jspecify.annotations.NullMarked;
