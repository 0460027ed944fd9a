package io.cetus.objectstore.protobuf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a decoded Kubernetes protobuf message into the JSON Kubernetes would write for it.
 *
 * <p>Field JSON names are the protobuf names (Kubernetes generates them from the JSON tags). The
 * wrapper messages of apimachinery become their JSON forms: {@code Time} and {@code MicroTime} RFC
 * 3339 strings, {@code IntOrString} a number or string, {@code Quantity} a string, {@code
 * RawExtension} and {@code FieldsV1} the embedded JSON; {@code bytes} become base64, as Go's JSON
 * does for {@code []byte}. Go structs embedded with {@code json:",inline"} (a Volume's
 * VolumeSource, a ConfigMapKeySelector's LocalObjectReference) are flattened into their parent.
 *
 * <p>gogo-protobuf writes every non-pointer Go field, set or not, so the decoded message carries
 * empty strings, zeros and empty structs the sender never set. They are dropped the way Go's {@code
 * omitempty} would drop them: empty strings, empty lists and maps, zero times, messages that end up
 * empty ({@code resources: {}}, {@code status: {}}), and zeros and {@code false} of the plain value
 * fields listed in {@link #PLAIN_VALUE_FIELDS} and of every {@code *Status} message. Zeros of other
 * fields are kept: Kubernetes makes them pointers because 0 or {@code false} means something there
 * ({@code replicas: 0}, {@code automountServiceAccountToken: false}). An empty message directly
 * under a volume source is kept too: {@code emptyDir: {}} selects the volume type.
 */
final class ProtobufJson {

  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final String TIME = META + "Time";
  private static final String MICRO_TIME = META + "MicroTime";
  private static final String FIELDS_V1 = META + "FieldsV1";
  private static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
  private static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
  private static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";

  /** Message types embedded inline in their parent's JSON when the field is named after them. */
  private static final Set<String> INLINE_TYPES =
      Set.of(
          "k8s.io.api.core.v1.VolumeSource",
          "k8s.io.api.core.v1.PersistentVolumeSource",
          "k8s.io.api.core.v1.EphemeralContainerCommon",
          "k8s.io.api.core.v1.LocalObjectReference");

  /** Messages whose empty sub-messages are meaningful: the sub-message picks the volume type. */
  private static final Set<String> KEEP_EMPTY_CHILDREN =
      Set.of("k8s.io.api.core.v1.VolumeSource", "k8s.io.api.core.v1.PersistentVolumeSource");

  /**
   * Plain (non-pointer, {@code omitempty}) Go fields by message simple name: gogo-protobuf always
   * writes them, so a zero or {@code false} here means "not set".
   */
  private static final Map<String, Set<String>> PLAIN_VALUE_FIELDS =
      Map.ofEntries(
          Map.entry("ObjectMeta", Set.of("generation")),
          Map.entry("Container", Set.of("stdin", "stdinOnce", "tty")),
          Map.entry("EphemeralContainerCommon", Set.of("stdin", "stdinOnce", "tty")),
          Map.entry("ContainerPort", Set.of("hostPort")),
          Map.entry("PodSpec", Set.of("hostNetwork", "hostPID", "hostIPC")),
          Map.entry("ServiceSpec", Set.of("publishNotReadyAddresses", "healthCheckNodePort")),
          Map.entry("ServicePort", Set.of("nodePort", "targetPort")),
          Map.entry(
              "Probe",
              Set.of(
                  "initialDelaySeconds",
                  "timeoutSeconds",
                  "periodSeconds",
                  "successThreshold",
                  "failureThreshold")),
          Map.entry("VolumeMount", Set.of("readOnly")),
          Map.entry("DeploymentSpec", Set.of("minReadySeconds", "paused")),
          Map.entry("ReplicaSetSpec", Set.of("minReadySeconds")),
          Map.entry("DaemonSetSpec", Set.of("minReadySeconds")),
          Map.entry("StatefulSetSpec", Set.of("minReadySeconds")),
          Map.entry("NodeSpec", Set.of("unschedulable")),
          Map.entry("Event", Set.of("count")));

  /** Pointer strings where {@code ""} is a value of its own. */
  private static final Set<String> MEANINGFUL_EMPTY_STRINGS =
      Set.of("PersistentVolumeClaimSpec.storageClassName");

  private static final DateTimeFormatter MICRO_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtobufJson() {}

  /** The JSON object of {@code message}; never null (an empty message gives {@code {}}). */
  static ObjectNode toJson(Message message) {
    ObjectNode json = NODES.objectNode();
    writeFields(message, json);
    return json;
  }

  private static void writeFields(Message message, ObjectNode into) {
    Descriptor type = message.getDescriptorForType();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      Object value = entry.getValue();
      if (isInline(field)) {
        writeFields((Message) value, into);
        continue;
      }
      JsonNode json = field.isMapField() ? map(field, value) : fieldValue(type, field, value);
      if (json != null) {
        into.set(field.getJsonName(), json);
      }
    }
  }

  private static @Nullable JsonNode fieldValue(Descriptor owner, FieldDescriptor field, Object v) {
    if (field.isRepeated()) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : (List<?>) v) {
        JsonNode json = element(field, element);
        array.add(json == null ? NODES.nullNode() : json);
      }
      return array.isEmpty() ? null : array;
    }
    JsonNode json = element(field, v);
    if (json == null) {
      return null;
    }
    if (json.isString() && json.asString().isEmpty()) {
      return MEANINGFUL_EMPTY_STRINGS.contains(owner.getName() + "." + field.getName())
          ? json
          : null;
    }
    if (json.isObject() && json.isEmpty()) {
      return KEEP_EMPTY_CHILDREN.contains(owner.getFullName()) ? json : null;
    }
    if (isZero(json) && isPlainValueField(owner, field)) {
      return null;
    }
    return json;
  }

  private static @Nullable JsonNode map(FieldDescriptor field, Object entries) {
    ObjectNode object = NODES.objectNode();
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByName("key");
    FieldDescriptor valueField = entryType.findFieldByName("value");
    for (Object e : (List<?>) entries) {
      Message entry = (Message) e;
      String key = String.valueOf(entry.getField(keyField));
      JsonNode value = element(valueField, entry.getField(valueField));
      object.set(key, value == null ? NODES.nullNode() : value);
    }
    return object.isEmpty() ? null : object;
  }

  private static @Nullable JsonNode element(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case STRING -> NODES.stringNode((String) value);
      case INT -> NODES.numberNode((Integer) value);
      case LONG -> NODES.numberNode((Long) value);
      case FLOAT -> NODES.numberNode((Float) value);
      case DOUBLE -> NODES.numberNode((Double) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case BYTE_STRING ->
          NODES.stringNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM -> NODES.stringNode(value.toString());
      case MESSAGE -> message((Message) value);
    };
  }

  private static @Nullable JsonNode message(Message message) {
    return switch (message.getDescriptorForType().getFullName()) {
      case TIME -> time(message, false);
      case MICRO_TIME -> time(message, true);
      case INT_OR_STRING -> intOrString(message);
      case QUANTITY -> NODES.stringNode(stringField(message, "string"));
      case RAW_EXTENSION -> embeddedJson(message, "raw");
      case FIELDS_V1 -> embeddedJson(message, "Raw");
      default -> toJson(message);
    };
  }

  /** Go writes a zero time as {@code null}; dropping it is the same to every reader. */
  private static @Nullable JsonNode time(Message time, boolean micro) {
    long seconds = ((Number) fieldOrDefault(time, "seconds")).longValue();
    int nanos = ((Number) fieldOrDefault(time, "nanos")).intValue();
    if (seconds == 0 && nanos == 0) {
      return null;
    }
    Instant instant = Instant.ofEpochSecond(seconds, micro ? nanos : 0);
    return NODES.stringNode(
        micro ? MICRO_FORMAT.format(instant) : DateTimeFormatter.ISO_INSTANT.format(instant));
  }

  private static JsonNode intOrString(Message value) {
    long type = ((Number) fieldOrDefault(value, "type")).longValue();
    return type == 1
        ? NODES.stringNode(stringField(value, "strVal"))
        : NODES.numberNode(((Number) fieldOrDefault(value, "intVal")).intValue());
  }

  private static @Nullable JsonNode embeddedJson(Message message, String fieldName) {
    ByteString raw = (ByteString) fieldOrDefault(message, fieldName);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return Json.mapper().readTree(raw.toByteArray());
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "embedded object in field "
              + message.getDescriptorForType().getName()
              + " is not JSON: "
              + e.getOriginalMessage());
    }
  }

  private static String stringField(Message message, String name) {
    return (String) fieldOrDefault(message, name);
  }

  private static Object fieldOrDefault(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new IllegalStateException(
          message.getDescriptorForType().getFullName() + " has no field " + name);
    }
    return message.getField(field);
  }

  private static boolean isInline(FieldDescriptor field) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
      return false;
    }
    Descriptor type = field.getMessageType();
    String simpleName = type.getName();
    return INLINE_TYPES.contains(type.getFullName())
        && field
            .getName()
            .equals(Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1));
  }

  private static boolean isPlainValueField(Descriptor owner, FieldDescriptor field) {
    return owner.getName().endsWith("Status")
        || PLAIN_VALUE_FIELDS.getOrDefault(owner.getName(), Set.of()).contains(field.getName());
  }

  private static boolean isZero(JsonNode json) {
    return (json.isBoolean() && !json.booleanValue())
        || (json.isNumber() && json.doubleValue() == 0);
  }
}
