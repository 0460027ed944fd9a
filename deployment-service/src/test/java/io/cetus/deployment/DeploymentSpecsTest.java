package io.cetus.deployment;

import org.junit.jupiter.api.Test;

import io.cetus.api.apps.Deployment;
import io.cetus.api.meta.IntOrString;

import static io.cetus.deployment.Fixtures.deployment;
import static io.cetus.deployment.Fixtures.recreate;
import static io.cetus.deployment.Fixtures.rolling;
import static org.assertj.core.api.Assertions.assertThat;

class DeploymentSpecsTest {

  @Test
  void percentagesRoundSurgeUpAndUnavailabilityDown() {
    Deployment d =
        rolling(deployment("web", 10, "x"), IntOrString.of("25%"), IntOrString.of("25%"));

    assertThat(DeploymentSpecs.maxSurge(d)).isEqualTo(3);
    assertThat(DeploymentSpecs.maxUnavailable(d)).isEqualTo(2);
  }

  @Test
  void defaultsAreTwentyFivePercent() {
    Deployment d = deployment("web", 4, "x");

    assertThat(DeploymentSpecs.maxSurge(d)).isEqualTo(1);
    assertThat(DeploymentSpecs.maxUnavailable(d)).isEqualTo(1);
  }

  @Test
  void whenBothComeToZeroOnePodMayBeUnavailable() {
    Deployment d = rolling(deployment("web", 3, "x"), IntOrString.of(0), IntOrString.of("10%"));

    assertThat(DeploymentSpecs.maxSurge(d)).isZero();
    assertThat(DeploymentSpecs.maxUnavailable(d)).isEqualTo(1);
  }

  @Test
  void unavailabilityIsAtMostTheReplicasAndRecreateHasNeither() {
    assertThat(
            DeploymentSpecs.maxUnavailable(
                rolling(deployment("web", 2, "x"), IntOrString.of(1), IntOrString.of(5))))
        .isEqualTo(2);
    Deployment recreate = recreate(deployment("web", 2, "x"));
    assertThat(DeploymentSpecs.maxSurge(recreate)).isZero();
    assertThat(DeploymentSpecs.maxUnavailable(recreate)).isZero();
  }
}
