package io.cetus.api.selector;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.selector.FieldSelector.Operator;
import io.cetus.api.selector.FieldSelector.Requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSelectorTest {

  private static final Function<String, String> RUNNING_POD_ON_N1 =
      Map.of("metadata.name", "web", "spec.nodeName", "n1", "status.phase", "Running")::get;

  @Test
  void nullOrBlankSelectsEverything() {
    assertThat(FieldSelector.parse(null).isEverything()).isTrue();
    assertThat(FieldSelector.parse("").matches(RUNNING_POD_ON_N1)).isTrue();
  }

  @Test
  void parsesEveryOperator() {
    assertThat(FieldSelector.parse("a=1,b==2,c!=3").requirements())
        .containsExactly(
            new Requirement("a", Operator.EQUALS, "1"),
            new Requirement("b", Operator.EQUALS, "2"),
            new Requirement("c", Operator.NOT_EQUALS, "3"));
  }

  @Test
  void matchesWhatKubectlDescribeNodeSends() {
    FieldSelector selector =
        FieldSelector.parse("spec.nodeName=n1,status.phase!=Succeeded,status.phase!=Failed");
    assertThat(selector.matches(RUNNING_POD_ON_N1)).isTrue();
    assertThat(FieldSelector.parse("spec.nodeName=n2").matches(RUNNING_POD_ON_N1)).isFalse();
    assertThat(FieldSelector.parse("status.phase!=Running").matches(RUNNING_POD_ON_N1)).isFalse();
  }

  @Test
  void emptyValueMatchesMissingOrEmptyField() {
    FieldSelector selector = FieldSelector.parse("involvedObject.namespace=");
    assertThat(selector.requirements())
        .containsExactly(new Requirement("involvedObject.namespace", Operator.EQUALS, ""));
    assertThat(selector.matches(field -> null)).isTrue();
    assertThat(selector.matches(field -> "")).isTrue();
    assertThat(selector.matches(field -> "default")).isFalse();
    assertThat(FieldSelector.parse("spec.nodeName!=").matches(field -> null)).isFalse();
  }

  @Test
  void escapedCommasAndEqualsAreLiteralAndRoundTrip() {
    FieldSelector selector = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d,x=y");
    assertThat(selector.requirements().getFirst().value()).isEqualTo("a,b=c\\d");
    assertThat(selector.requirements()).hasSize(2);
    assertThat(FieldSelector.parse(selector.toString())).isEqualTo(selector);
  }

  @Test
  void emptyTermsAreSkipped() {
    assertThat(FieldSelector.parse("a=1,,b=2,").requirements()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metadata.name", "=web", "a=b=c", "a=b\\x", "a=b\\", "a=1,b"})
  void badSyntaxFailsWithBadRequest(String text) {
    assertThatThrownBy(() -> FieldSelector.parse(text))
        .satisfies(
            e ->
                assertThat(ApiErrors.hasReason(e, io.cetus.api.errors.Reason.BAD_REQUEST)).isTrue())
        .hasMessageContaining("unable to parse field selector");
  }
}
