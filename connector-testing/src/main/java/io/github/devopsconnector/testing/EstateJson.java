package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.quote;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the estate file readers (Azure DevOps, GitHub and GitLab) share: Jackson databind set up to bind strictly
 * (unknown fields, duplicate keys, {@code null}, coercions and anything after the root object are errors) under the
 * parser's limits, {@link Located} values that keep their line and column for the rules checked after binding, and
 * Jackson's failures turned into {@link EstateFileException}s that name the JSON path, the problem, and the line and
 * column.
 *
 * <p>A DTO describes itself for those messages: {@link JsonClassDescription} names the object ("an organization"),
 * {@link Expect} says what a field holds ("a list of project objects"), and the DTO's fields in declaration order are
 * the known fields an unknown one is compared with.
 */
final class EstateJson {

  private static final int MAX_STRING = 10_000;
  private static final int MAX_FIELD_NAME = 1_000;
  private static final int MAX_NUMBER = 100;
  private static final int MAX_NESTING = 64;

  private static final ObjectMapper MAPPER = mapper();

  private EstateJson() {}

  /** What a DTO field holds, for "expected ..., found ..." messages; integer fields also give their range. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  @interface Expect {
    /** The field's value; for a whole number, what the number is. */
    String value();

    /** For a list, each element. */
    String element() default "";

    /** For a whole number, the smallest allowed. */
    long min() default Long.MIN_VALUE;

