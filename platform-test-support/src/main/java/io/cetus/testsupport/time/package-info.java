/** Time for tests: a clock that moves only when the test says so. */
@NullMarked
package io.cetus.testsupport.time;

import org.jspecify.annotations.NullMarked;
