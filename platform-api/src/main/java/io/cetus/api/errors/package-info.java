/** The error vocabulary shared by server and clients: Kubernetes' Status and reasons. */
@NullMarked
package io.cetus.api.errors;

import org.jspecify.annotations.NullMarked;
