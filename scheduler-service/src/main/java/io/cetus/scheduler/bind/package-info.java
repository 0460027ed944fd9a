/** Binding a pod to the node chosen for it, through the API's {@code binding} subresource. */
@NullMarked
package io.cetus.scheduler.bind;

import org.jspecify.annotations.NullMarked;
