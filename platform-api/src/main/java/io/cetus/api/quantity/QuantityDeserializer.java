package io.cetus.api.quantity;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a {@link Quantity} from a JSON string ({@code "512Mi"}) or number ({@code 2}, {@code 0.5}),
 * as YAML manifests often write bare numbers.
 */
final class QuantityDeserializer extends StdDeserializer<Quantity> {

  QuantityDeserializer() {
    super(Quantity.class);
  }

  @Override
  public Quantity deserialize(JsonParser parser, DeserializationContext context) {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_STRING
        && token != JsonToken.VALUE_NUMBER_INT
        && token != JsonToken.VALUE_NUMBER_FLOAT) {
      return (Quantity) context.handleUnexpectedToken(Quantity.class, parser);
    }
    String text = parser.getString().trim();
    try {
      return Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      return (Quantity) context.reportInputMismatch(Quantity.class, "%s", e.getMessage());
    }
  }
}
