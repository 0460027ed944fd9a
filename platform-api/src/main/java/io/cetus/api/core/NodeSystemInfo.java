package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Facts about a node's machine and software, as {@code kubectl describe node} prints them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSystemInfo(
    String machineID,
    String systemUUID,
    String bootID,
    String kernelVersion,
    String osImage,
    String containerRuntimeVersion,
    String kubeletVersion,
    String kubeProxyVersion,
    String operatingSystem,
    String architecture) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final NodeSystemInfo EMPTY =
      new NodeSystemInfo(null, null, null, null, null, null, null, null, null, null);

  public NodeSystemInfo {
    machineID = Objects.requireNonNullElse(machineID, "");
    systemUUID = Objects.requireNonNullElse(systemUUID, "");
    bootID = Objects.requireNonNullElse(bootID, "");
    kernelVersion = Objects.requireNonNullElse(kernelVersion, "");
    osImage = Objects.requireNonNullElse(osImage, "");
    containerRuntimeVersion = Objects.requireNonNullElse(containerRuntimeVersion, "");
    kubeletVersion = Objects.requireNonNullElse(kubeletVersion, "");
    kubeProxyVersion = Objects.requireNonNullElse(kubeProxyVersion, "");
    operatingSystem = Objects.requireNonNullElse(operatingSystem, "");
    architecture = Objects.requireNonNullElse(architecture, "");
  }
}
