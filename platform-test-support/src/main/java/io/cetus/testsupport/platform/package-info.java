/**
 * Platform components as child processes for integration and end-to-end tests: the built service
 * jars run with {@code java -jar} on ports the tests pick, against a Redis the tests own.
 */
@NullMarked
package io.cetus.testsupport.platform;

import org.jspecify.annotations.NullMarked;
