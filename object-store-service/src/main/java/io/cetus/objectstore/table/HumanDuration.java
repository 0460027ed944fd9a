package io.cetus.objectstore.table;

import java.time.Duration;

/**
 * Kubernetes' short, human form of a duration, as kubectl prints ages: exact seconds up to two
 * minutes ({@code 90s}), then minutes and seconds ({@code 3m20s}), minutes ({@code 45m}), hours and
 * minutes below 8 hours ({@code 4h5m}), hours below two days ({@code 30h}), days and hours below 8
 * days ({@code 2d5h}), days below two years ({@code 400d}), years and days below 8 years, then
 * years. Trailing zero parts are left out ({@code 5m}, {@code 4h}, {@code 3d}).
 */
final class HumanDuration {

  private HumanDuration() {}

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < -1) {
      return "<invalid>"; // a clock ahead of ours by more than the skew we tolerate
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return withPart(minutes, "m", seconds % 60, "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return withPart(hours, "h", minutes % 60, "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = hours / 24;
    if (hours < 24 * 8) {
      return withPart(days, "d", hours % 24, "h");
    }
    if (days < 365 * 2) {
      return days + "d";
    }
    long years = days / 365;
    if (days < 365 * 8) {
      return withPart(years, "y", days % 365, "d");
    }
    return years + "y";
  }

  private static String withPart(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
  }
}
