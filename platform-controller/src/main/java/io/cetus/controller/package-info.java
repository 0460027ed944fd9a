/**
 * The controller runtime: a {@link io.cetus.controller.Controller} turns informer events into
 * {@link io.cetus.controller.reconcile.Request}s on a work queue and runs a reconciler on them with
 * a fixed number of workers; {@link io.cetus.controller.ControllerBuilder} wires one, and {@link
 * io.cetus.controller.ControllerManager} starts informers, waits for their caches, then starts the
 * controllers.
 */
@NullMarked
package io.cetus.controller;

import org.jspecify.annotations.NullMarked;
