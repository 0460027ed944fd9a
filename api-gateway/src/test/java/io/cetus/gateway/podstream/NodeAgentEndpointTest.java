package io.cetus.gateway.podstream;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeAgentEndpointTest {

  @Test
  void targetKeepsTheRawPathAndQuery() {
    URI routed =
        URI.create(
            "http://node-agent.invalid/api/v1/namespaces/default/pods/web/exec"
                + "?command=sh&command=-c&command=echo+%22a%2Cb%22&stdin=true");

    URI target = new NodeAgentEndpoint("node-1", "10.0.0.7", 10250).target(routed);

    assertThat(target)
        .hasToString(
            "http://10.0.0.7:10250/api/v1/namespaces/default/pods/web/exec"
                + "?command=sh&command=-c&command=echo+%22a%2Cb%22&stdin=true");
  }

  @Test
  void targetWithoutQueryHasNone() {
    URI target =
        new NodeAgentEndpoint("node-1", "node-1.example", 8093)
            .target(URI.create("http://x/api/v1/namespaces/default/pods/web/log"));

    assertThat(target)
        .hasToString("http://node-1.example:8093/api/v1/namespaces/default/pods/web/log");
  }

  @Test
  void anIpv6AddressIsBracketed() {
    URI target =
        new NodeAgentEndpoint("node-1", "fd00::7", 10250)
            .target(URI.create("http://x/api/v1/namespaces/default/pods/web/log"));

    assertThat(target.getHost()).isEqualTo("[fd00::7]");
    assertThat(target.getPort()).isEqualTo(10250);
  }
}
