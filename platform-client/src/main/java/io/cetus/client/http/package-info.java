/**
 * The HTTP implementation of the client contract: {@link io.cetus.client.http.ApiClient} holds the
 * server address, credentials and the connections, and makes an {@link
 * io.cetus.client.http.HttpObjectClient} per kind. Requests answered whole go over kept-alive
 * HTTP/1.1 connections of its own; watches are chunked newline-delimited JSON streams through the
 * JDK's {@link java.net.http.HttpClient}, read line by line as they arrive.
 */
@NullMarked
package io.cetus.client.http;

import org.jspecify.annotations.NullMarked;
