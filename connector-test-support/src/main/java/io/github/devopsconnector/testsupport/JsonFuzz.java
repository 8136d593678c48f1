package io.github.devopsconnector.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The generators of the clients' response fuzzers (jqwik): answers built from a service's vocabulary (its JSON keys
 * and the words its values use), and mutations of a recorded valid answer, as text (bytes replaced, inserted and
 * deleted) and as a tree (values replaced, fields removed, duplicated or renamed). A fuzzer serves each answer to
 * one call of its client and checks that it ends in a value or a typed error.
 *
 * <pre>{@code
 * @Provide Arbitrary<String> tokenSoup() { return JsonFuzz.tokenSoup(KEYS, WORDS); }
 * @Provide Arbitrary<JsonFuzz.Mutated<Call>> textMutations() {
 *   return JsonFuzz.textMutations(Arbitraries.of(Call.class), Call::validBody);
 * }
 * }</pre>
 */
public final class JsonFuzz {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFuzz() {}

  /**
   * A call with a spoiled answer.
   *
   * @param call the call
   * @param body the answer's body
   * @param how what was spoiled, for the report of a failing try
   * @param <C> the client's calls
   */
  public record Mutated<C>(C call, byte[] body, String how) {
    @Override
    public String toString() {
      return call + " <- " + how + ": " + new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Mostly 200, else one of {@code others} (the statuses whose handling is worth trying). */
  public static Arbitrary<Integer> statuses(Integer... others) {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(200)), Tuple.of(3, Arbitraries.of(others)));
  }

  /**
   * Token soup: up to 80 JSON tokens, the service's keys and words in any order (and now and then plain noise).
   */
  public static Arbitrary<String> tokenSoup(List<String> keys, List<String> words) {
    List<String> tokens = new ArrayList<>(List.of("{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-1",
        "0", "1.5", "1e400", "-0", "9999999999999999999999", " ", "\n", "\\u0000", "\\ud800", "\uFEFF", "<html>",
        "\"\\\\\""));
    keys.forEach(k -> tokens.add("\"" + k + "\""));
    words.forEach(w -> tokens.add("\"" + w.replace("\\", "\\\\") + "\""));
    Arbitrary<String> soup = Arbitraries.of(tokens).list().ofMaxSize(80).map(list -> String.join("", list));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
    return Arbitraries.frequencyOf(Tuple.of(4, soup), Tuple.of(1, noise));
  }

