package io.cetus.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ApiTypes;
import io.cetus.api.resource.ResourceType;
import io.cetus.client.ObjectClientFactory;

/**
 * One API server, as a client sees it: its base URL, an optional bearer token and a shared {@link
 * HttpClient}. Make one per server and share it; it is thread-safe, and every {@link
 * HttpObjectClient} it makes shares its connections.
 *
 * <p>Closing it closes the {@code HttpClient} it created itself, never one passed to {@link
 * Builder#httpClient}.
 */
public final class ApiClient implements ObjectClientFactory, AutoCloseable {

  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI baseUri;
  private final @Nullable String bearerToken;
  private final HttpClient http;
  private final boolean ownsHttpClient;
  private final Duration requestTimeout;
  private final String fieldManager;

  private ApiClient(Builder builder) {
    this.baseUri = withoutTrailingSlash(builder.baseUri);
    this.bearerToken = builder.bearerToken;
    this.ownsHttpClient = builder.httpClient == null;
    this.http =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .build();
    this.requestTimeout = builder.requestTimeout;
    this.fieldManager = builder.fieldManager;
  }

  /** A client of the server at {@code baseUrl} (e.g. {@code http://localhost:8080}), no token. */
  public static ApiClient create(String baseUrl) {
    return builder(baseUrl).build();
  }

  public static Builder builder(String baseUrl) {
    return new Builder(URI.create(baseUrl));
  }

  @Override
  public <T extends ApiObject> HttpObjectClient<T> objects(ResourceType type, Class<T> javaType) {
    return new HttpObjectClient<>(this, type, javaType);
  }

  @Override
  public <T extends ApiObject> HttpObjectClient<T> forType(Class<T> javaType) {
    return objects(ApiTypes.typeOf(javaType), javaType);
  }

  public URI baseUri() {
    return baseUri;
  }

  @Override
  public void close() {
    if (ownsHttpClient) {
      http.shutdownNow(); // close() would wait for open watches to end
    }
  }

  HttpClient http() {
    return http;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  String fieldManager() {
    return fieldManager;
  }

  /** A request to {@code pathAndQuery} (starting with {@code /}) with the client's headers. */
  HttpRequest.Builder request(String pathAndQuery) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
            .header("Accept", "application/json")
            .header("User-Agent", "cetus-client/" + fieldManager);
    // For a watch the timeout bounds only the wait for the response headers, not the stream.
    request.timeout(requestTimeout);
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    return request;
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  /** Settings of an {@link ApiClient}; only the base URL is required. */
  public static final class Builder {

    private final URI baseUri;
    private @Nullable String bearerToken;
    private @Nullable HttpClient httpClient;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private String fieldManager = "cetus";

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri);
    }

    /** Sent as {@code Authorization: Bearer <token>} on every request. */
    public Builder bearerToken(@Nullable String token) {
      this.bearerToken = token;
      return this;
    }

    /** Share an existing client instead of creating one. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /**
     * The deadline of every request except watches, which stay open as long as the server lets
     * them.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The {@code fieldManager} of server-side apply patches, and the user agent's suffix. */
    public Builder fieldManager(String name) {
      this.fieldManager = name;
      return this;
    }

    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
