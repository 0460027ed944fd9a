/**
 * A real Redis server for integration tests: each test class forks its own {@code redis-server} on
 * a free port, so tests never share state with each other or with a developer's Redis.
 */
@NullMarked
package io.cetus.testsupport.redis;

import org.jspecify.annotations.NullMarked;
