/**
 * An in-memory {@link io.cetus.nodeagent.runtime.ContainerRuntime}: containers that "run" until
 * stopped, with exits, OOM kills, logs, exec results and images under the caller's control. It
 * serves unit tests and hollow nodes (many simulated nodes in one process, as Kubernetes' kubemark
 * does), and passes the same contract tests as the Docker runtime.
 */
@NullMarked
package io.cetus.nodeagent.runtime.fake;

import org.jspecify.annotations.NullMarked;
