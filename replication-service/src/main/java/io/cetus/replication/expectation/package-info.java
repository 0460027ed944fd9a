/**
 * What a workload controller has asked the API for and not yet seen in its informer cache: pods it
 * created or deleted. A controller acts on a workload only when its expectations are met (or have
 * timed out), so a cache that lags behind the controller's own writes never makes it create or
 * delete twice.
 */
@NullMarked
package io.cetus.replication.expectation;

import org.jspecify.annotations.NullMarked;
