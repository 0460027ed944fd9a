/**
 * The core ({@code v1}) kinds: Pod, Node, Namespace, Service, Endpoints, ConfigMap, Secret, Event,
 * Binding, with their nested types and helpers for controllers.
 */
@NullMarked
package io.cetus.api.core;

import org.jspecify.annotations.NullMarked;
