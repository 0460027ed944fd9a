package io.cetus.api.meta;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes an {@link IntOrString} as a bare JSON number or string. */
final class IntOrStringSerializer extends StdSerializer<IntOrString> {

  IntOrStringSerializer() {
    super(IntOrString.class);
  }

  @Override
  public void serialize(IntOrString value, JsonGenerator generator, SerializationContext context) {
    if (value.isInt()) {
      generator.writeNumber(value.intValue());
    } else {
      generator.writeString(value.strValue());
    }
  }
}
