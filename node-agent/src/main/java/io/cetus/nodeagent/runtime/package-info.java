/**
 * The node agent's view of a container engine: the {@link
 * io.cetus.nodeagent.runtime.ContainerRuntime} contract, the values it takes and returns, and its
 * unchecked exceptions. Nothing here knows which engine runs the containers; implementations live
 * in {@code runtime.docker} (the Docker engine) and {@code runtime.fake} (in memory, for tests and
 * hollow nodes), and both pass the same contract tests.
 */
@NullMarked
package io.cetus.nodeagent.runtime;

import org.jspecify.annotations.NullMarked;
