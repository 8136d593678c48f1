package io.github.devopsconnector.testsupport;

/**
 * A call of a client that a hostile-response suite or a response fuzzer aims at: the request whose answer is
 * spoiled, and the valid answer the spoiling starts from. The clients' tests list theirs as enums.
 */
public interface TargetCall {

  /** The request's method, upper case. */
  String method();

  /** The request's decoded path. */
  String path();

  /** A valid answer to the request (empty for a call whose status says it all). */
  String validBody();
}
