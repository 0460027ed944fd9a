/**
 * The Docker engine behind {@link io.cetus.nodeagent.runtime.ContainerRuntime}, through
 * docker-java. Split by concern like Nomad's docker driver: {@link
 * io.cetus.nodeagent.runtime.docker.DockerContainerRuntime} drives the calls, {@code DockerSpecs}
 * maps a spec to a create command, {@code DockerStatuses} maps inspect answers back, {@code
 * ImagePuller} shares concurrent pulls, {@code DockerEvents} follows the engine's event stream
 * (exits and OOM kills), {@code DockerExecSession} attaches to exec'd processes. This is the only
 * package that imports {@code com.github.dockerjava}; nothing engine-specific leaves it.
 */
@NullMarked
package io.cetus.nodeagent.runtime.docker;

import org.jspecify.annotations.NullMarked;
