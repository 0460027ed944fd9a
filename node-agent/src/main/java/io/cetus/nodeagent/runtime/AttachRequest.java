package io.cetus.nodeagent.runtime;

/**
 * What to connect to a container's main process.
 *
 * @param stdin the caller's writes to {@link ExecSession#stdin()} reach the process; only if the
 *     container was created with {@link ContainerSpec#stdin()}, otherwise they are discarded
 * @param stdout deliver its stdout
 * @param stderr deliver its stderr
 */
public record AttachRequest(boolean stdin, boolean stdout, boolean stderr) {}
