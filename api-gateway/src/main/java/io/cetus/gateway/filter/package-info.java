/**
 * Gateway filters of our own: the WebSocket proxy that lets the backend choose the subprotocol and
 * passes a refused upgrade back to the client, the pod-stream target, the proxy header rules, and
 * the headers-first write of streamed responses.
 */
@NullMarked
package io.cetus.gateway.filter;

import org.jspecify.annotations.NullMarked;
