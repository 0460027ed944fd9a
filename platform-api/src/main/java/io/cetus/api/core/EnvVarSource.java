package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where an {@link EnvVar} takes its value from; exactly one field is set. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EnvVarSource(
    @Nullable ObjectFieldSelector fieldRef,
    @Nullable ResourceFieldSelector resourceFieldRef,
    @Nullable ConfigMapKeySelector configMapKeyRef,
    @Nullable SecretKeySelector secretKeyRef) {}
