package io.cetus.controller;

import java.util.List;
import java.util.Map;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;

/** ConfigMaps to feed informers in tests: any kind will do, this one is small. */
public final class ConfigMaps {

  private ConfigMaps() {}

  public static ConfigMap configMap(String namespace, String name) {
    return new ConfigMap(null, null, ObjectMeta.named(namespace, name), null, Map.of(), Map.of());
  }

  public static ConfigMap ownedBy(String namespace, String name, OwnerReference... owners) {
    ConfigMap configMap = configMap(namespace, name);
    return configMap.withMetadata(configMap.metadata().withOwnerReferences(List.of(owners)));
  }
}
