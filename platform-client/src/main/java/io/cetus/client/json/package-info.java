/**
 * How the client decodes what the API and the object store's streams send: {@link
 * io.cetus.client.json.ClientJson}, the platform's JSON configuration with faster paths for what
 * every object carries (timestamps, records), reading exactly what {@link
 * io.cetus.api.json.Json#mapper()} reads.
 */
@NullMarked
package io.cetus.client.json;

import org.jspecify.annotations.NullMarked;
