/**
 * Label and field selectors with Kubernetes' syntax and meaning: parsing the query-string forms
 * ({@code labelSelector=app=web,tier in (fe,be)}, {@code fieldSelector=spec.nodeName=n1}),
 * converting the structured {@code LabelSelector} of workloads, and matching.
 */
@NullMarked
package io.cetus.api.selector;

import org.jspecify.annotations.NullMarked;
