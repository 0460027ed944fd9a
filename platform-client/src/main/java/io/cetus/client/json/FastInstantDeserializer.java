package io.cetus.client.json;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads an {@link Instant} written as {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (one to nine fraction
 * digits, UTC), the form Kubernetes and the platform write, with plain arithmetic; anything else
 * (offsets, numbers, blanks, leap seconds, out-of-range fields, five-digit years) and every
 * property with a {@code @JsonFormat} go to Jackson's {@link InstantDeserializer#INSTANT}, which
 * reads them as before. Both give the same {@code Instant} for every string the shortcut takes.
 */
final class FastInstantDeserializer extends ValueDeserializer<Instant> {

  private static final InstantDeserializer<Instant> STANDARD = InstantDeserializer.INSTANT;
  private static final long DAYS_0000_TO_1970 = 146_097L * 5 - (30L * 365 + 7);
  private static final int[] NANO_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = parse(parser.getString());
      if (instant != null) {
        return instant;
      }
    }
    return STANDARD.deserialize(parser, context);
  }

  @Override
  public ValueDeserializer<?> createContextual(
      DeserializationContext context, @Nullable BeanProperty property) {
    ValueDeserializer<?> contextual = STANDARD.createContextual(context, property);
    // A format of the property's own: the standard deserializer, configured for it.
    return contextual == STANDARD ? this : contextual;
  }

  @Override
  public Class<?> handledType() {
    return Instant.class;
  }

  /** The instant {@code text} names in the shortcut's form; {@code null} for any other text. */
  static @Nullable Instant parse(String text) {
    int length = text.length();
    if (length < 20
        || length == 21
        || length > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > lengthOfMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.') {
        return null;
      }
      int fraction = digits(text, 20, fractionDigits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * NANO_SCALE[fractionDigits];
    }
    return Instant.ofEpochSecond(
        epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** Days from 1970-01-01 to a valid date of a year from 0 to 9999, as {@code LocalDate} counts. */
  private static long epochDay(int year, int month, int day) {
    long days = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    days += (367 * month - 362) / 12 + day - 1;
    if (month > 2) {
      days -= isLeap(year) ? 1 : 2;
    }
    return days - DAYS_0000_TO_1970;
  }

  private static boolean isLeap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** The number the {@code count} ASCII digits at {@code from} write; -1 if one is no digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
