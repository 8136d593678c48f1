package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every estate file reader shares (Azure DevOps and GitHub): Jackson's streaming parser with its limits, the
 * JSON path of the element being read, strict value and structure readers, and errors that name the path, the
 * problem, and the line and column.
 */
abstract class EstateJsonCursor {

  static final int MAX_STRING = 10_000;
  static final int MAX_FIELD_NAME = 1_000;
  static final int MAX_NUMBER = 100;
  static final int MAX_NESTING = 64;

  final JsonParser parser;
  final String source;
  final List<Object> path = new ArrayList<>();
  JsonLocation fieldLocation;

  EstateJsonCursor(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** What a reader reads, failing with the parser's exceptions. */
  interface Body<T> {
    T read() throws IOException;
  }

  /** Reads with the body, turning the parser's own failures into {@link EstateFileException}s. */
  final <T> T guarded(Body<T> body) throws IOException {
    try {
      return body.read();
    } catch (StreamConstraintsException e) {
      throw limit(e);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      throw new EstateFileException(parserPath(), "malformed JSON: " + jacksonMessage(e), line(location),
          column(location), source);
    } catch (CharConversionException e) {
      throw new EstateFileException(parserPath(), "the file is not UTF-8 JSON text: " + e.getMessage(),
          line(parser.currentLocation()), column(parser.currentLocation()), source);
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
        .build();
  }

  static UncheckedIOException unreadable(String source, IOException e) {
    return new UncheckedIOException(
        "Cannot read " + (source == null ? "the estate" : "the estate file " + source) + ": " + e, e);
  }

  /** Jackson's description of a syntax error, with its own source references reduced to line and column. */
  static String jacksonMessage(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage())
        .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
  }

  /**
   * Where the parser stood when it failed. A syntax error can surface while Jackson reads ahead past a field name,
   * before this reader has stepped into the field, so the parser's own context is the better guide here.
   */
  String parserPath() {
    List<String> segments = new ArrayList<>();
    // In the innermost object, a field whose value was read completely is no longer where the parser stands.
    boolean innermost = true;
    for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        segments.add("[" + Math.max(0, context.getCurrentIndex()) + "]");
      } else if (context.getCurrentName() != null
          && (!innermost || parser.currentToken() == JsonToken.FIELD_NAME)) {
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

  EstateFileException limit(StreamConstraintsException e) {
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
    return new EstateFileException(pathText(), problem, line(location), column(location), source);
  }

  // ---------------------------------------------------------------------------------------------- values

  TenantId tenantId(String what) throws IOException {
    String text = string("a GUID: " + what);
    try {
      return TenantId.parse(text);
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
  }

  OrganizationName organizationName(String text) {
    try {
      return OrganizationName.parse(text);
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
  }

  String guid(String what) throws IOException {
    String text = string("a GUID: " + what);
    return checked(text, EstateFileRules.guidProblem(what, text));
  }

  String checked(String value, Optional<String> problem) {
    if (problem.isPresent()) {
      throw fail(problem.get());
    }
    return value;
  }

  String string(String what) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    throw wrongType("a string (" + what + ")");
  }

  boolean bool() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw wrongType("true or false");
  }

  long integer(long min, long max, String limit) throws IOException {
    JsonToken token = parser.currentToken();
    String expected = min == Long.MIN_VALUE ? "a whole number (" + limit + ")"
        : "a whole number from " + count(min) + " to " + count(max) + " (" + limit + ")";
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        long value = parser.getLongValue();
        if (value >= min && value <= max) {
          return value;
        }
      }
      throw fail("expected " + expected + ", found " + parser.getText());
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      throw fail("expected " + expected + ", found " + parser.getText());
    }
    throw wrongType(expected);
  }

  JsonLocation expectObject(String what) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(what);
    }
    return parser.currentTokenLocation();
  }

  void expectArray(String what) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(what);
    }
  }

  EstateFileException wrongType(String expected) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return fail("null is not allowed; expected " + expected + " (leave an optional field out to get its default)");
    }
    return fail("expected " + expected + ", found " + found());
  }

  String found() {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    try {
      switch (token) {
        case VALUE_STRING:
          return "the string " + quote(parser.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "the number " + parser.getText();
        case VALUE_TRUE:
          return "true";
        case VALUE_FALSE:
          return "false";
        case VALUE_NULL:
          return "null";
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        default:
          return token.asString() == null ? token.name() : token.asString();
      }
    } catch (StreamConstraintsException e) {
      return "a string longer than " + count(MAX_STRING) + " characters";
    } catch (IOException e) {
      return "a value that cannot be read";
    }
  }

  // ---------------------------------------------------------------------------------------------- structure

  /** Moves to the next field of the current object and onto its value; null at the end of the object. */
  String nextField(Set<String> seen) throws IOException {
    if (parser.nextToken() == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    path.add(name);
    fieldLocation = parser.currentTokenLocation();
    if (!seen.add(name)) {
      throw fail("appears twice in the same object; give each field once");
    }
    parser.nextToken();
    return name;
  }

  void pop() {
    path.remove(path.size() - 1);
  }

  void require(Object value, String field, JsonLocation objectStart, String why) {
    if (value == null) {
      path.add(field);
      throw failAt(objectStart, "is missing; " + why);
    }
  }

  EstateFileException unknownField(String what, List<String> known) {
    String field = (String) path.get(path.size() - 1);
    String hint = EstateFileRules.suggestion(field, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    return failAt(fieldLocation, "unknown field " + quote(field) + hint + "; " + what + " has the fields "
        + String.join(", ", known));
  }

  EstateFileException fail(String problem) {
    return failAt(parser.currentTokenLocation(), problem);
  }

  EstateFileException failAt(JsonLocation location, String problem) {
    return new EstateFileException(pathText(), problem, line(location), column(location), source);
  }

  static int line(JsonLocation location) {
    return location == null ? -1 : location.getLineNr();
  }

  static int column(JsonLocation location) {
    return location == null ? -1 : location.getColumnNr();
  }

  String pathText() {
    return pathText(path.size());
  }

  String pathText(int segments) {
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < segments; i++) {
      Object segment = path.get(i);
      if (segment instanceof Integer) {
        out.append('[').append(segment).append(']');
      } else {
        out.append(segment((String) segment));
      }
    }
    return out.toString();
  }

  static String segment(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]{0,79}") ? "." + name : "[" + quote(name) + "]";
  }

  /** The path of another element of the array {@code up} levels above the current end of the path. */
  String cousin(int up, int index) {
    return pathText(path.size() - 1 - up) + "[" + index + "]";
  }

  String sibling(int index) {
    return cousin(0, index);
  }

}
