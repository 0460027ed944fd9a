package io.cetus.api.meta;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/** Reads an {@link IntOrString} from a JSON integer or string; anything else is an input error. */
final class IntOrStringDeserializer extends StdDeserializer<IntOrString> {

  IntOrStringDeserializer() {
    super(IntOrString.class);
  }

  @Override
  public IntOrString deserialize(JsonParser parser, DeserializationContext context) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return IntOrString.of(parser.getIntValue());
    }
    if (token == JsonToken.VALUE_STRING) {
      return IntOrString.of(parser.getString());
    }
    return (IntOrString) context.handleUnexpectedToken(IntOrString.class, parser);
  }
}
