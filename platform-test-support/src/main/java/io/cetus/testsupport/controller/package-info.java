/**
 * Fixtures for unit tests of controllers. {@link io.cetus.testsupport.controller.ControllerFixture}
 * is the in-memory API server, clock and informers a reconciler under test reads and writes, with
 * the waits that keep such tests free of sleeps.
 */
@NullMarked
package io.cetus.testsupport.controller;

import org.jspecify.annotations.NullMarked;
