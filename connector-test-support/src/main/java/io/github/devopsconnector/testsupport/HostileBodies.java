package io.github.devopsconnector.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * What the clients' hostile-response suites share: the bytes of spoiled bodies (a byte order mark, a cut answer,
 * gzip where none was asked for), and the {@link Tally} of what each hostile answer led to.
 */
public final class HostileBodies {

  private HostileBodies() {}

  /** The UTF-8 byte order mark. */
  public static byte[] bom() {
    return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  }

  /** The parts one after the other. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** The text gzipped (a body compressed although the client did not ask for it). */
  public static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The first {@code fraction} of the text (an answer cut off). */
  public static String cut(String text, double fraction) {
    return text.substring(0, (int) (text.length() * fraction));
  }

  /**
   * What the hostile answers of a suite led to, by category: a typed error, a correct value, or a crash (anything
   * else). Thread-safe; the suite reports it after its last case and fails on a crash.
   */
  public static final class Tally {
    private final Map<String, int[]> byCategory = new TreeMap<>();
    private int inputs;
    private int typed;
    private int accepted;
    private int crashes;

    /** Counts one answer of the category: a value, a crash, or else a typed error. */
    public synchronized void record(String category, boolean value, boolean crash) {
      int[] counts = byCategory.computeIfAbsent(category, k -> new int[3]);
      inputs++;
      counts[0]++;
      if (crash) {
        crashes++;
      } else if (value) {
        accepted++;
        counts[2]++;
      } else {
        typed++;
        counts[1]++;
      }
    }

    /** The answers that crashed the client. */
    public synchronized int crashes() {
      return crashes;
    }

    /** The report: totals, then one line per category. */
    public synchronized String report(String suite) {
      StringBuilder out = new StringBuilder(suite + ": inputs=" + inputs + " typed errors=" + typed + " crashes="
          + crashes + "\n  answered with a correct value (decisions documented in the test): " + accepted);
      byCategory.forEach((category, c) -> out.append("\n  ").append(category).append(": inputs=").append(c[0])
          .append(" typed errors=").append(c[1]).append(" values=").append(c[2]));
      return out.toString();
    }
  }
}