  /** Random JSON up to {@code depth} levels deep, objects keyed by the service's keys, texts from its words. */
  public static Arbitrary<JsonNode> json(int depth, List<String> keys, List<String> words) {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
        Arbitraries.of(words).map(NODES::textNode),
        Arbitraries.integers().between(-3, 200).map(i -> (JsonNode) NODES.numberNode(i)),
        Arbitraries.of(1.5, -0.0, 1e300).map(d -> (JsonNode) NODES.numberNode(d)),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> arrays = Arbitraries.lazy(() -> json(depth - 1, keys, words)).list().ofMaxSize(4)
        .map(items -> {
          ArrayNode array = NODES.arrayNode();
          items.forEach(array::add);
          return array;
        });
    Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(keys),
        Arbitraries.lazy(() -> json(depth - 1, keys, words)))
        .as(Map::entry).list().ofMaxSize(6).map(entries -> {
          ObjectNode object = NODES.objectNode();
          entries.forEach(e -> object.set(e.getKey(), e.getValue()));
          return object;
        });
    return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(2, arrays), Tuple.of(4, objects));
  }

  /**
   * A call's valid answer with up to 12 bytes replaced by a JSON-breaking insert (or a broken UTF-8 sequence, a BOM,
   * a NUL) and up to three bytes deleted.
   */
  public static <C> Arbitrary<Mutated<C>> textMutations(Arbitrary<C> calls, Function<C, String> validBody) {
    Arbitrary<String> inserts = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "-", "9999999999",
        "\\", "\u202E", "é", "0", " ", "1.5", "true", "<");
    Arbitrary<byte[]> rawInserts = Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0});
    return Combinators.combine(calls, Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 12),
        Arbitraries.oneOf(inserts.map(t -> t.getBytes(StandardCharsets.UTF_8)), rawInserts),
        Arbitraries.doubles().between(0, 1).list().ofMaxSize(3))
        .as((call, where, cut, insert, deletions) -> {
          byte[] valid = validBody.apply(call).getBytes(StandardCharsets.UTF_8);
          int at = (int) (where * (valid.length - 1));
          int end = Math.min(valid.length, at + cut);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(valid, 0, at);
          out.writeBytes(insert);
          out.write(valid, end, valid.length - end);
          byte[] mutated = out.toByteArray();
          for (double deletion : deletions) {
            int index = (int) (deletion * (mutated.length - 1));
            byte[] shorter = new byte[mutated.length - 1];
            System.arraycopy(mutated, 0, shorter, 0, index);
            System.arraycopy(mutated, index + 1, shorter, index, mutated.length - index - 1);
            mutated = shorter;
          }
          return new Mutated<>(call, mutated, "replaced " + cut + " bytes at " + at);
        });
  }

  /**
   * A call's valid answer (JSON) with one to three tree edits: a value replaced (by random JSON of the vocabulary,
   * an empty or blank text, a number, a boolean, null, an empty container or a 10,000-character text), a field or
   * item removed, duplicated or renamed.
   */
  public static <C> Arbitrary<Mutated<C>> treeMutations(Arbitrary<C> calls, Function<C, String> validBody,
      List<String> keys, List<String> words) {
    Arbitrary<JsonNode> replacements = Arbitraries.oneOf(json(1, keys, words), Arbitraries.<JsonNode>of(
        NODES.nullNode(), NODES.textNode(""), NODES.textNode("   "), NODES.numberNode(0), NODES.numberNode(-1),
        NODES.numberNode(1.5), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
        NODES.textNode("x".repeat(10_000))));
    Arbitrary<Edit> edits = Combinators.combine(Arbitraries.doubles().between(0, 1),
        Arbitraries.of(Op.values()), replacements).as(Edit::new);
    return Combinators.combine(calls, edits.list().ofMinSize(1).ofMaxSize(3)).as((call, list) -> {
      JsonNode root = tree(validBody.apply(call).getBytes(StandardCharsets.UTF_8))
          .orElseThrow(() -> new IllegalStateException("The valid answer of " + call + " is not JSON."));
      List<String> done = new ArrayList<>();
      for (Edit edit : list) {
        root = edit.apply(root, done);
      }
      return new Mutated<>(call, root.toString().getBytes(StandardCharsets.UTF_8), String.join("; ", done));
    });
  }

  /** What a tree edit does. */
  private enum Op { REPLACE, REMOVE, DUPLICATE, RENAME }

  /** One change at a node picked by position in a walk of the tree. */
  private record Edit(double where, Op op, JsonNode replacement) {
    JsonNode apply(JsonNode root, List<String> done) {
      List<Object[]> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        done.add("replaced the root");
        return replacement.deepCopy();
      }
      Object[] slot = slots.get((int) (where * (slots.size() - 1)));
      JsonNode parent = (JsonNode) slot[0];
      if (parent instanceof ObjectNode object) {
        String field = (String) slot[1];
        switch (op) {
          case REMOVE -> object.remove(field);
          case DUPLICATE -> object.set(field + "2", object.get(field));
          case RENAME -> object.set(field.toUpperCase(Locale.ROOT), object.remove(field));
          default -> object.set(field, replacement.deepCopy());
        }
        done.add(op + " ." + field);
      } else {
        ArrayNode array = (ArrayNode) parent;
        int index = (Integer) slot[1];
        switch (op) {
          case REMOVE -> array.remove(index);
          case DUPLICATE, RENAME -> array.insert(index, array.get(index).deepCopy());
          default -> array.set(index, replacement.deepCopy());
        }
        done.add(op + " [" + index + "]");
      }
      return root;
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
      if (node.isObject()) {
        Iterator<String> names = node.fieldNames();
        List<String> fields = new ArrayList<>();
        names.forEachRemaining(fields::add);
        for (String field : fields) {
          slots.add(new Object[] {node, field});
          collect(node.get(field), slots);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          slots.add(new Object[] {node, i});
          collect(node.get(i), slots);
        }
      }
    }
  }

  /**
   * The body as a tree, to check a client's values against. Jackson does not decode the fields a client skips, so
   * invalid UTF-8 there does not stop the client; the reference tree then reads the body with replacement
   * characters.
   */
  public static Optional<JsonNode> tree(byte[] body) {
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (IOException e) {
      try {
        return Optional.ofNullable(MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
      } catch (IOException again) {
        return Optional.empty();
      }
    }
  }

  /** The stack trace as text, for the report of a try that threw what it should not. */
  public static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
