package io.cetus.api.validation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

  @Test
  void dns1123SubdomainAcceptsDottedLowerCaseNames() {
    assertThat(Names.dns1123Subdomain("web-1.example.com")).isEmpty();
    assertThat(Names.dns1123Subdomain("a")).isEmpty();
    assertThat(Names.dns1123Subdomain("0abc")).isEmpty();
  }

  @Test
  void dns1123SubdomainRejectsUpperCaseEdgeDashesEmptyPartsAndLength() {
    assertThat(Names.dns1123Subdomain("Web")).singleElement().asString().contains("DNS-1123");
    assertThat(Names.dns1123Subdomain("-web")).isNotEmpty();
    assertThat(Names.dns1123Subdomain("web-")).isNotEmpty();
    assertThat(Names.dns1123Subdomain("web..x")).isNotEmpty();
    assertThat(Names.dns1123Subdomain("")).isNotEmpty();
    assertThat(Names.dns1123Subdomain("under_score")).isNotEmpty();
    assertThat(Names.dns1123Subdomain("a".repeat(253))).isEmpty();
    assertThat(Names.dns1123Subdomain("a".repeat(254))).singleElement().asString().contains("253");
  }

  @Test
  void dns1123LabelRejectsDotsAndMoreThan63Characters() {
    assertThat(Names.dns1123Label("kube-system")).isEmpty();
    assertThat(Names.dns1123Label("a.b")).isNotEmpty();
    assertThat(Names.dns1123Label("a".repeat(63))).isEmpty();
    assertThat(Names.dns1123Label("a".repeat(64))).singleElement().asString().contains("63");
  }

  @Test
  void dns1035LabelMustStartWithALetter() {
    assertThat(Names.dns1035Label("web")).isEmpty();
    assertThat(Names.dns1035Label("1web")).singleElement().asString().contains("DNS-1035");
  }

  @Test
  void qualifiedNameAcceptsPrefixedAndPlainKeys() {
    assertThat(Names.qualifiedName("app")).isEmpty();
    assertThat(Names.qualifiedName("app.kubernetes.io/name")).isEmpty();
    assertThat(Names.qualifiedName("Tier_2.x-y")).isEmpty();
    assertThat(Names.qualifiedName("example.com/" + "a".repeat(63))).isEmpty();
  }

  @Test
  void qualifiedNameRejectsBadPrefixesNamesAndSlashes() {
    assertThat(Names.qualifiedName("")).singleElement().asString().contains("must not be empty");
    assertThat(Names.qualifiedName("/app")).singleElement().asString().contains("prefix");
    assertThat(Names.qualifiedName("Example.com/app"))
        .singleElement()
        .asString()
        .contains("prefix");
    assertThat(Names.qualifiedName("example.com/"))
        .singleElement()
        .asString()
        .contains("name part");
    assertThat(Names.qualifiedName("a/b/c")).singleElement().asString().contains("at most one '/'");
    assertThat(Names.qualifiedName("-app")).isNotEmpty();
    assertThat(Names.qualifiedName("app name")).isNotEmpty();
    assertThat(Names.qualifiedName("a".repeat(64))).singleElement().asString().contains("63");
  }

  @Test
  void labelValueMayBeEmptyButNotLongOrOddlyShaped() {
    assertThat(Names.labelValue("")).isEmpty();
    assertThat(Names.labelValue("v1.2_beta-3")).isEmpty();
    assertThat(Names.labelValue("a".repeat(63))).isEmpty();
    assertThat(Names.labelValue("a".repeat(64))).singleElement().asString().contains("63");
    assertThat(Names.labelValue("a/b")).singleElement().asString().contains("label value");
    assertThat(Names.labelValue("_a")).isNotEmpty();
  }

  @Test
  void annotationsSizeCountsKeysAndValuesInBytes() {
    String bigValue = "x".repeat(Names.MAX_ANNOTATIONS_BYTES - 3);
    assertThat(Names.annotationsSize(Map.of("abc", bigValue))).isEmpty();
    assertThat(Names.annotationsSize(Map.of("abcd", bigValue)))
        .singleElement()
        .asString()
        .contains("262144");
    // two bytes per character in UTF-8
    assertThat(Names.annotationsSize(Map.of("k", "é".repeat(Names.MAX_ANNOTATIONS_BYTES / 2))))
        .isNotEmpty();
  }
}
