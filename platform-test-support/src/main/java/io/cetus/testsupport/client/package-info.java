/**
 * Fakes of the client seams. {@link io.cetus.testsupport.client.FakeApiClient} is an in-memory API
 * server behind typed {@code ObjectClient}s and informers, for unit tests of controllers; {@link
 * io.cetus.testsupport.client.ObjectClientContract} holds the behaviours it shares with the real
 * object store, run against both. {@link io.cetus.testsupport.client.FakeListerWatcher} is a
 * single-kind event source for informer tests. All come with the failure modes of a real server on
 * demand.
 */
@NullMarked
package io.cetus.testsupport.client;

import org.jspecify.annotations.NullMarked;
