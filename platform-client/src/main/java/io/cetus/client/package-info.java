/**
 * The client contract every component uses to talk to the API: a flat {@link
 * io.cetus.client.ObjectClient} per kind, with list pages, watch streams and the options of list,
 * watch, patch and delete. Implementations live in {@code client.http}; informers built on top live
 * in {@code client.informer}.
 */
@NullMarked
package io.cetus.client;

import org.jspecify.annotations.NullMarked;
