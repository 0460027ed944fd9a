package io.cetus.api.quantity;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cetus.api.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

  @ParameterizedTest
  @CsvSource({
    "100m, 0.1",
    "0.5, 0.5",
    "2, 2",
    "512Mi, 536870912",
    "1Gi, 1073741824",
    "1.5Gi, 1610612736",
    "1Ki, 1024",
    "1Ti, 1099511627776",
    "1e3, 1000",
    "1E3, 1000",
    "5e-1, 0.5",
    "1k, 1000",
    "1M, 1000000",
    "1G, 1000000000",
    "2T, 2000000000000",
    "1E, 1000000000000000000",
    "250u, 0.00025",
    "7n, 0.000000007",
    ".5, 0.5",
    "+3, 3",
    "-2k, -2000",
    "1., 1"
  })
  void parsesEveryNotation(String text, String value) {
    Quantity quantity = Quantity.parse(text);
    assertThat(quantity.value()).isEqualByComparingTo(new BigDecimal(value));
    assertThat(quantity.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "abc", "1Gb", "1 Gi", "1K", "1e", "1.2.3", "Mi", "1mi", "e3", "--1", "1e1000"
      })
  void rejectsWhatIsNotAQuantity(String text) {
    assertThatThrownBy(() -> Quantity.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void equalsAndHashCodeFollowTheValue() {
    assertThat(Quantity.parse("0.5")).isEqualTo(Quantity.parse("500m"));
    assertThat(Quantity.parse("0.5")).hasSameHashCodeAs(Quantity.parse("500m"));
    assertThat(Quantity.parse("1Gi")).isEqualTo(Quantity.parse("1073741824"));
    assertThat(Quantity.parse("1k")).isEqualTo(Quantity.parse("1e3"));
    assertThat(Quantity.parse("0"))
        .isEqualTo(Quantity.parse("0m"))
        .hasSameHashCodeAs(Quantity.parse("0m"));
    assertThat(Quantity.parse("1Ki")).isNotEqualTo(Quantity.parse("1k"));
  }

  @Test
  void comparesByValue() {
    assertThat(Quantity.parse("1Ki")).isGreaterThan(Quantity.parse("1k"));
    assertThat(Quantity.parse("999m")).isLessThan(Quantity.parse("1"));
    assertThat(Quantity.parse("1M")).isLessThan(Quantity.parse("1Mi"));
    assertThat(Quantity.parse("2").compareTo(Quantity.parse("2000m"))).isZero();
  }

  @Test
  void milliValueAndLongValueRoundUp() {
    assertThat(Quantity.parse("100m").milliValue()).isEqualTo(100);
    assertThat(Quantity.parse("1.5").milliValue()).isEqualTo(1500);
    assertThat(Quantity.parse("1n").milliValue()).isEqualTo(1);
    assertThat(Quantity.parse("100m").longValue()).isEqualTo(1);
    assertThat(Quantity.parse("2").longValue()).isEqualTo(2);
    assertThat(Quantity.parse("1.5Ki").longValue()).isEqualTo(1536);
    assertThat(Quantity.parse("-1.5").longValue()).isEqualTo(-1);
    assertThat(Quantity.parse("1e30").longValue()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void factoriesAndSum() {
    assertThat(Quantity.of(4).toString()).isEqualTo("4");
    assertThat(Quantity.ofMillis(250).toString()).isEqualTo("250m");
    assertThat(Quantity.ofMillis(250)).isEqualTo(Quantity.parse("0.25"));
    Quantity sum = Quantity.parse("100m").add(Quantity.parse("0.4"));
    assertThat(sum).isEqualTo(Quantity.parse("500m"));
    assertThat(Quantity.parse(sum.toString())).isEqualTo(sum);
  }

  @Test
  void jsonIsTheOriginalTextAndAcceptsNumbers() {
    Map<String, Quantity> limits =
        Json.mapper()
            .readValue(
                "{\"cpu\":0.5,\"memory\":\"512Mi\",\"pods\":110}",
                new TypeReference<Map<String, Quantity>>() {});
    assertThat(limits.get("cpu")).isEqualTo(Quantity.parse("500m"));
    assertThat(limits.get("pods").longValue()).isEqualTo(110);
    assertThat(Json.mapper().writeValueAsString(Quantity.parse("512Mi"))).isEqualTo("\"512Mi\"");
    assertThat(Json.mapper().writeValueAsString(limits.get("cpu"))).isEqualTo("\"0.5\"");
  }

  @Test
  void badJsonQuantityIsAJacksonError() {
    assertThatThrownBy(() -> Json.mapper().readValue("\"12 apples\"", Quantity.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("12 apples");
    assertThatThrownBy(() -> Json.mapper().readValue("{}", Quantity.class))
        .isInstanceOf(JacksonException.class);
  }
}
