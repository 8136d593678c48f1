package io.github.devopsconnector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Optional;

/**
 * The strict JSON binding of every client: bodies bind to DTOs (records or beans), never to hand-walked trees.
 * Unknown properties are skipped, but anything else that is not the promised JSON fails: trailing content after
 * the value, a key twice in one object, and scalars of the wrong shape (a number or a boolean where a string is
 * promised, a fraction where an integer is).
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // A key twice in one object is not "last one wins": it is a body that says two things at once.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .addModule(new SimpleModule("skip-unknown-properties").setDeserializerModifier(new SkipUnknownProperties()))
      .build();

  private Json() {}

  /** A body that is not the promised JSON; {@link #getMessage()} says why, in a few words, for a client's message. */
  public static final class DecodeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DecodeFailure(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /**
   * Binds a body to a type.
   *
   * @param body the body
   * @param type the type
   * @param <T> the type
   * @return the value, never null
   * @throws DecodeFailure if the body is empty, JSON {@code null}, or not JSON of the type
   */
  public static <T> T decode(byte[] body, Class<T> type) {
    return decode(body, MAPPER.getTypeFactory().constructType(type));
  }

  /**
   * Binds a body to a generic type.
   *
   * @param body the body
   * @param type the type
   * @param <T> the type
   * @return the value, never null
   * @throws DecodeFailure if the body is empty, JSON {@code null}, or not JSON of the type
   */
  public static <T> T decode(byte[] body, TypeReference<T> type) {
    return decode(body, MAPPER.getTypeFactory().constructType(type));
  }

  private static <T> T decode(byte[] body, JavaType type) {
    if (body == null || body.length == 0) {
      throw new DecodeFailure("the response has no body", null);
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new DecodeFailure("the response is not the JSON the API promises (" + shortMessage(e) + ")", e);
    } catch (IOException e) {
      throw new DecodeFailure("the response could not be read as JSON", e);
    }
    if (value == null) {
      throw new DecodeFailure("the response is JSON null", null);
    }
    return value;
  }

  /**
   * Binds a body to a type when it can be, for bodies that are only informative (an error body).
   *
   * @param body the body, possibly empty
   * @param type the type
   * @param <T> the type
   * @return the value; empty when the body is empty or not JSON of the type
   */
  public static <T> Optional<T> tryDecode(byte[] body, Class<T> type) {
    try {
      return Optional.of(decode(body, type));
    } catch (DecodeFailure e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a value (a request DTO) as UTF-8 JSON.
   *
   * @param value the value
   * @return the JSON bytes
   * @throws IllegalStateException if it cannot be written (a programming error)
   */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A request body could not be written as JSON.", e);
    }
  }

  private static String shortMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() > 160 ? message.substring(0, 160) + "…" : message;
  }

  /**
   * Unknown properties are ignored anyway; marking every bean so lets Jackson skip them as it reads, instead of
   * copying each into a buffer first, which is what it does for the records' creator-based binding.
   */
  private static final class SkipUnknownProperties extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
        BeanDeserializerBuilder builder) {
      builder.setIgnoreUnknownProperties(true);
      return builder;
    }
  }
}
