package io.cetus.objectstore.admission;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CronScheduleTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * *",
        "*/15 * * * *",
        "0 0 1 1 *",
        "30 8-18/2 * * mon-fri",
        "0 12 * DEC SUN",
        "59 23 31 12 6",
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@midnight",
        "@every 45s"
      })
  void acceptsWhatTheCronJobControllerParses(String schedule) {
    assertThat(CronSchedule.problem(schedule)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * *|expected exactly 5 fields, found 4",
        "*/0 * * * *|invalid step \"0\" in minute",
        "0 24 * * *|hour value 24 out of range (0-23)",
        "0 0 0 * *|day of month value 0 out of range (1-31)",
        "0 0 * 13 *|month value 13 out of range (1-12)",
        "0 0 * * 7|day of week value 7 out of range (0-6)",
        "0 0 * FOO *|invalid value \"FOO\" in month",
        "30-10 * * * *|beginning of range (30) beyond end of range (10)",
        "@fortnightly|unrecognized descriptor: @fortnightly"
      })
  void explainsWhatItCannotParse(String schedule, String problem) {
    assertThat(CronSchedule.problem(schedule)).contains(problem);
  }
}
