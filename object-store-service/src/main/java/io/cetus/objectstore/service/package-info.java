/**
 * Kubernetes semantics over the object store: what create, replace, patch, delete, list and watch
 * mean for an object's metadata (uid, generation, resourceVersion preconditions, finalizers,
 * graceful deletion), the status and scale subresources, selectors and paging. The web layer
 * decodes requests into calls here; the garbage collector writes through here too, so every change
 * shows up in watches.
 */
@NullMarked
package io.cetus.objectstore.service;

import org.jspecify.annotations.NullMarked;
