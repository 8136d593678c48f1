package io.github.devopsconnector.testsupport;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness of a client's hostile-response suite: each {@link HostileCase} of the corpus is served by a loopback
 * server (with a bystander beside it) to the real client for one call, within 30 seconds; the suite's
 * {@link #check} makes the call and asserts its outcome, and {@link #record}s it. After the last case the suite
 * logs (INFO) {@code hostile responses: inputs=<n> typed errors=<n> crashes=0} with a breakdown by category, and fails
 * if any answer crashed the client.
 *
 * @param <C> the client's calls
 * @param <E> the suite's expectations
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileResponseSuite<C extends TargetCall, E> {
  private static final Logger LOG = LoggerFactory.getLogger(HostileResponseSuite.class);
  private final HostileBodies.Tally tally = new HostileBodies.Tally();
  private final String contentType;

  /**
   * A suite whose JSON answers have this content type.
   *
   * @param contentType the content type of the service's JSON answers
   */
  protected HostileResponseSuite(String contentType) {
    this.contentType = contentType;
  }

  /** The corpus. */
  protected abstract List<HostileCase<C, E>> cases();

  /** Valid answers to every call, so that a case only has to spoil one. */
  protected abstract void world(RawHttpServer server);

  /** The service's 404, for requests no case routes. */
  protected abstract RawHttpServer.Responder notFound(RawHttpServer.Request request);

  /** Makes the case's call against {@code env.server()}, records and checks the outcome. */
  protected abstract void check(HostileCase<C, E> hostile, HostileCase.Env env);

  protected final Stream<Arguments> corpus() {
    return cases().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  protected final void eachHostileAnswerEndsInAValueOrATypedError(HostileCase<C, E> hostile) {
    hostile.serve(this::notFound, this::world, env -> check(hostile, env));
  }

  /** Counts what the case's answer led to: a value, a crash, or else a typed error. */
  protected final void record(HostileCase<C, E> hostile, boolean value, boolean crash) {
    tally.record(hostile.category(), value, crash);
  }

  @AfterAll
  protected final void report() {
    // The corpus size and outcome are the suite's report.
    LOG.info("{}", tally.report("hostile responses"));
    if (tally.crashes() != 0) {
      throw new AssertionError(tally.crashes() + " hostile answers crashed the client.");
    }
  }

  /** A JSON answer as the service sends it. */
  protected final RawHttpServer.Responder json(int status, String body) {
    return RawHttpServer.json(status, contentType, body);
  }

  /** A JSON answer as the service sends it. */
  protected final RawHttpServer.Responder json(int status, byte[] body) {
    return RawHttpServer.json(status, contentType, body);
  }
}
