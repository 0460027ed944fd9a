package io.cetus.nodeagent.runtime.docker;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DockerClientConfig;

import static org.assertj.core.api.Assertions.assertThat;

class InspectCacheTest {

  private static final ObjectMapper JSON = DockerClientConfig.getDefaultObjectMapper();
  private static final String ID = "a".repeat(64);

  private final AtomicLong epoch = new AtomicLong(1);
  private final InspectCache cache = new InspectCache(epoch::get);

  private static InspectContainerResponse inspect(String status) {
    String json =
        """
        {"Id": "%s", "Name": "/web", "State": {"Status": "%s", "Running": %s}}
        """
            .formatted(ID, status, status.equals("running"));
    try {
      return JSON.readValue(json, InspectContainerResponse.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAnswerIsKeptUntilAnEventChangesTheContainer() {
    cache.put(cache.token(), inspect("running"));
    assertThat(cache.get(ID)).isNotNull();
    assertThat(cache.get(ID, "running")).isNotNull();

    cache.event(ID, "die");

    assertThat(cache.get(ID)).isNull();
  }

  @Test
  void anAnswerOvertakenByAnEventIsNotKept() {
    InspectCache.Token token = cache.token();
    cache.event(ID, "die");

    cache.put(token, inspect("running"));

    assertThat(cache.get(ID)).isNull();
    cache.put(cache.token(), inspect("exited"));
    assertThat(cache.get(ID)).isNotNull();
  }

  @Test
  void nothingIsKeptWhileTheStreamIsNotOpenOrFromAnEarlierOpening() {
    epoch.set(-1);
    cache.put(cache.token(), inspect("running"));
    epoch.set(1);
    assertThat(cache.get(ID)).isNull();

    cache.put(cache.token(), inspect("running"));
    epoch.set(-1);
    assertThat(cache.get(ID)).as("stream broken").isNull();
    epoch.set(2);
    assertThat(cache.get(ID)).as("reopened: events may have been missed").isNull();
  }

  @Test
  void aListedStateOtherThanTheKeptOneDropsTheAnswer() {
    cache.put(cache.token(), inspect("running"));

    assertThat(cache.get(ID, "exited")).isNull();
    assertThat(cache.get(ID)).isNull();
  }

  @Test
  void aContainerNotStartedYetIsNotKept() {
    cache.put(cache.token(), inspect("created"));

    assertThat(cache.get(ID)).isNull();
  }

  @Test
  void aStartDropsOnlyAnAnswerThatShowsTheContainerStopped() {
    cache.put(cache.token(), inspect("running"));
    cache.event(ID, "start");
    assertThat(cache.get(ID)).as("the start it already shows").isNotNull();

    cache.put(cache.token(), inspect("exited"));
    cache.event(ID, "start");
    assertThat(cache.get(ID)).as("started again behind the agent's back").isNull();
  }

  @Test
  void changesTheRuntimeMakesItselfDropTheAnswerAndRefuseOlderOnes() {
    InspectCache.Token before = cache.token();
    cache.put(cache.token(), inspect("running"));

    cache.changed(ID);
    assertThat(cache.get(ID)).isNull();
    cache.put(before, inspect("running"));
    assertThat(cache.get(ID)).isNull();

    cache.put(cache.token(), inspect("running"));
    InspectCache.Token beforeClear = cache.token();
    cache.clear();
    assertThat(cache.get(ID)).isNull();
    cache.put(beforeClear, inspect("running"));
    assertThat(cache.get(ID)).isNull();
  }
}
