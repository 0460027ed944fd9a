/**
 * The proxy: one per machine, it makes every TCP port of every Service with a cluster IP reachable
 * on that IP (held as a local address on the pods' network), on the node port and on the load
 * balancer address, and spreads the connections over the ready endpoints with Netty, in user space.
 * See {@code docs/design/services.md}, section "Proxy".
 */
@NullMarked
package io.cetus.serviceproxy.proxy;

import org.jspecify.annotations.NullMarked;
