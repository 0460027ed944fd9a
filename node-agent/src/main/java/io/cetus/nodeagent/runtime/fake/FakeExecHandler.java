package io.cetus.nodeagent.runtime.fake;

/**
 * What a command exec'd in a fake container does. Called on a thread of its own; may read {@link
 * FakeExec#stdin()} until end-of-file, write output, and act on the container.
 */
@FunctionalInterface
public interface FakeExecHandler {

  /**
   * Runs the command; returns its exit code. An {@link
   * io.cetus.nodeagent.runtime.ExecStartException} means the command could not start; any other
   * exception counts as exit code 126.
   */
  int run(FakeExec exec) throws Exception;
}
