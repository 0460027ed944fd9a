/**
 * Background clean-up that Kubernetes' controller manager does: garbage collection of dependents by
 * {@code ownerReferences} (background, foreground and orphan propagation) and the namespace
 * lifecycle (default namespaces, emptying and removing a terminating namespace).
 */
@NullMarked
package io.cetus.objectstore.gc;

import org.jspecify.annotations.NullMarked;
