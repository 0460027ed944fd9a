/**
 * What every kind shares: object metadata and owner references, the {@code ApiObject} contract,
 * structured label selectors, conditions, {@code IntOrString} and the {@code Scale} subresource.
 */
@NullMarked
package io.cetus.api.meta;

import org.jspecify.annotations.NullMarked;
