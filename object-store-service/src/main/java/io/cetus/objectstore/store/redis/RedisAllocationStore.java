package io.cetus.objectstore.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import io.cetus.objectstore.store.AllocationStore;

/**
 * {@link AllocationStore} on Redis: one set per pool ({@code {cetus}:alloc:<pool>}, {@link
 * RedisKeys#allocation}); a claim is {@code SADD}, which answers whether the value was new, so two
 * replicas never both get one value. Claiming the first free one of several candidates is one Lua
 * script.
 */
public final class RedisAllocationStore implements AllocationStore {

  private final StringRedisTemplate redis;
  private final RedisScript<String> claimFirstFreeScript;

  public RedisAllocationStore(RedisConnectionFactory connectionFactory) {
    this.redis = new StringRedisTemplate(connectionFactory);
    this.redis.setExposeConnection(true);
    this.claimFirstFreeScript = new DefaultRedisScript<>(scriptText(), String.class);
  }

  @Override
  public boolean claim(String pool, String value) {
    Long added = call(() -> redis.opsForSet().add(RedisKeys.allocation(pool), value));
    return added != null && added == 1;
  }

  @Override
  public Optional<String> claimFirstFree(String pool, List<String> candidates) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        call(
            () ->
                redis.execute(
                    claimFirstFreeScript,
                    List.of(RedisKeys.allocation(pool)),
                    candidates.toArray())));
  }

  @Override
  public long claimAll(String pool, Collection<String> values) {
    if (values.isEmpty()) {
      return 0;
    }
    Long added =
        call(
            () -> redis.opsForSet().add(RedisKeys.allocation(pool), values.toArray(String[]::new)));
    return added == null ? 0 : added;
  }

  @Override
  public void release(String pool, Collection<String> values) {
    if (!values.isEmpty()) {
      call(() -> redis.opsForSet().remove(RedisKeys.allocation(pool), values.toArray()));
    }
  }

  @Override
  public Set<String> claimed(String pool) {
    Set<String> members = call(() -> redis.opsForSet().members(RedisKeys.allocation(pool)));
    return members == null ? Set.of() : Set.copyOf(members);
  }

  private static <T> @Nullable T call(Supplier<@Nullable T> redisCall) {
    try {
      return redisCall.get();
    } catch (RuntimeException e) {
      throw RedisObjectStore.translate(e);
    }
  }

  private static String scriptText() {
    try {
      return new ClassPathResource("redis/claim-first-free.lua")
          .getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the Redis script claim-first-free cannot be read", e);
    }
  }
}
