/**
 * The HTTP implementation of the client contract: {@link io.cetus.client.http.ApiClient} holds the
 * server address, credentials and one shared {@link java.net.http.HttpClient}, and makes an {@link
 * io.cetus.client.http.HttpObjectClient} per kind. Watches are chunked newline-delimited JSON
 * streams, read line by line as they arrive.
 */
@NullMarked
package io.cetus.client.http;

import org.jspecify.annotations.NullMarked;
