/**
 * The discovery documents of the API: {@code /version}, aggregated discovery ({@code /api} and
 * {@code /apis} as {@code apidiscovery.k8s.io/v2 APIGroupDiscoveryList}) and the legacy forms
 * ({@code APIVersions}, {@code APIGroupList}, {@code APIGroup}, {@code APIResourceList}), all
 * derived from {@link io.cetus.api.resource.ResourceTypes}.
 */
@NullMarked
package io.cetus.objectstore.discovery;

import org.jspecify.annotations.NullMarked;
