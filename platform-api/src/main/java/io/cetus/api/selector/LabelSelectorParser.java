package io.cetus.api.selector;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.selector.LabelRequirement.Operator;
import io.cetus.api.validation.Names;

/**
 * Parses the text form of a label selector. Grammar, with whitespace allowed between tokens:
 *
 * <pre>
 * selector    := requirement ( "," requirement )*
 * requirement := "!" key | key [ ( "=" | "==" | "!=" ) [value] | ( "in" | "notin" ) "(" values ")"
 *                               | ( "&gt;" | "&lt;" ) integer ]
 * values      := [value] ( "," [value] )*        -- an empty slot stands for the empty value
 * </pre>
 *
 * Not thread-safe; one instance parses one text.
 */
final class LabelSelectorParser {

  private enum Kind {
    WORD,
    BANG,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    GREATER_THAN,
    LESS_THAN,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  private record Token(Kind kind, String text, int position) {

    String describe() {
      return kind == Kind.END ? "end of selector" : "'" + text + "'";
    }
  }

  private static final String SPECIAL = "!=(),<>";

  private final String text;
  private final List<Token> tokens;
  private int next;

  private LabelSelectorParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  static List<LabelRequirement> parse(String text) {
    return new LabelSelectorParser(text).selector();
  }

  private List<LabelRequirement> selector() {
    List<LabelRequirement> requirements = new ArrayList<>();
    if (peek().kind() == Kind.END) {
      return requirements;
    }
    while (true) {
      requirements.add(requirement());
      Token token = take();
      if (token.kind() == Kind.END) {
        return requirements;
      }
      if (token.kind() != Kind.COMMA) {
        throw error(token, "expected ',' or end of selector after a requirement");
      }
    }
  }

  private LabelRequirement requirement() {
    Token first = take();
    if (first.kind() == Kind.BANG) {
      Token key = take();
      if (key.kind() != Kind.WORD) {
        throw error(key, "expected a label key after '!'");
      }
      return new LabelRequirement(validKey(key.text()), Operator.DOES_NOT_EXIST, List.of());
    }
    if (first.kind() != Kind.WORD) {
      throw error(first, "expected a label key");
    }
    String key = validKey(first.text());
    Kind following = peek().kind();
    if (following == Kind.END || following == Kind.COMMA) {
      return new LabelRequirement(key, Operator.EXISTS, List.of());
    }
    Token operator = take();
    return switch (operator.kind()) {
      case EQUALS -> exact(key, Operator.EQUALS);
      case DOUBLE_EQUALS -> exact(key, Operator.DOUBLE_EQUALS);
      case NOT_EQUALS -> exact(key, Operator.NOT_EQUALS);
      case GREATER_THAN -> integer(key, Operator.GREATER_THAN);
      case LESS_THAN -> integer(key, Operator.LESS_THAN);
      case WORD ->
          switch (operator.text()) {
            case "in" -> set(key, Operator.IN);
            case "notin" -> set(key, Operator.NOT_IN);
            default -> throw operatorExpected(operator);
          };
      default -> throw operatorExpected(operator);
    };
  }

  private LabelRequirement exact(String key, Operator operator) {
    Kind following = peek().kind();
    if (following == Kind.END || following == Kind.COMMA) {
      return new LabelRequirement(key, operator, List.of(""));
    }
    Token value = take();
    if (value.kind() != Kind.WORD) {
      throw error(value, "expected a value for label key \"" + key + "\"");
    }
    return new LabelRequirement(key, operator, List.of(validValue(key, value.text())));
  }

  private LabelRequirement integer(String key, Operator operator) {
    Token value = take();
    if (value.kind() != Kind.WORD) {
      throw error(value, "expected an integer value for label key \"" + key + "\"");
    }
    try {
      Long.parseLong(value.text());
    } catch (NumberFormatException e) {
      throw error(
          value, "label key \"" + key + "\" can be compared with '<' or '>' only to an integer");
    }
    return new LabelRequirement(key, operator, List.of(value.text()));
  }

  private LabelRequirement set(String key, Operator operator) {
    Token open = take();
    if (open.kind() != Kind.OPEN) {
      throw error(open, "expected '(' to start the values of label key \"" + key + "\"");
    }
    List<String> values = new ArrayList<>();
    boolean expectValue = true;
    while (true) {
      Token token = take();
      switch (token.kind()) {
        case WORD -> {
          if (!expectValue) {
            throw error(token, "expected ',' or ')' between values");
          }
          values.add(validValue(key, token.text()));
          expectValue = false;
        }
        case COMMA -> {
          if (expectValue) {
            values.add("");
          }
          expectValue = true;
        }
        case CLOSE -> {
          if (expectValue) {
            values.add("");
          }
          return new LabelRequirement(key, operator, values);
        }
        default ->
            throw error(token, "expected a value, ',' or ')' in the values of \"" + key + "\"");
      }
    }
  }

  private String validKey(String key) {
    List<String> problems = Names.qualifiedName(key);
    if (!problems.isEmpty()) {
      throw invalid("label key \"" + key + "\" is invalid: " + String.join("; ", problems));
    }
    return key;
  }

  private String validValue(String key, String value) {
    List<String> problems = Names.labelValue(value);
    if (!problems.isEmpty()) {
      throw invalid(
          "value \""
              + value
              + "\" of label key \""
              + key
              + "\" is invalid: "
              + String.join("; ", problems));
    }
    return value;
  }

  private ApiException operatorExpected(Token token) {
    return error(token, "expected one of '=', '==', '!=', 'in', 'notin', '<', '>'");
  }

  private ApiException error(Token token, String expectation) {
    return invalid(
        expectation + ", found " + token.describe() + " at position " + token.position());
  }

  private ApiException invalid(String detail) {
    return ApiException.badRequest("unable to parse label selector \"" + text + "\": " + detail);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (SPECIAL.indexOf(c) >= 0) {
        @Nullable Character second = i + 1 < text.length() ? text.charAt(i + 1) : null;
        Kind kind = symbol(c, second);
        int length = kind == Kind.DOUBLE_EQUALS || kind == Kind.NOT_EQUALS ? 2 : 1;
        tokens.add(new Token(kind, text.substring(i, i + length), i));
        i += length;
      } else {
        int start = i;
        while (i < text.length()
            && !Character.isWhitespace(text.charAt(i))
            && SPECIAL.indexOf(text.charAt(i)) < 0) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
      }
    }
    tokens.add(new Token(Kind.END, "", text.length()));
    return tokens;
  }

  private static Kind symbol(char c, @Nullable Character second) {
    boolean equalsFollows = second != null && second == '=';
    return switch (c) {
      case '!' -> equalsFollows ? Kind.NOT_EQUALS : Kind.BANG;
      case '=' -> equalsFollows ? Kind.DOUBLE_EQUALS : Kind.EQUALS;
      case '(' -> Kind.OPEN;
      case ')' -> Kind.CLOSE;
      case ',' -> Kind.COMMA;
      case '>' -> Kind.GREATER_THAN;
      default -> Kind.LESS_THAN;
    };
  }
}
