/**
 * The api-gateway: the one public endpoint of Cetus. It routes the Kubernetes API to the object
 * store (routes are configuration in {@code application.yaml}), proxies WebSocket upgrades, serves
 * the Swagger UI, and answers every failure of its own with a Kubernetes {@code Status} body.
 */
@NullMarked
package io.cetus.gateway;

import org.jspecify.annotations.NullMarked;
