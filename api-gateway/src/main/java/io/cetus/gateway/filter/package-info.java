/**
 * Gateway filters of our own: the WebSocket proxy that lets the backend choose the subprotocol and
 * passes a refused upgrade back to the client.
 */
@NullMarked
package io.cetus.gateway.filter;

import org.jspecify.annotations.NullMarked;
