/**
 * Admission of objects written through the API: Kubernetes' defaulting, validation and
 * create/update preparation, applied to the JSON tree the user sent so that fields Cetus does not
 * model are kept. {@link io.cetus.objectstore.admission.AdmissionChain} is the entry point; every
 * problem of an object is collected and reported at once as a 422 Invalid naming the fields.
 */
@NullMarked
package io.cetus.objectstore.admission;

import org.jspecify.annotations.NullMarked;
