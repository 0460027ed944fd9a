/**
 * Informers: a local, eventually consistent cache of one kind kept up to date by list-then-watch,
 * with {@link io.cetus.client.informer.ResourceEventHandler} callbacks on every change and {@link
 * io.cetus.client.informer.Lister}s to read the cache. Controllers read state from listers and
 * enqueue keys from handlers; they never act on the event payload itself.
 */
@NullMarked
package io.cetus.client.informer;

import org.jspecify.annotations.NullMarked;
