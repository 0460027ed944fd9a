package io.cetus.demo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DemoSettingsTest {

  private static DemoSettings read(Map<String, String> env) {
    return DemoSettings.fromEnvironment(env, () -> "local-name", "9.9.9");
  }

  @Test
  void withNothingSetServesTheEndpointsOn8080WithoutAProxy() {
    DemoSettings settings = read(Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.proxy()).isNull();
    assertThat(settings.version()).isEqualTo("9.9.9");
    assertThat(settings.hostname()).isEqualTo("local-name");
    assertThat(settings.exitAfter()).isNull();
  }

  @Test
  void variablesSetPortVersionHostnameAndExit() {
    DemoSettings settings =
        read(
            Map.of(
                "PORT", "9000",
                "DEMO_VERSION", "2.0",
                "HOSTNAME", "pod-a",
                "EXIT_AFTER_SECONDS", "30",
                "EXIT_CODE", "4"));

    assertThat(settings.port()).isEqualTo(9000);
    assertThat(settings.version()).isEqualTo("2.0");
    assertThat(settings.hostname()).isEqualTo("pod-a");
    assertThat(settings.exitAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.exitCode()).isEqualTo(4);
  }

  @Test
  void proxyToAddsAProxyOnPort80NextToTheEndpoints() {
    DemoSettings settings = read(Map.of("PROXY_TO", "localhost:8080"));

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.proxy()).isEqualTo(new DemoSettings.Proxy("localhost:8080", 80));
  }

  @Test
  void backendHostIsAnAliasOfProxyTo() {
    DemoSettings settings = read(Map.of("BACKEND_HOST", "localhost:8080", "PROXY_PORT", "8081"));

    assertThat(settings.proxy()).isEqualTo(new DemoSettings.Proxy("localhost:8080", 8081));
  }

  @Test
  void aProxyOnThePortOfTheEndpointsTakesThatPortAlone() {
    DemoSettings settings = read(Map.of("PORT", "80", "BACKEND_HOST", "localhost:8080"));

    assertThat(settings.port()).isNull();
    assertThat(settings.proxy()).isEqualTo(new DemoSettings.Proxy("localhost:8080", 80));
  }

  @Test
  void malformedValuesAreRejectedNamingTheVariable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("PORT", "http")))
        .withMessageContaining("PORT");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("EXIT_CODE", "300")))
        .withMessageContaining("EXIT_CODE");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("PROXY_TO", "x:1", "PROXY_PORT", "-5")))
        .withMessageContaining("PROXY_PORT");
  }
}
