package io.cetus.api.meta;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntOrStringTest {

  @Test
  void roundTripsAsBareIntOrString() {
    List<IntOrString> values =
        Json.mapper()
            .readValue("[8080,\"http\",\"25%\",\"80\"]", new TypeReference<List<IntOrString>>() {});

    assertThat(values)
        .containsExactly(
            IntOrString.of(8080),
            IntOrString.of("http"),
            IntOrString.of("25%"),
            IntOrString.of("80"));
    assertThat(Json.mapper().writeValueAsString(values))
        .isEqualTo("[8080,\"http\",\"25%\",\"80\"]");
  }

  @Test
  void intAndItsDigitsAreDifferentValues() {
    assertThat(IntOrString.of(80)).isNotEqualTo(IntOrString.of("80"));
    assertThat(IntOrString.of(80).isInt()).isTrue();
    assertThat(IntOrString.of("80").isInt()).isFalse();
    assertThat(IntOrString.of(80).strValue()).isEqualTo("80");
    assertThatThrownBy(() -> IntOrString.of("http").intValue())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resolvesPercentagesRoundingAsAsked() {
    assertThat(IntOrString.of("25%").resolve(10, true)).isEqualTo(3);
    assertThat(IntOrString.of("25%").resolve(10, false)).isEqualTo(2);
    assertThat(IntOrString.of("100%").resolve(7, false)).isEqualTo(7);
    assertThat(IntOrString.of("0%").resolve(7, true)).isZero();
    assertThat(IntOrString.of(2).resolve(10, true)).isEqualTo(2);
  }

  @Test
  void resolvingANonPercentageStringFails() {
    assertThatThrownBy(() -> IntOrString.of("http").resolve(10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"http\"");
    assertThatThrownBy(() -> IntOrString.of("x%").resolve(10, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherJsonIsRejected() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"a\":1}", IntOrString.class))
        .isInstanceOf(JacksonException.class);
  }
}
