/**
 * Decoding of Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}),
 * which kubectl's generators ({@code kubectl create deployment|namespace|configmap|...}) send, into
 * the JSON the same object has, so the rest of the server only ever sees JSON.
 */
@NullMarked
package io.cetus.objectstore.protobuf;

import org.jspecify.annotations.NullMarked;
