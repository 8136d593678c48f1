package io.github.devopsconnector.testsupport;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One hostile answer to one call, as the clients' hostile-response suites list them: the answer is routed on a
 * loopback {@link RawHttpServer}, a bystander server on another port checks that nothing leaks there, and the
 * suite's own {@code E} says what the answer must lead to.
 *
 * @param category the family of the answer, for the report
 * @param name what is hostile about it
 * @param call the call whose answer is spoiled
 * @param setup routes the hostile answer (and any other) on the servers
 * @param expect what the answer must lead to
 * @param after checks the servers once the call is over
 * @param <C> the client's calls
 * @param <E> the suite's expectations
 */
public record HostileCase<C extends TargetCall, E>(String category, String name, C call, Consumer<Env> setup,
    E expect, Consumer<Env> after) {

  /**
   * The servers of one case.
   *
   * @param server the server answering the client
   * @param elsewhere a bystander on another port that must never be called
   */
  public record Env(RawHttpServer server, RawHttpServer elsewhere) {}

  /** The call's request answered by the responder; nothing to check afterwards. */
  public static <C extends TargetCall, E> HostileCase<C, E> of(String category, String name, C call,
      RawHttpServer.Responder responder, E expect) {
    return new HostileCase<>(category, name, call, env -> env.server().on(call.method(), call.path(), responder),
        expect, env -> { });
  }

  /** A case that routes the servers itself and checks them afterwards. */
  public static <C extends TargetCall, E> HostileCase<C, E> custom(String category, String name, C call,
      Consumer<Env> setup, E expect, Consumer<Env> after) {
    return new HostileCase<>(category, name, call, setup, expect, after);
  }

  /**
   * Runs the case: starts both servers (unrouted requests get {@code notFound}), routes the valid world and then
   * the case's answers, runs the test, checks the servers with {@link #after}, and closes them.
   *
   * @param notFound the service's 404 for a request no route matches
   * @param world routes valid answers to every call, so that a case only has to spoil one
   * @param test makes the call and checks its outcome
   */
  public void serve(Function<RawHttpServer.Request, RawHttpServer.Responder> notFound,
      Consumer<RawHttpServer> world, Consumer<Env> test) {
    try (RawHttpServer server = RawHttpServer.start(notFound);
        RawHttpServer elsewhere = RawHttpServer.start(notFound)) {
      Env env = new Env(server, elsewhere);
      world.accept(server);
      setup.accept(env);
      test.accept(env);
      after.accept(env);
    }
  }

  /**
   * What a call gave: a value, or what it threw.
   *
   * @param value the value (null when it threw)
   * @param thrown what it threw (null when it gave a value)
   */
  public record Outcome(Object value, Throwable thrown) {

    /** Makes the call, catching whatever it throws. */
    public static Outcome of(Supplier<Object> call) {
      try {
        return new Outcome(call.get(), null);
      } catch (Throwable t) {
        return new Outcome(null, t);
      }
    }
  }

  @Override
  public String toString() {
    return category + ": " + name;
  }
}
