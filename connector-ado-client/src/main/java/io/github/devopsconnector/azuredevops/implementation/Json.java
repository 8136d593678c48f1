package io.github.devopsconnector.azuredevops.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.devopsconnector.core.ServiceException;
import java.io.IOException;
import java.util.Optional;

/**
 * Decodes response bodies; anything that is not the promised JSON becomes a PROTOCOL failure. Scalars are not
 * coerced: a number or a boolean where the API promises a string (or a fraction where it promises an integer) is a
 * body of another shape, not a name or an id.
 */
final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // A key twice in one object is not "last one wins": it is a body that says two things at once.
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .addModule(new SimpleModule("skip-unknown-properties").setDeserializerModifier(new SkipUnknownProperties()))
      .build();

  private Json() {}

  static <T> T decode(AdoResponse response, Class<T> type, AdoCall call) {
    return decode(response, MAPPER.getTypeFactory().constructType(type), call);
  }

  static <T> T decode(AdoResponse response, TypeReference<T> type, AdoCall call) {
    return decode(response, MAPPER.getTypeFactory().constructType(type), call);
  }

  private static <T> T decode(AdoResponse response, com.fasterxml.jackson.databind.JavaType type, AdoCall call) {
    byte[] body = response.bodyBytes();
    if (body.length == 0) {
      throw ErrorMapper.protocol(call, "the response has no body", response, null);
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw ErrorMapper.protocol(call, "the response is not the JSON the API promises (" + shortMessage(e) + ")",
          response, e);
    } catch (IOException e) {
      throw ErrorMapper.protocol(call, "the response could not be read as JSON", response, e);
    }
    if (value == null) {
      throw ErrorMapper.protocol(call, "the response is JSON null", response, null);
    }
    return value;
  }

  /** The error body, when the response has the Azure DevOps error shape. */
  static Optional<com.fasterxml.jackson.databind.JsonNode> tree(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
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

  /** For callers that must report a decode failure found after binding (missing fields, wrong values). */
  static ServiceException missing(AdoCall call, String what, AdoResponse response) {
    return ErrorMapper.protocol(call, "the response has no " + what, response, null);
  }
}
