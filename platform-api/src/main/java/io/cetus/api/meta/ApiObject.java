package io.cetus.api.meta;

/**
 * Anything stored by the API: every kind's record implements it (fabric8's {@code HasMetadata}).
 * Records are immutable, so an object read from a cache can be shared freely; change it with its
 * {@code withX} methods, which return a copy.
 */
public interface ApiObject {

  String apiVersion();

  String kind();

  ObjectMeta metadata();
}
