/**
 * Kubernetes' rules for names, label keys and values and annotation sizes. Each check returns the
 * list of problems in plain words, empty when the input is valid, so callers can turn them into
 * field causes of a 422 Invalid or the message of a 400 BadRequest.
 */
@NullMarked
package io.cetus.api.validation;

import org.jspecify.annotations.NullMarked;
