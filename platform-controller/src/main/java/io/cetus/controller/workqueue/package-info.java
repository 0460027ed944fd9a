/**
 * The de-duplicating, rate-limited work queue controllers feed with keys: an item waits at most
 * once, is never handed to two workers at a time, and comes back after a delay or an exponential
 * backoff when asked to.
 */
@NullMarked
package io.cetus.controller.workqueue;

import org.jspecify.annotations.NullMarked;
