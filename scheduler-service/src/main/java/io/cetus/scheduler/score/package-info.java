/**
 * Scorers: each ranks the nodes a pod fits on, from 0 (worst) to 100 (best), for one preference;
 * the scheduler adds the scores up by weight. One scorer per file.
 */
@NullMarked
package io.cetus.scheduler.score;

import org.jspecify.annotations.NullMarked;
