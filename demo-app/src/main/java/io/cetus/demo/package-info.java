/**
 * A small demo application to run in Cetus pods, in the spirit of kuard: it reports where it runs,
 * serves liveness and readiness endpoints that can be switched to fail, retains memory on request
 * to simulate a leak, echoes requests, exits on request or after a delay, and can also forward a
 * port to another address so it stands in for an nginx proxy. It uses only the JDK, so it starts in
 * a fraction of a second from a minimal image.
 */
@NullMarked
package io.cetus.demo;

import org.jspecify.annotations.NullMarked;
