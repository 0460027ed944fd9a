package io.cetus.nodeagent.runtime.fake;

/**
 * What a fake container does when it starts: print, exit, get OOM-killed, or nothing (it then runs
 * until stopped). Registered with {@link FakeContainerRuntime#onStart}; called on the starting
 * thread, after the container is running and before {@code start} returns.
 */
@FunctionalInterface
public interface FakeProgram {

  void started(FakeProcess process);
}
