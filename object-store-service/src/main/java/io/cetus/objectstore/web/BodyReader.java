package io.cetus.objectstore.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.json.Json;
import io.cetus.objectstore.patch.PatchType;
import io.cetus.objectstore.protobuf.ProtobufDecoder;
import io.cetus.objectstore.service.ApiServerProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies: at most {@code platform.object-store.max-body-bytes} of them (413 beyond),
 * decoded by {@code Content-Type} — JSON (also when there is no Content-Type, as {@code kubectl
 * scale} sends), YAML or Kubernetes protobuf; anything else is a 415. A body that does not parse,
 * or is not a JSON object, is a 400 that says why without exposing the parser.
 */
@Component
class BodyReader {

  static final String UNSUPPORTED_BODY =
      "the body of the request was in an unknown format - accepted media types include:"
          + " application/json, application/yaml, application/vnd.kubernetes.protobuf";
  static final String UNSUPPORTED_PATCH =
      "the body of the request was in an unknown format - accepted media types include:"
          + " application/json-patch+json, application/merge-patch+json,"
          + " application/apply-patch+yaml, application/strategic-merge-patch+json";

  /** Java type names in parser messages, e.g. {@code `java.lang.String`}. */
  private static final Pattern TYPE_NAME = Pattern.compile("`[\\w.$]+\\.[\\w.$]+`");

  private static final int MAX_MESSAGE = 300;

  private enum Format {
    JSON,
    YAML,
    PROTOBUF
  }

  private final ProtobufDecoder protobuf;
  private final int maxBytes;

  BodyReader(ProtobufDecoder protobuf, ApiServerProperties properties) {
    this.protobuf = protobuf;
    this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxBodyBytes().toBytes());
  }

  /**
   * The body as an object.
   *
   * @throws ApiException 400, 413 or 415
   */
  ObjectNode object(HttpServletRequest request) throws IOException {
    Format format = format(request.getContentType());
    return decode(format, bytes(request));
  }

  /** The body as an object, or null when there is none (DELETE may carry DeleteOptions). */
  @Nullable ObjectNode optionalObject(HttpServletRequest request) throws IOException {
    byte[] body = bytes(request);
    if (isBlank(body)) {
      return null;
    }
    return decode(format(request.getContentType()), body);
  }

  /** The patch format of a PATCH request; 415 for any other Content-Type. */
  PatchType patchType(HttpServletRequest request) {
    String contentType = request.getContentType();
    return PatchType.fromContentType(contentType == null ? "" : contentType)
        .orElseThrow(() -> new ApiException(Reason.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_PATCH));
  }

  /** The raw body, within the size limit. */
  byte[] bytes(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    InputStream in = request.getInputStream();
    if (declared > maxBytes) {
      drain(in);
      throw tooLarge();
    }
    if (declared >= 0) {
      // The usual case: the length is known, so the body is read straight into an array of that
      // size (the connector reads no further than the declared length).
      return in.readNBytes((int) declared);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    byte[] buffer = new byte[8 * 1024];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      if (out.size() + read > maxBytes) {
        drain(in);
        throw tooLarge();
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private ObjectNode decode(Format format, byte[] body) {
    if (format == Format.PROTOBUF) {
      try {
        return protobuf.decode(body);
      } catch (ApiException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ApiException.badRequest("the protobuf request body could not be decoded");
      }
    }
    if (isBlank(body)) {
      throw ApiException.badRequest("the request body is empty; an object was expected");
    }
    ObjectMapper mapper = format == Format.YAML ? Json.yaml() : Json.mapper();
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "the request body is not valid " + format.name() + ": " + describe(e));
    } catch (StackOverflowError e) {
      // a parser that recurses per nesting level; the input, not the server, is at fault
      throw ApiException.badRequest(
          "the request body is not valid " + format.name() + ": it is nested too deeply");
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw ApiException.badRequest("the request body is empty; an object was expected");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw ApiException.badRequest(
          "the request body must be a single object, not "
              + (tree.isArray()
                  ? "a list"
                  : "a " + tree.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return object;
  }

  private static Format format(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Format.JSON;
    }
    int semicolon = contentType.indexOf(';');
    String bare =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    return switch (bare) {
      case "application/json" -> Format.JSON;
      case "application/yaml", "application/x-yaml", "text/yaml" -> Format.YAML;
      case ProtobufDecoder.MEDIA_TYPE -> Format.PROTOBUF;
      default -> throw new ApiException(Reason.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_BODY);
    };
  }

  static String describe(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "it exceeds a limit of the reader (nesting depth, or the length of a name, string or"
          + " number)";
    }
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      message = "malformed content";
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = TYPE_NAME.matcher(message).replaceAll("a value");
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "...";
    }
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return message;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads and drops what is left of a refused body (up to a bound), so that the client, still
   * sending, gets to read the 413 rather than a reset connection.
   */
  private void drain(InputStream in) {
    long budget = 8L * maxBytes;
    byte[] buffer = new byte[64 * 1024];
    try {
      int read;
      while (budget > 0 && (read = in.read(buffer)) >= 0) {
        budget -= read;
      }
    } catch (IOException e) {
      // the client gave up; nothing left to drain
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        Reason.REQUEST_ENTITY_TOO_LARGE,
        "the request body is larger than the limit of " + maxBytes + " bytes");
  }
}
