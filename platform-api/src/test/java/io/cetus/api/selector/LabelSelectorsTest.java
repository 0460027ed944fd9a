package io.cetus.api.selector;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.LabelSelectorRequirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelSelectorsTest {

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend");
  private static final Map<String, String> DB = Map.of("app", "db");
  private static final Map<String, String> NONE = Map.of();

  @Test
  void nullOrBlankSelectsEverything() {
    assertThat(LabelSelectors.parse(null).isEverything()).isTrue();
    assertThat(LabelSelectors.parse("  ").isEverything()).isTrue();
    assertThat(LabelSelectors.parse("").matches(NONE)).isTrue();
    assertThat(Selector.EVERYTHING.toString()).isEmpty();
  }

  @Test
  void equalityMatchesOnlyTheValue() {
    Selector selector = LabelSelectors.parse("app=web");
    assertThat(selector.isEverything()).isFalse();
    assertThat(selector.matches(WEB)).isTrue();
    assertThat(selector.matches(DB)).isFalse();
    assertThat(selector.matches(NONE)).isFalse();
    assertThat(LabelSelectors.parse("app==web").matches(WEB)).isTrue();
    assertThat(LabelSelectors.parse("app==web").matches(DB)).isFalse();
  }

  @Test
  void inequalityAlsoMatchesObjectsWithoutTheLabel() {
    Selector selector = LabelSelectors.parse("app!=web");
    assertThat(selector.matches(WEB)).isFalse();
    assertThat(selector.matches(DB)).isTrue();
    assertThat(selector.matches(NONE)).isTrue();
  }

  @Test
  void inMatchesAnyListedValue() {
    Selector selector = LabelSelectors.parse("app in (web, db)");
    assertThat(selector.matches(WEB)).isTrue();
    assertThat(selector.matches(DB)).isTrue();
    assertThat(selector.matches(Map.of("app", "cache"))).isFalse();
    assertThat(selector.matches(NONE)).isFalse();
  }

  @Test
  void notinExcludesListedValuesButMatchesMissingLabels() {
    Selector selector = LabelSelectors.parse("app notin (web)");
    assertThat(selector.matches(WEB)).isFalse();
    assertThat(selector.matches(DB)).isTrue();
    assertThat(selector.matches(NONE)).isTrue();
  }

  @Test
  void existenceAndNonExistence() {
    assertThat(LabelSelectors.parse("tier").matches(WEB)).isTrue();
    assertThat(LabelSelectors.parse("tier").matches(DB)).isFalse();
    assertThat(LabelSelectors.parse("!tier").matches(WEB)).isFalse();
    assertThat(LabelSelectors.parse("!tier").matches(DB)).isTrue();
  }

  @Test
  void greaterAndLessThanCompareIntegers() {
    assertThat(LabelSelectors.parse("gen>2").matches(Map.of("gen", "3"))).isTrue();
    assertThat(LabelSelectors.parse("gen>2").matches(Map.of("gen", "2"))).isFalse();
    assertThat(LabelSelectors.parse("gen<2").matches(Map.of("gen", "1"))).isTrue();
    assertThat(LabelSelectors.parse("gen<2").matches(Map.of("gen", "x"))).isFalse();
    assertThat(LabelSelectors.parse("gen<2").matches(NONE)).isFalse();
  }

  @Test
  void commaRequiresEveryRequirement() {
    Selector selector = LabelSelectors.parse("app=web, tier in (frontend), !canary");
    assertThat(selector.matches(WEB)).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "backend"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "frontend", "canary", ""))).isFalse();
  }

  @Test
  void emptyValuesAreAllowed() {
    assertThat(LabelSelectors.parse("app=").matches(Map.of("app", ""))).isTrue();
    assertThat(LabelSelectors.parse("app=").matches(DB)).isFalse();
    assertThat(LabelSelectors.parse("app in (db,)").matches(Map.of("app", ""))).isTrue();
    assertThat(LabelSelectors.parse("app in ()").toString()).isEqualTo("app in ()");
  }

  @Test
  void valuesMayBeKeywordsAndKeysMayBePrefixed() {
    Selector selector = LabelSelectors.parse("app.kubernetes.io/name=in");
    assertThat(selector.matches(Map.of("app.kubernetes.io/name", "in"))).isTrue();
  }

  @Test
  void toStringIsCanonicalSortedAndReparseable() {
    Selector selector = LabelSelectors.parse("tier notin (b, a),  app==web,!canary,zone,x!=1,g>3");
    assertThat(selector.toString()).isEqualTo("app==web,!canary,g>3,tier notin (a,b),x!=1,zone");
    assertThat(LabelSelectors.parse(selector.toString()).toString()).isEqualTo(selector.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app=web,",
        ",app",
        "app=web=x",
        "app in web",
        "app in (web",
        "app in (a b)",
        "app notin",
        "app ~ web",
        "!",
        "!app=web",
        "app=(web)",
        "gen>x",
        "a b",
        "=web"
      })
  void badSyntaxFailsWithBadRequest(String text) {
    assertThatThrownBy(() -> LabelSelectors.parse(text))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(ApiErrors.hasReason(e, Reason.BAD_REQUEST)).isTrue())
        .hasMessageContaining("unable to parse label selector")
        .hasMessageContaining(text);
  }

  @Test
  void syntaxErrorsNameWhatWasExpectedAndWhere() {
    assertThatThrownBy(() -> LabelSelectors.parse("app in web"))
        .hasMessageContaining("expected '('")
        .hasMessageContaining("found 'web' at position 7");
    assertThatThrownBy(() -> LabelSelectors.parse("app=web,"))
        .hasMessageContaining("expected a label key, found end of selector");
  }

  @Test
  void invalidKeysAndValuesAreRejectedWithTheRule() {
    assertThatThrownBy(() -> LabelSelectors.parse("-app=web"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("label key \"-app\"")
        .hasMessageContaining("qualified name");
    assertThatThrownBy(() -> LabelSelectors.parse("app=" + "v".repeat(64)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("63 characters");
    assertThatThrownBy(() -> LabelSelectors.parse("app in (ok, -bad)"))
        .hasMessageContaining("value \"-bad\"");
  }

  @Test
  void structuredSelectorCombinesLabelsAndExpressions() {
    LabelSelector structured =
        new LabelSelector(
            Map.of("app", "web"),
            List.of(
                new LabelSelectorRequirement("tier", "In", List.of("frontend", "edge")),
                new LabelSelectorRequirement("canary", "DoesNotExist", null)));
    Selector selector = structured.toSelector();
    assertThat(selector.matches(WEB)).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "backend"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "canary", "y"))).isFalse();
    assertThat(selector.toString()).isEqualTo("app=web,!canary,tier in (edge,frontend)");
  }

  @Test
  void nullOrEmptyStructuredSelectorSelectsEverything() {
    assertThat(LabelSelectors.of(null).isEverything()).isTrue();
    assertThat(new LabelSelector(null, null).toSelector().matches(NONE)).isTrue();
  }

  @Test
  void structuredSelectorRejectsUnknownOperatorsAndMisplacedValues() {
    assertThatThrownBy(
            () ->
                LabelSelectors.of(
                    new LabelSelector(
                        null, List.of(new LabelSelectorRequirement("a", "Equals", List.of("x"))))))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("\"Equals\" is not a valid label selector operator");
    assertThatThrownBy(
            () ->
                LabelSelectors.of(
                    new LabelSelector(
                        null, List.of(new LabelSelectorRequirement("a", "In", List.of())))))
        .hasMessageContaining("needs values");
    assertThatThrownBy(
            () ->
                LabelSelectors.of(
                    new LabelSelector(
                        null, List.of(new LabelSelectorRequirement("a", "Exists", List.of("x"))))))
        .hasMessageContaining("takes no values");
    assertThatThrownBy(() -> LabelSelector.matchLabels(Map.of("bad key", "x")).toSelector())
        .hasMessageContaining("bad key");
  }

  @Test
  void formatWritesSortedEqualities() {
    assertThat(LabelSelectors.format(Map.of("tier", "fe", "app", "web")))
        .isEqualTo("app=web,tier=fe");
    assertThat(LabelSelectors.format(Map.of())).isEmpty();
    assertThat(LabelSelectors.parse(LabelSelectors.format(WEB)).matches(WEB)).isTrue();
  }
}
