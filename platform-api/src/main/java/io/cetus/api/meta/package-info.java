/** Object metadata shared by every kind: ObjectMeta, owner references, the ApiObject contract. */
@NullMarked
package io.cetus.api.meta;

import org.jspecify.annotations.NullMarked;
