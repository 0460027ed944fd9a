/**
 * The reconcile contract: a {@link io.cetus.controller.reconcile.Request} names an object, a {@link
 * io.cetus.controller.reconcile.Reconciler} drives it toward its desired state and answers with a
 * {@link io.cetus.controller.reconcile.Result}, or throws to be retried with backoff.
 */
@NullMarked
package io.cetus.controller.reconcile;

import org.jspecify.annotations.NullMarked;
