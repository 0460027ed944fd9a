/**
 * Child processes of a test JVM. {@link io.cetus.testsupport.process.ChildProcesses} makes sure
 * none outlives it and that each is asked to stop before it is killed.
 */
@NullMarked
package io.cetus.testsupport.process;

import org.jspecify.annotations.NullMarked;
