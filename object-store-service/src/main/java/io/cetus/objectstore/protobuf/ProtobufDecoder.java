package io.cetus.objectstore.protobuf;

import java.util.Arrays;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.resource.ResourceTypes;
import io.kubernetes.client.proto.Runtime;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes a Kubernetes protobuf request body ({@value #MEDIA_TYPE}) into the JSON object the same
 * request would have carried as {@code application/json}, with {@code apiVersion} and {@code kind}
 * first.
 *
 * <p>The body is the magic {@code k8s\0} followed by a {@code runtime.Unknown} whose {@code
 * typeMeta} names the kind and whose {@code raw} holds the kind's message. Every kind of {@link
 * ResourceTypes} is understood, plus the bodies of subresources and deletes ({@code autoscaling/v1
 * Scale}, {@code v1 Binding}, {@code policy/v1 Eviction}, {@code DeleteOptions}). See {@link
 * ProtobufJson} for how fields map to JSON.
 *
 * <p>Errors: a body that is not a Kubernetes protobuf envelope or whose message does not parse
 * gives 400 BadRequest; a kind the server does not serve, or a compressed envelope, gives 415
 * UnsupportedMediaType naming it. Thread-safe and stateless.
 */
@Component
public class ProtobufDecoder {

  /** The media type of Kubernetes protobuf bodies. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private static final Set<String> SUBRESOURCE_BODIES =
      Set.of(
          "autoscaling/v1/Scale",
          "v1/Binding",
          "policy/v1/Eviction",
          "meta.k8s.io/v1/DeleteOptions",
          "v1/DeleteOptions");

  /** The JSON of the object encoded in {@code body}. */
  public ObjectNode decode(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, 4)) {
      throw ApiException.badRequest(
          "the request body is not a Kubernetes protobuf object: it does not start with k8s\\0");
    }
    Runtime.Unknown envelope = envelope(body);
    String apiVersion = envelope.getTypeMeta().getApiVersion();
    String kind = envelope.getTypeMeta().getKind();
    if (kind.isEmpty()) {
      throw ApiException.badRequest("the protobuf object does not name its kind (typeMeta.kind)");
    }
    if (!envelope.getContentEncoding().isEmpty()) {
      throw unsupported(
          "protobuf objects with content encoding "
              + envelope.getContentEncoding()
              + " are not supported");
    }
    Descriptor type = messageType(apiVersion, kind);
    DynamicMessage message;
    try {
      message = DynamicMessage.parseFrom(type, envelope.getRaw());
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest(
          "the protobuf " + kind + " object cannot be decoded: " + e.getMessage());
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", apiVersion);
    json.put("kind", kind);
    json.setAll(ProtobufJson.toJson(message));
    return json;
  }

  private static Runtime.Unknown envelope(byte[] body) {
    try {
      return Runtime.Unknown.parseFrom(
          ByteString.copyFrom(body, MAGIC.length, body.length - MAGIC.length));
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest(
          "the protobuf envelope (runtime.Unknown) cannot be decoded: " + e.getMessage());
    }
  }

  private static Descriptor messageType(String apiVersion, String kind) {
    boolean served =
        ResourceTypes.byKind(apiVersion, kind).isPresent()
            || SUBRESOURCE_BODIES.contains(apiVersion + "/" + kind);
    if (!served) {
      throw unsupported(
          "the server does not accept protobuf for kind "
              + kind
              + " in "
              + (apiVersion.isEmpty() ? "an unnamed apiVersion" : apiVersion)
              + "; send application/json");
    }
    return ProtobufMessages.forKind(apiVersion, kind)
        .orElseThrow(
            () ->
                unsupported(
                    "no protobuf schema for "
                        + apiVersion
                        + " "
                        + kind
                        + "; send application/json"));
  }

  private static ApiException unsupported(String message) {
    return new ApiException(Reason.UNSUPPORTED_MEDIA_TYPE, message);
  }
}
