package io.cetus.client.json;

import java.time.Instant;

import io.cetus.api.json.Json;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The mapper the client decodes objects with: {@link Json#mapper()}'s configuration plus two
 * shortcuts that change no result, only what decoding costs. Informers decode every object of their
 * kind and every change to it, so decoding is most of what an idle controller does.
 *
 * <ul>
 *   <li>{@link FastInstantDeserializer}: timestamps in the form the platform writes them ({@code
 *       2026-11-22T06:33:13.012054101Z}) without {@code DateTimeFormatter}, which took a third of
 *       the time of decoding a pod;
 *   <li>{@link FastCreatorInstantiators}: records (every object type) built through their
 *       constructor's reflective accessor rather than Jackson 3's {@code
 *       MethodHandle.invokeWithArguments}, which builds a spreader per call.
 * </ul>
 *
 * Anything the shortcuts do not cover goes the standard way. Serializing is not changed: write with
 * {@link Json#mapper()}.
 */
public final class ClientJson {

  private static final JsonMapper MAPPER =
      Json.mapper()
          .rebuild()
          .addModule(
              new SimpleModule("cetus-client-instants")
                  .addDeserializer(Instant.class, new FastInstantDeserializer()))
          .addModule(new FastCreatorInstantiators())
          .build();

  private ClientJson() {}

  /** Thread-safe and shared; never reconfigure it. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
