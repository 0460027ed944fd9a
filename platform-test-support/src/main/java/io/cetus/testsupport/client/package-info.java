/**
 * Fakes of the client seams: {@link io.cetus.testsupport.client.FakeListerWatcher} is a working
 * in-memory event source for informers, with the failure modes of a real one on demand.
 */
@NullMarked
package io.cetus.testsupport.client;

import org.jspecify.annotations.NullMarked;
