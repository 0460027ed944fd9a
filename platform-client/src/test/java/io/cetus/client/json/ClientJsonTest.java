package io.cetus.client.json;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.api.meta.ApiObject;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ClientJsonTest {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Test
  void podsAndNodesDecodeAsThePlatformMapperDecodesThem() throws IOException {
    for (var fixture :
        List.of(new Fixture<>("pod.json", Pod.class), new Fixture<>("node.json", Node.class))) {
      byte[] json = fixture.read();

      ApiObject fast = ClientJson.mapper().readValue(json, fixture.type());
      ApiObject standard = Json.mapper().readValue(json, fixture.type());

      assertThat(fast).isEqualTo(standard);
      assertThat(ClientJson.mapper().treeToValue(Json.mapper().readTree(json), fixture.type()))
          .isEqualTo(standard);
      assertThat(Json.mapper().writeValueAsString(fast))
          .isEqualTo(Json.mapper().writeValueAsString(standard));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-22T06:37:44Z",
        "2026-11-22T06:37:44.5Z",
        "2026-11-22T06:37:44.51Z",
        "2026-11-22T06:37:44.513Z",
        "2026-11-22T06:37:44.513168Z",
        "2026-11-22T06:37:44.513168029Z",
        "2026-11-22T06:37:44.000000001Z",
        "2024-02-29T23:59:59.999999999Z",
        "2000-02-29T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.9Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2026-04-30T12:00:00Z",
        "2026-12-31T12:00:00Z"
      })
  void timestampsInThePlatformsFormTakeTheShortcutToTheSameInstant(String text) {
    Instant expected = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);

    assertThat(FastInstantDeserializer.parse(text)).isEqualTo(expected);
    assertThat(readAt(ClientJson.mapper(), text)).isEqualTo(readAt(Json.mapper(), text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-22T07:37:44+01:00",
        "2026-11-22T06:37:44.513+00:00",
        "2026-11-22T06:37:44z",
        "2026-11-22t06:37:44Z",
        "2026-11-22 06:37:44Z",
        " 2026-11-22T06:37:44Z",
        "2026-11-22T06:37:44Z ",
        "2026-11-22T06:37:44.Z",
        "2026-11-22T06:37:44.1234567890Z",
        "2026-11-22T06:37:44,5Z",
        "2026-11-22T23:59:60Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22T06:60:00Z",
        "2026-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "+12026-11-22T06:37:44Z",
        "-0001-11-22T06:37:44Z",
        "2026-1a-22T06:37:44Z",
        "1700000000",
        "1700000000.5",
        "",
        "not a time"
      })
  void anyOtherTextGoesTheStandardWayAndEndsTheSame(String text) {
    assertThat(FastInstantDeserializer.parse(text)).isNull();
    Object fast = readOrFailure(ClientJson.mapper(), text);
    Object standard = readOrFailure(Json.mapper(), text);
    assertThat(fast).isEqualTo(standard);
  }

  @Test
  void randomInstantsReadTheSameBothWays() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
      int digits = random.nextInt(10);
      String fraction = String.format(Locale.ROOT, "%09d", instant.getNano()).substring(0, digits);
      String text = SECONDS.format(instant) + (digits == 0 ? "" : "." + fraction) + "Z";

      assertThat(readAt(ClientJson.mapper(), text)).as(text).isEqualTo(readAt(Json.mapper(), text));
    }
  }

  @Test
  void everyDayOfTheCalendarIsCountedAsLocalDateCountsIt() {
    for (LocalDate day = LocalDate.of(0, 1, 1);
        day.getYear() < 10_000;
        day = day.plusDays(day.getYear() >= 1900 && day.getYear() < 2200 ? 1 : 37)) {
      String text = day + "T12:34:56Z";
      assertThat(FastInstantDeserializer.parse(text))
          .as(text)
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
    }
  }

  @Test
  void numbersAndNullsGoTheStandardWay() {
    for (String value : List.of("1700000000", "1700000000.123456789", "null")) {
      String json = "{\"at\":" + value + "}";
      assertThat(ClientJson.mapper().readValue(json, Stamped.class))
          .isEqualTo(Json.mapper().readValue(json, Stamped.class));
    }
  }

  @Test
  void aPropertyWithAFormatOfItsOwnIsReadWithThatFormat() {
    String json = "{\"at\":\"2026-01-02 03:04\"}";

    Patterned fast = ClientJson.mapper().readValue(json, Patterned.class);

    assertThat(fast).isEqualTo(Json.mapper().readValue(json, Patterned.class));
    assertThat(fast.at()).isEqualTo(Instant.parse("2026-01-02T03:04:00Z"));
  }

  @Test
  void aConstructorThatThrowsFailsAsItDoesTheStandardWay() {
    String json = "{\"count\":-1}";

    Throwable fast = catchThrowable(() -> ClientJson.mapper().readValue(json, Counted.class));
    Throwable standard = catchThrowable(() -> Json.mapper().readValue(json, Counted.class));

    assertThat(fast).isInstanceOf(JacksonException.class).hasRootCauseMessage("negative count");
    assertThat(fast).hasSameClassAs(standard).hasMessage(standard.getMessage());
    assertThat(ClientJson.mapper().readValue("{\"count\":2}", Counted.class))
        .isEqualTo(new Counted(2));
  }

  private static Object readAt(JsonMapper mapper, String text) {
    return mapper.readValue("{\"at\":\"" + text + "\"}", Stamped.class).at();
  }

  /** The value read, or the failure's class and message. */
  private static Object readOrFailure(JsonMapper mapper, String text) {
    try {
      return String.valueOf(readAt(mapper, text));
    } catch (JacksonException e) {
      return e.getClass().getName() + ": " + e.getOriginalMessage();
    }
  }

  record Stamped(Instant at) {}

  record Patterned(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant at) {}

  record Counted(int count) {
    Counted {
      if (count < 0) {
        throw new IllegalArgumentException("negative count");
      }
    }
  }

  private record Fixture<T extends ApiObject>(String resource, Class<T> type) {
    byte[] read() throws IOException {
      try (InputStream in = ClientJsonTest.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        return in.readAllBytes();
      }
    }
  }
}
