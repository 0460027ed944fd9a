package io.cetus.api.quantity;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes a {@link Quantity} as the JSON string it was parsed from. */
final class QuantitySerializer extends StdSerializer<Quantity> {

  QuantitySerializer() {
    super(Quantity.class);
  }

  @Override
  public void serialize(Quantity value, JsonGenerator generator, SerializationContext context) {
    generator.writeString(value.toString());
  }
}
