package io.github.devopsconnector.examples.cli;

/** How results are printed. */
enum OutputFormat {
  /** For people: tables and sentences. */
  text,
  /** For programs: one JSON document. */
  json
}
