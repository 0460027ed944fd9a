package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a lifecycle hook does; exactly one field is set. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LifecycleHandler(
    @Nullable ExecAction exec,
    @Nullable HTTPGetAction httpGet,
    @Nullable TCPSocketAction tcpSocket,
    @Nullable SleepAction sleep) {}
