package io.cetus.api.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link Instant} as Kubernetes' {@code MicroTime}: RFC 3339 in UTC with exactly six
 * fractional digits ({@code 2026-11-21T22:43:06.000000Z}). Go clients parse these fields with a
 * fixed six-digit layout and reject any other width, so {@code Lease} and {@code Event.eventTime}
 * fields use this serializer; digits beyond the microsecond are dropped. Reading needs nothing
 * special: the default {@code Instant} reader accepts any RFC 3339 form.
 */
public final class MicroTimeSerializer extends StdSerializer<Instant> {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  public MicroTimeSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
    generator.writeString(FORMAT.format(value));
  }
}
