package io.cetus.api.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One container of a pod. {@code resources} is always present, possibly empty, as in Kubernetes;
 * the other nested objects are absent unless given. {@code restartPolicy: Always} on an init
 * container makes it a sidecar. Build one with {@link #builder()} or {@link #of}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Container(
    String name,
    @Nullable String image,
    List<String> command,
    List<String> args,
    @Nullable String workingDir,
    List<ContainerPort> ports,
    List<EnvFromSource> envFrom,
    List<EnvVar> env,
    ResourceRequirements resources,
    List<VolumeMount> volumeMounts,
    @Nullable Probe livenessProbe,
    @Nullable Probe readinessProbe,
    @Nullable Probe startupProbe,
    @Nullable Lifecycle lifecycle,
    @Nullable String terminationMessagePath,
    @Nullable String terminationMessagePolicy,
    @Nullable String imagePullPolicy,
    @Nullable Map<String, Object> securityContext,
    @Nullable Boolean stdin,
    @Nullable Boolean stdinOnce,
    @Nullable Boolean tty,
    @Nullable String restartPolicy) {

  public Container {
    name = Objects.requireNonNullElse(name, "");
    command = Copies.list(command);
    args = Copies.list(args);
    ports = Copies.list(ports);
    envFrom = Copies.list(envFrom);
    env = Copies.list(env);
    resources = Objects.requireNonNullElse(resources, ResourceRequirements.EMPTY);
    volumeMounts = Copies.list(volumeMounts);
    securityContext = Copies.json(securityContext);
  }

  /** A container running {@code image} and nothing else set. */
  public static Container of(String name, String image) {
    return builder().name(name).image(image).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to change a few of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.image = image;
    builder.command = command;
    builder.args = args;
    builder.workingDir = workingDir;
    builder.ports = ports;
    builder.envFrom = envFrom;
    builder.env = env;
    builder.resources = resources;
    builder.volumeMounts = volumeMounts;
    builder.livenessProbe = livenessProbe;
    builder.readinessProbe = readinessProbe;
    builder.startupProbe = startupProbe;
    builder.lifecycle = lifecycle;
    builder.terminationMessagePath = terminationMessagePath;
    builder.terminationMessagePolicy = terminationMessagePolicy;
    builder.imagePullPolicy = imagePullPolicy;
    builder.securityContext = securityContext;
    builder.stdin = stdin;
    builder.stdinOnce = stdinOnce;
    builder.tty = tty;
    builder.restartPolicy = restartPolicy;
    return builder;
  }

  /** Builds a {@link Container}; unset collections are empty, unset values absent. */
  public static final class Builder {

    private @Nullable String name;
    private @Nullable String image;
    private @Nullable List<String> command;
    private @Nullable List<String> args;
    private @Nullable String workingDir;
    private @Nullable List<ContainerPort> ports;
    private @Nullable List<EnvFromSource> envFrom;
    private @Nullable List<EnvVar> env;
    private @Nullable ResourceRequirements resources;
    private @Nullable List<VolumeMount> volumeMounts;
    private @Nullable Probe livenessProbe;
    private @Nullable Probe readinessProbe;
    private @Nullable Probe startupProbe;
    private @Nullable Lifecycle lifecycle;
    private @Nullable String terminationMessagePath;
    private @Nullable String terminationMessagePolicy;
    private @Nullable String imagePullPolicy;
    private @Nullable Map<String, Object> securityContext;
    private @Nullable Boolean stdin;
    private @Nullable Boolean stdinOnce;
    private @Nullable Boolean tty;
    private @Nullable String restartPolicy;

    private Builder() {}

    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    public Builder image(@Nullable String image) {
      this.image = image;
      return this;
    }

    public Builder command(@Nullable List<String> command) {
      this.command = command;
      return this;
    }

    public Builder args(@Nullable List<String> args) {
      this.args = args;
      return this;
    }

    public Builder workingDir(@Nullable String workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    public Builder ports(@Nullable List<ContainerPort> ports) {
      this.ports = ports;
      return this;
    }

    public Builder envFrom(@Nullable List<EnvFromSource> envFrom) {
      this.envFrom = envFrom;
      return this;
    }

    public Builder env(@Nullable List<EnvVar> env) {
      this.env = env;
      return this;
    }

    public Builder resources(@Nullable ResourceRequirements resources) {
      this.resources = resources;
      return this;
    }

    public Builder volumeMounts(@Nullable List<VolumeMount> volumeMounts) {
      this.volumeMounts = volumeMounts;
      return this;
    }

    public Builder livenessProbe(@Nullable Probe livenessProbe) {
      this.livenessProbe = livenessProbe;
      return this;
    }

    public Builder readinessProbe(@Nullable Probe readinessProbe) {
      this.readinessProbe = readinessProbe;
      return this;
    }

    public Builder startupProbe(@Nullable Probe startupProbe) {
      this.startupProbe = startupProbe;
      return this;
    }

    public Builder lifecycle(@Nullable Lifecycle lifecycle) {
      this.lifecycle = lifecycle;
      return this;
    }

    public Builder terminationMessagePath(@Nullable String terminationMessagePath) {
      this.terminationMessagePath = terminationMessagePath;
      return this;
    }

    public Builder terminationMessagePolicy(@Nullable String terminationMessagePolicy) {
      this.terminationMessagePolicy = terminationMessagePolicy;
      return this;
    }

    public Builder imagePullPolicy(@Nullable String imagePullPolicy) {
      this.imagePullPolicy = imagePullPolicy;
      return this;
    }

    public Builder securityContext(@Nullable Map<String, Object> securityContext) {
      this.securityContext = securityContext;
      return this;
    }

    public Builder stdin(@Nullable Boolean stdin) {
      this.stdin = stdin;
      return this;
    }

    public Builder stdinOnce(@Nullable Boolean stdinOnce) {
      this.stdinOnce = stdinOnce;
      return this;
    }

    public Builder tty(@Nullable Boolean tty) {
      this.tty = tty;
      return this;
    }

    public Builder restartPolicy(@Nullable String restartPolicy) {
      this.restartPolicy = restartPolicy;
      return this;
    }

    public Container build() {
      return new Container(
          name,
          image,
          command,
          args,
          workingDir,
          ports,
          envFrom,
          env,
          resources,
          volumeMounts,
          livenessProbe,
          readinessProbe,
          startupProbe,
          lifecycle,
          terminationMessagePath,
          terminationMessagePolicy,
          imagePullPolicy,
          securityContext,
          stdin,
          stdinOnce,
          tty,
          restartPolicy);
    }
  }
}
