/**
 * Event handlers that turn informer events into reconcile requests: for the object itself, for its
 * controlling owner, or through any mapping.
 */
@NullMarked
package io.cetus.controller.handler;

import org.jspecify.annotations.NullMarked;
