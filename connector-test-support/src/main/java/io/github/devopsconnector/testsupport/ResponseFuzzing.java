package io.github.devopsconnector.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.testsupport.JsonFuzz.Mutated;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The properties every client's response fuzzer checks, as a jqwik contract: a fuzzer implements this interface
 * with its client's calls, statuses and vocabulary and its {@link #check}, and inherits the properties. Each
 * property serves answers of one kind (token soup, random JSON of the vocabulary, random bytes, text and tree
 * mutations of a call's valid answer) to one call at a time through {@link #check}.
 *
 * <pre>{@code
 * class ResponseParsingFuzzTest implements ResponseFuzzing<Call> {
 *   private static final Target<Call> TARGET = new Target<>(List.of(Call.values()), List.of(404, 500), KEYS, WORDS);
 *   public Target<Call> target() { return TARGET; }
 *   public void check(Call call, int status, byte[] body) { ... a value or a typed error ... }
 * }
 * }</pre>
 *
 * @param <C> the client's calls
 */
public interface ResponseFuzzing<C extends TargetCall> {

  /**
   * Serves this answer to the call and checks that it ends in a value that keeps the model's invariants or in a
   * typed error, within a bounded time.
   */
  void check(C call, int status, byte[] body);

  /**
   * What a fuzzer aims at.
   *
   * @param calls the calls whose answers have a body
   * @param statuses the statuses worth trying besides 200 (see {@link JsonFuzz#statuses})
   * @param keys the JSON keys of the service's answers
   * @param words the words the service's values use
   * @param <C> the client's calls
   */
  record Target<C extends TargetCall>(List<C> calls, List<Integer> statuses, List<String> keys,
      List<String> words) {}

  /** The calls, statuses and vocabulary of this fuzzer. */
  Target<C> target();

  /** Any of the calls whose answers have a body. */
  @Provide
  default Arbitrary<C> bodyCalls() {
    return Arbitraries.of(target().calls());
  }

  /** Mostly 200, else one of the target's statuses. */
  @Provide
  default Arbitrary<Integer> statuses() {
    return JsonFuzz.statuses(target().statuses().toArray(new Integer[0]));
  }

  /** Token soup of the vocabulary, with any status. */
  @Property
  default void tokenSoupEndsInAValueOrATypedError(@ForAll("bodyCalls") C call, @ForAll("statuses") int status,
      @ForAll("tokenSoup") String body) {
    check(call, status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Random JSON of the vocabulary. */
  @Property
  default void randomJsonEndsInAValueOrATypedError(@ForAll("bodyCalls") C call, @ForAll("randomJson") String body) {
    check(call, 200, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Random bytes. */
  @Property
  default void randomBytesEndInAValueOrATypedError(@ForAll("bodyCalls") C call,
      @ForAll @Size(max = 400) byte[] body) {
    check(call, 200, body);
  }

  /** Bytes of a valid answer replaced, inserted and deleted. */
  @Property
  default void textMutationsOfRecordedAnswersEndInAValueOrATypedError(
      @ForAll("textMutations") Mutated<C> mutated) {
    check(mutated.call(), 200, mutated.body());
  }

  /** Values of a valid answer replaced, fields removed, duplicated or renamed. */
  @Property
  default void treeMutationsOfRecordedAnswersKeepTheInvariants(@ForAll("treeMutations") Mutated<C> mutated) {
    check(mutated.call(), 200, mutated.body());
  }

  /** See {@link JsonFuzz#tokenSoup}. */
  @Provide
  default Arbitrary<String> tokenSoup() {
    return JsonFuzz.tokenSoup(target().keys(), target().words());
  }

  /** See {@link JsonFuzz#json}. */
  @Provide
  default Arbitrary<String> randomJson() {
    return JsonFuzz.json(4, target().keys(), target().words()).map(JsonNode::toString);
  }

  /** See {@link JsonFuzz#textMutations}. */
  @Provide
  default Arbitrary<Mutated<C>> textMutations() {
    return JsonFuzz.textMutations(bodyCalls(), TargetCall::validBody);
  }

  /** See {@link JsonFuzz#treeMutations}. */
  @Provide
  default Arbitrary<Mutated<C>> treeMutations() {
    return JsonFuzz.treeMutations(bodyCalls(), TargetCall::validBody, target().keys(),
        target().words());
  }
}
