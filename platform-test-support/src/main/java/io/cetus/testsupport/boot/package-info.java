/**
 * Spring Boot tests of the controller services. {@link
 * io.cetus.testsupport.boot.ControllerServiceTest} runs a service whole, on an in-memory API server
 * instead of the object store; {@link io.cetus.testsupport.boot.LocalHttp} reads what its web
 * server answers.
 */
@NullMarked
package io.cetus.testsupport.boot;

import org.jspecify.annotations.NullMarked;
