/**
 * Server-side printing: the {@code meta.k8s.io/v1 Table} form of lists and objects that kubectl
 * asks for with {@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}, with the columns and
 * cell values Kubernetes computes for each kind (pod status reasons, ready counts, service ports,
 * ages).
 */
@NullMarked
package io.cetus.objectstore.table;

import org.jspecify.annotations.NullMarked;
