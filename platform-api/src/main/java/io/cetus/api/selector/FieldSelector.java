package io.cetus.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

/**
 * A parsed {@code fieldSelector}: an AND of {@code field=value}, {@code field==value} and {@code
 * field!=value} terms, e.g. {@code spec.nodeName=n1,status.phase!=Succeeded}. A value may be empty
 * ({@code involvedObject.namespace=}); inside a value, {@code \,}, {@code \=} and {@code \\} stand
 * for the literal characters. Which fields a kind supports is the server's business, not this
 * class's. Immutable and thread-safe.
 *
 * <p>{@link #toString()} gives the text form again, requirements in their original order.
 */
public record FieldSelector(List<Requirement> requirements) {

  /** Selects everything. */
  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  public enum Operator {
    EQUALS("="),
    NOT_EQUALS("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  /** One term; {@code value} is unescaped. */
  public record Requirement(String field, Operator operator, String value) {

    public boolean matches(Function<String, @Nullable String> fieldValue) {
      String actual = fieldValue.apply(field);
      boolean equal = value.equals(actual == null ? "" : actual);
      return operator == Operator.EQUALS ? equal : !equal;
    }

    @Override
    public String toString() {
      return field + operator.symbol + escape(value);
    }
  }

  public FieldSelector {
    requirements = List.copyOf(requirements);
  }

  /**
   * Parses the text form.
   *
   * @param text the selector; {@code null} or blank selects everything
   * @throws ApiException 400 BadRequest for a term without an operator, an empty field name, a bad
   *     escape or an unescaped {@code =} in a value
   */
  public static FieldSelector parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String term : splitTerms(text)) {
      if (!term.isEmpty()) {
        requirements.add(term(text, term));
      }
    }
    return new FieldSelector(requirements);
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /**
   * Whether an object satisfies every term.
   *
   * @param fieldValue the object's value of a field path such as {@code metadata.name}; {@code
   *     null} for a field the object does not have, which counts as the empty string
   */
  public boolean matches(Function<String, @Nullable String> fieldValue) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(fieldValue)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  /** Splits at commas that are not escaped; escapes stay in the terms. */
  private static List<String> splitTerms(String text) {
    List<String> terms = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ',') {
        terms.add(text.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(text.substring(start));
    return terms;
  }

  private static Requirement term(String text, String term) {
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      Operator operator;
      int length;
      if (term.startsWith("!=", i)) {
        operator = Operator.NOT_EQUALS;
        length = 2;
      } else if (term.startsWith("==", i)) {
        operator = Operator.EQUALS;
        length = 2;
      } else if (c == '=') {
        operator = Operator.EQUALS;
        length = 1;
      } else {
        continue;
      }
      String field = term.substring(0, i);
      if (field.isEmpty()) {
        throw invalid(text, "term \"" + term + "\" names no field");
      }
      return new Requirement(field, operator, unescape(text, term.substring(i + length)));
    }
    throw invalid(
        text, "term \"" + term + "\" has no operator; expected field=value or field!=value");
  }

  private static String unescape(String text, String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        if (i + 1 >= value.length() || "\\,=".indexOf(value.charAt(i + 1)) < 0) {
          throw invalid(
              text,
              "value \"" + value + "\" has an invalid escape; only \\\\, \\, and \\= are allowed");
        }
        out.append(value.charAt(++i));
      } else if (c == '=') {
        throw invalid(text, "value \"" + value + "\" holds an unescaped '='; write it as \\=");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }

  private static ApiException invalid(String text, String detail) {
    return ApiException.badRequest("unable to parse field selector \"" + text + "\": " + detail);
  }
}
