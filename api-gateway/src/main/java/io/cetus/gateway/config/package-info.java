/** Spring wiring of the gateway's own beans; the routes themselves live in application.yaml. */
@NullMarked
package io.cetus.gateway.config;

import org.jspecify.annotations.NullMarked;
