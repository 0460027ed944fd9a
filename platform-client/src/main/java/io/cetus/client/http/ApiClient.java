package io.cetus.client.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
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
  private final HttpClient http;
  private final boolean ownsHttpClient;
  private final Duration requestTimeout;
  private final String fieldManager;
  private final Map<String, String> headers;
  private final Transport transport;

  private ApiClient(Builder builder) {
    this.baseUri = withoutTrailingSlash(builder.baseUri);
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
    this.headers = headers(builder.fieldManager, builder.bearerToken);
    // Watches stream through the JDK client; whole answers over plain HTTP take the cheaper path.
    this.transport =
        builder.httpClient == null && "http".equals(baseUri.getScheme())
            ? new KeepAliveTransport(baseUri, headers, DEFAULT_CONNECT_TIMEOUT, requestTimeout)
            : new JdkTransport(http, this::request, requestTimeout);
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
    transport.close();
    if (ownsHttpClient) {
      http.shutdownNow(); // close() would wait for open watches to end
    }
  }

  HttpClient http() {
    return http;
  }

  String fieldManager() {
    return fieldManager;
  }

  /**
   * Sends {@code request} and returns the body of its 2xx answer; any other answer, or none, is
   * thrown as the {@link ApiException} it stands for.
   */
  byte[] send(ApiRequest request) {
    ApiAnswer answer;
    try {
      answer = transport.send(request);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) { // a virtual thread's socket, interrupted
        throw ErrorDecoder.interrupted(request.describe(), new InterruptedException());
      }
      throw ErrorDecoder.unreachable(request.describe(), e);
    } catch (InterruptedException e) {
      throw ErrorDecoder.interrupted(request.describe(), e);
    }
    if (answer.statusCode() / 100 != 2) {
      throw ErrorDecoder.fromResponse(answer.statusCode(), answer.body());
    }
    return answer.body();
  }

  /** A request to {@code pathAndQuery} (starting with {@code /}) with the client's headers. */
  HttpRequest.Builder request(String pathAndQuery) {
    var request = HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery));
    headers.forEach(request::header);
    // For a watch the timeout bounds only the wait for the response headers, not the stream.
    request.timeout(requestTimeout);
    return request;
  }

  private static Map<String, String> headers(String fieldManager, @Nullable String bearerToken) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Accept", "application/json");
    headers.put("User-Agent", "cetus-client/" + fieldManager);
    if (bearerToken != null) {
      headers.put("Authorization", "Bearer " + bearerToken);
    }
    return Collections.unmodifiableMap(headers);
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
