package io.cetus.testsupport.redis;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisServerProcessIT {

  @Test
  void startedServerAnswersAtItsUriUntilClosed() {
    RedisServerProcess redis = RedisServerProcess.start();
    RedisClient client = RedisClient.create(redis.uri());
    try (var connection = client.connect()) {
      connection.sync().set("key", "value");
      assertThat(connection.sync().get("key")).isEqualTo("value");

      redis.flushAll();

      assertThat(connection.sync().dbsize()).isZero();
    } finally {
      client.shutdown();
    }
    assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());

    redis.close();
    redis.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", redis.port()).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void serversStartedTogetherEachGetTheirOwnPort() {
    List<CompletableFuture<RedisServerProcess>> starting =
        List.of(
            CompletableFuture.supplyAsync(RedisServerProcess::start),
            CompletableFuture.supplyAsync(RedisServerProcess::start),
            CompletableFuture.supplyAsync(RedisServerProcess::start));
    List<RedisServerProcess> servers = starting.stream().map(CompletableFuture::join).toList();
    try {
      assertThat(servers).extracting(RedisServerProcess::port).doesNotHaveDuplicates();
      servers.forEach(RedisServerProcess::flushAll);
    } finally {
      servers.forEach(RedisServerProcess::close);
    }
  }
}
