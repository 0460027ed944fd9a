package io.cetus.objectstore.table;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HumanDurationTest {

  @Test
  void printsAgesAsKubectlDoes() {
    assertThat(format(0)).isEqualTo("0s");
    assertThat(format(4)).isEqualTo("4s");
    assertThat(format(119)).isEqualTo("119s");
    assertThat(format(120)).isEqualTo("2m");
    assertThat(format(200)).isEqualTo("3m20s");
    assertThat(format(9 * 60 + 59)).isEqualTo("9m59s");
    assertThat(format(10 * 60 + 30)).isEqualTo("10m");
    assertThat(format(179 * 60)).isEqualTo("179m");
    assertThat(format(3 * 3600)).isEqualTo("3h");
    assertThat(format(4 * 3600 + 5 * 60)).isEqualTo("4h5m");
    assertThat(format(8 * 3600 + 5 * 60)).isEqualTo("8h");
    assertThat(format(47 * 3600)).isEqualTo("47h");
    assertThat(format(2 * 86400)).isEqualTo("2d");
    assertThat(format(2 * 86400 + 5 * 3600)).isEqualTo("2d5h");
    assertThat(format(10 * 86400 + 5 * 3600)).isEqualTo("10d");
    assertThat(format(400 * 86400)).isEqualTo("400d");
    assertThat(format(730 * 86400)).isEqualTo("2y");
    assertThat(format(740 * 86400)).isEqualTo("2y10d");
    assertThat(format(9 * 365 * 86400)).isEqualTo("9y");
  }

  @Test
  void toleratesSmallClockSkewButFlagsLargeSkew() {
    assertThat(format(-1)).isEqualTo("0s");
    assertThat(format(-5)).isEqualTo("<invalid>");
  }

  private static String format(long seconds) {
    return HumanDuration.format(Duration.ofSeconds(seconds));
  }
}
