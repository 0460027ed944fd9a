/**
 * The informer engine, not for use outside {@code io.cetus.client}: the {@link
 * io.cetus.client.informer.internal.Reflector} that lists and watches into a store, the {@link
 * io.cetus.client.informer.internal.ThreadSafeStore} with its namespace index, and the {@link
 * io.cetus.client.informer.internal.NotifyingStore} that turns every store change into handler
 * callbacks on one dispatch thread.
 */
@NullMarked
package io.cetus.client.informer.internal;

import org.jspecify.annotations.NullMarked;