    /** For a whole number, the largest allowed. */
    long max() default Long.MAX_VALUE;
  }

  /** A bound value with the line and column where it starts in the file, for the rules checked after binding. */
  @JsonDeserialize(using = LocatedDeserializer.class)
  record Located<T>(T value, int line, int column) {

    /** The same place, another value: the string form of an object, such as a repository given by its name. */
    <U> Located<U> with(U other) {
      return new Located<>(other, line, column);
    }

    /** A value that has no place of its own in the file, such as the name of a repository given by its name. */
    static <T> Located<T> unplaced(T value) {
      return new Located<>(value, -1, -1);
    }

    boolean placed() {
      return line > 0;
    }

    boolean isBefore(Located<?> other) {
      return line < other.line() || line == other.line() && column < other.column();
    }
  }

  /** The value, or {@code otherwise} when the file left the field out. */
  static <T> T valueOr(Located<T> located, T otherwise) {
    return located == null ? otherwise : located.value();
  }

  /** Opens the parser on the file's text or stream. */
  interface Input {
    JsonParser open(JsonFactory factory) throws IOException;
  }

  /**
   * Reads one root object of type {@code type}, with the place where it starts. {@code what} says what the file is,
   * for a file that is empty or not an object.
   */
  static <T> Located<T> read(Input input, Class<T> type, String source, String what) {
    try (NameTracking parser = new NameTracking(input.open(factory()))) {
      try {
        if (parser.nextToken() == null) {
          throw failAt("$", parser.currentLocation(), "the file is empty; " + what, source);
        }
        if (!parser.isExpectedStartObjectToken()) {
          throw failAt("$", parser.currentTokenLocation(), what + ", but this file holds " + found(parser), source);
        }
        JsonLocation start = parser.currentTokenLocation();
        T root = MAPPER.readValue(parser, type);
        if (parser.nextToken() != null) {
          throw failAt("$", parser.currentTokenLocation(),
              "there is more after the estate object; a file holds exactly one JSON object", source);
        }
        return new Located<>(root, start.getLineNr(), start.getColumnNr());
      } catch (JsonProcessingException e) {
        throw failure(parser, e, source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read " + (source == null ? "the estate" : "the estate file " + source) + ": " + e, e);
    }
  }

  /** A factory per read: it is cheap next to reading a file, and keeps no field-name cache between reads. */
  static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(MAX_STRING)
            .maxNameLength(MAX_FIELD_NAME)
            .maxNumberLength(MAX_NUMBER)
            .maxNestingDepth(MAX_NESTING)
            .build())
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  private static ObjectMapper mapper() {
    JsonMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .visibility(PropertyAccessor.ALL, Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, Visibility.ANY)
        .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
        .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL))
        .build();
    // No scalar coercion at all: a number is not a string, "true" is not a boolean.
    mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    for (CoercionInputShape shape : CoercionInputShape.values()) {
      mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  // ---------------------------------------------------------------------------------------------- failures

  static EstateFileException failAt(String path, JsonLocation at, String problem, String source) {
    return new EstateFileException(path, problem, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
        source);
  }

  /**
   * A rule broken while binding, which stops it at once: a whole number out of range, or a file of the other platform
   * (thrown from a DTO setter, so that it is said before the other platform's fields fail to bind).
   */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Located<?> at;

    Refusal(String problem, Located<?> at) {
      super(problem, null, false, false);
      this.at = at;
    }
  }

  private static EstateFileException failure(NameTracking parser, JsonProcessingException e, String source) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Refusal refusal && e instanceof JsonMappingException m) {
        return new EstateFileException(path(m.getPath()), refusal.getMessage(), refusal.at.line(),
            refusal.at.column(), source);
      }
    }
    Throwable cause = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException
        ? e.getCause() : e;
    if (cause instanceof StreamConstraintsException limit) {
      return limit(parser, limit, e instanceof JsonMappingException m ? path(m.getPath()) : parserPath(parser, false),
          source);
    }
    if (!(cause instanceof JsonMappingException mapping)) {
      JsonProcessingException syntax = (JsonProcessingException) cause;
      JsonLocation location = syntax.getLocation() != null ? syntax.getLocation() : parser.currentLocation();
      String message = String.valueOf(syntax.getOriginalMessage());
      // The parser's duplicate detection has already made the repeated name the current one.
      if (message.startsWith("Duplicate field")) {
        return failAt(parserPath(parser, true), location, "appears twice in the same object; give each field once",
            source);
      }
      return failAt(parserPath(parser, false), location, "malformed JSON: "
          + message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2"),
          source);
    }
    List<Reference> path = mapping.getPath();
    String problem;
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      problem = unknownField(unknown);
    } else if (mapping instanceof InvalidNullException || parser.currentToken() == JsonToken.VALUE_NULL) {
      problem = "null is not allowed; expected " + expected(path) + " (leave an optional field out to get its default)";
    } else {
      problem = "expected " + expected(path) + ", found " + found(parser);
    }
    return failAt(path(path), mapping instanceof UnrecognizedPropertyException ? parser.name : mapping.getLocation(),
        problem, source);
  }

  private static String unknownField(UnrecognizedPropertyException e) {
    Class<?> dto = e.getReferringClass();
    List<String> known = fields(dto).stream().map(EstateJson::name).collect(Collectors.toList());
    String field = e.getPropertyName();
    String hint = EstateFileRules.suggestion(field, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    return "unknown field " + quote(field) + hint + "; " + dto.getAnnotation(JsonClassDescription.class).value()
        + " has the fields " + String.join(", ", known);
  }

  /**
   * The DTO's fields in declaration order, a superclass's first, which is the order the format's documentation lists
   * them in.
   */
  private static List<Field> fields(Class<?> dto) {
    List<Field> fields = dto.getSuperclass() == null ? new ArrayList<>() : fields(dto.getSuperclass());
    Arrays.stream(dto.getDeclaredFields())
        .filter(f -> (f.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT)) == 0 && !f.isSynthetic())
        .forEach(fields::add);
    return fields;
  }

  private static String name(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null ? property.value() : field.getName();
  }

  /** What the field or list element at the end of the path holds, from its DTO's {@link Expect}. */
  private static String expected(List<Reference> path) {
    int last = path.size() - 1;
    boolean element = path.get(last).getFieldName() == null;
    Reference holder = path.get(element ? last - 1 : last);
    Object from = holder.getFrom();
    Class<?> dto = from instanceof Class<?> type ? type : from.getClass();
    Field field = fields(dto).stream().filter(f -> name(f).equals(holder.getFieldName())).findFirst().orElseThrow();
    Expect expect = field.getAnnotation(Expect.class);
    return element ? expect.element() : expected(expect, isWholeNumber(field));
  }

  private static boolean isWholeNumber(Field field) {
    return field.getGenericType() instanceof ParameterizedType type
        && type.getActualTypeArguments()[0] == Long.class;
  }

  private static String expected(Expect expect, boolean wholeNumber) {
    if (!wholeNumber) {
      return expect.value();
    }
    return expect.min() == Long.MIN_VALUE ? "a whole number (" + expect.value() + ")"
        : "a whole number from " + count(expect.min()) + " to " + count(expect.max()) + " (" + expect.value() + ")";
  }

  private static String path(List<Reference> references) {
    StringBuilder out = new StringBuilder("$");
    for (Reference reference : references) {
      out.append(reference.getFieldName() != null ? segment(reference.getFieldName())
          : "[" + reference.getIndex() + "]");
    }
    return out.toString();
  }

  private static String segment(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]{0,79}") ? "." + name : "[" + quote(name) + "]";
  }

  /**
   * Where the parser stood when it failed. A syntax error can surface while Jackson reads ahead past a field name,
   * before the field is bound, so the parser's own context is the guide here.
   */
  private static String parserPath(JsonParser parser, boolean atName) {
    List<String> segments = new ArrayList<>();
    // In the innermost object, a field whose value was read completely is no longer where the parser stands.
    boolean innermost = true;
    for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        segments.add("[" + Math.max(0, context.getCurrentIndex()) + "]");
      } else if (context.getCurrentName() != null
          && (!innermost || atName || parser.currentToken() == JsonToken.FIELD_NAME)) {
        segments.add(segment(context.getCurrentName()));
      }
      innermost = false;
    }
    StringBuilder out = new StringBuilder("$");
    for (int i = segments.size() - 1; i >= 0; i--) {
      out.append(segments.get(i));
    }
    return out.toString();
  }

  private static EstateFileException limit(JsonParser parser, StreamConstraintsException e, String path,
      String source) {
    JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    String message = String.valueOf(e.getOriginalMessage());
    String problem;
    if (message.startsWith("String value length")) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        location = parser.currentTokenLocation();
      }
      problem = "a string longer than " + count(MAX_STRING) + " characters; no value in an estate file is that long";
    } else if (message.startsWith("Name length")) {
      problem = "a field name longer than " + count(MAX_FIELD_NAME) + " characters; no field has such a name";
    } else if (message.startsWith("Number value length")) {
      problem = "a number longer than " + MAX_NUMBER + " digits";
    } else if (message.startsWith("Document nesting depth")) {
      problem = "nested deeper than " + MAX_NESTING + " levels; an estate file is never that deep";
    } else {
      problem = "the file exceeds a parser limit: " + message;
    }
    return failAt(path, location, problem, source);
  }

  private static String found(JsonParser parser) {
    JsonToken token = parser.currentToken();
    try {
      return token == null ? "nothing" : switch (token) {
        case VALUE_STRING -> "the string " + quote(parser.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        default -> token.asString() == null ? token.name() : token.asString();
      };
    } catch (StreamConstraintsException e) {
      return "a string longer than " + count(MAX_STRING) + " characters";
    } catch (IOException e) {
      return "a value that cannot be read";
    }
  }

  /** Remembers where the last field name started: Jackson reports an unknown field where its value starts. */
  private static final class NameTracking extends JsonParserDelegate {
    JsonLocation name;

    NameTracking(JsonParser parser) {
      super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      if (token == JsonToken.FIELD_NAME) {
        name = currentTokenLocation();
      }
      return token;
    }

    @Override
    public String nextFieldName() throws IOException {
      String field = super.nextFieldName();
      if (field != null) {
        name = currentTokenLocation();
      }
      return field;
    }
  }

  // ---------------------------------------------------------------------------------------------- Located

  /** Binds the value of a {@link Located}, notes where it starts, and checks a whole number's range. */
  static final class LocatedDeserializer extends JsonDeserializer<Located<?>> implements ContextualDeserializer {
    private final JavaType valueType;
    private final Optional<Expect> expect;

    LocatedDeserializer() {
      this(null, Optional.empty());
    }

    private LocatedDeserializer(JavaType valueType, Optional<Expect> expect) {
      this.valueType = valueType;
      this.expect = expect;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      return new LocatedDeserializer(ctxt.getContextualType().containedType(0),
          Optional.ofNullable(property == null ? null : property.getAnnotation(Expect.class)));
    }

    @Override
    public Located<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      Object value;
      if (valueType.getRawClass() == Long.class && p.currentToken().isNumeric()) {
        Expect range = expect.orElseThrow();
        boolean fits = p.currentToken() == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
            && p.getLongValue() >= range.min() && p.getLongValue() <= range.max();
        if (!fits) {
          throw new Refusal("expected " + expected(range, true) + ", found " + p.getText(),
              new Located<>(null, at.getLineNr(), at.getColumnNr()));
        }
        value = p.getLongValue();
      } else {
        value = ctxt.readValue(p, valueType);
      }
      return new Located<>(value, at.getLineNr(), at.getColumnNr());
    }
  }
}
