/** Watch stream events. */
@NullMarked
package io.cetus.api.watch;

import org.jspecify.annotations.NullMarked;
