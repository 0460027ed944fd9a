/**
 * The four patch formats of the Kubernetes API: JSON Patch (RFC 6902), JSON Merge Patch (RFC 7386),
 * strategic merge patch with Kubernetes' merge keys and directives for the built-in kinds, and a
 * simplified server-side apply. Pure functions over Jackson trees; {@link
 * io.cetus.objectstore.patch.Patcher} is the entry point.
 */
@NullMarked
package io.cetus.objectstore.patch;

import org.jspecify.annotations.NullMarked;
