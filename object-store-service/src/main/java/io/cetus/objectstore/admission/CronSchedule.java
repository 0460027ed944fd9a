package io.cetus.objectstore.admission;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The syntax of a CronJob schedule, as the CronJob controller parses it: five fields (minute, hour,
 * day of month, month, day of week) of values, ranges, steps, lists and names ({@code JAN}, {@code
 * MON}), or a macro such as {@code @hourly} or {@code @every 90m}.
 */
final class CronSchedule {

  private static final List<String> MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final Pattern EVERY =
      Pattern.compile("@every ([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private record Bounds(String name, int min, int max, List<String> names, int firstName) {}

  private static final List<Bounds> FIELDS =
      List.of(
          new Bounds("minute", 0, 59, List.of(), 0),
          new Bounds("hour", 0, 23, List.of(), 0),
          new Bounds("day of month", 1, 31, List.of(), 0),
          new Bounds("month", 1, 12, MONTHS, 1),
          new Bounds("day of week", 0, 6, DAYS, 0));

  private CronSchedule() {}

  /** Why {@code schedule} cannot be parsed; empty when it can. */
  static Optional<String> problem(String schedule) {
    String text = schedule.strip();
    if (text.startsWith("@")) {
      if (MACROS.contains(text) || EVERY.matcher(text).matches()) {
        return Optional.empty();
      }
      return Optional.of("unrecognized descriptor: " + text);
    }
    String[] fields = text.split("\\s+");
    if (fields.length != FIELDS.size()) {
      return Optional.of(
          "expected exactly 5 fields, found " + (text.isEmpty() ? 0 : fields.length));
    }
    for (int i = 0; i < fields.length; i++) {
      Optional<String> problem = field(fields[i], FIELDS.get(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> field(String field, Bounds bounds) {
    for (String part : field.split(",", -1)) {
      Optional<String> problem = part(part, bounds);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> part(String part, Bounds bounds) {
    String range = part;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      String step = part.substring(slash + 1);
      if (!NUMBER.matcher(step).matches() || Integer.parseInt(step) == 0) {
        return Optional.of("invalid step \"" + step + "\" in " + bounds.name());
      }
      range = part.substring(0, slash);
    }
    if (range.equals("*") || range.equals("?")) {
      return Optional.empty();
    }
    String[] ends = range.split("-", -1);
    if (ends.length > 2) {
      return Optional.of("too many hyphens in " + bounds.name() + ": " + part);
    }
    int[] values = new int[ends.length];
    for (int i = 0; i < ends.length; i++) {
      Integer value = value(ends[i], bounds);
      if (value == null) {
        return Optional.of("invalid value \"" + ends[i] + "\" in " + bounds.name());
      }
      if (value < bounds.min() || value > bounds.max()) {
        return Optional.of(
            bounds.name()
                + " value "
                + value
                + " out of range ("
                + bounds.min()
                + "-"
                + bounds.max()
                + ")");
      }
      values[i] = value;
    }
    if (values.length == 2 && values[0] > values[1]) {
      return Optional.of(
          "beginning of range (" + values[0] + ") beyond end of range (" + values[1] + ")");
    }
    return Optional.empty();
  }

  private static @Nullable Integer value(String text, Bounds bounds) {
    if (NUMBER.matcher(text).matches()) {
      return text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
    }
    int index = bounds.names().indexOf(text.toUpperCase(Locale.ROOT));
    return index < 0 ? null : index + bounds.firstName();
  }
}
