package io.github.devopsconnector.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON answer of the GitHub and GitLab simulators before it is written: status, body and headers. */
final class SimReply {
  /** The marker of a body the handler writes broken (a fault). */
  static final Object MALFORMED = new Object();

  final int status;
  final Object json;
  final Map<String, String> headers = new LinkedHashMap<>();

  SimReply(int status, Object json) {
    this.status = status;
    this.json = json;
  }

  /** The same answer with its body broken, headers kept. */
  SimReply malformed() {
    SimReply broken = new SimReply(status, MALFORMED);
    broken.headers.putAll(headers);
    return broken;
  }

  SimReply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
