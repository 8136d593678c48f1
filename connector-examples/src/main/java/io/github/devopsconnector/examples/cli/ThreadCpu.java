package io.github.devopsconnector.examples.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JVM's live threads, split by who they work for: the client (the discovery's workers, the JDK
 * HTTP client's threads and azure-core's) or the simulator (its workers and the JDK HTTP server's dispatcher). Threads that end
 * between two snapshots are not counted, so the caller keeps the threads it measures alive until the second one.
 */
final class ThreadCpu {

  /** Names of the discovery's workers that {@code bench} creates. */
  static final String DISCOVERY_THREADS = "inventory-discovery-";

  private final Map<Long, Long> client;
  private final Map<Long, Long> simulator;
  private final Map<Long, Long> other;

  private ThreadCpu(Map<Long, Long> client, Map<Long, Long> simulator, Map<Long, Long> other) {
    this.client = client;
    this.simulator = simulator;
    this.other = other;
  }

  /** Whether the JVM measures the CPU time of each thread (if not, every figure is 0). */
  static boolean supported() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
  }

  /** The CPU time of every live thread now. */
  static ThreadCpu snapshot() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> client = new HashMap<>();
    Map<Long, Long> simulator = new HashMap<>();
    Map<Long, Long> other = new HashMap<>();
    if (!supported()) {
      return new ThreadCpu(client, simulator, other);
    }
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (infos[i] == null || cpu < 0) {
        continue;
      }
      String name = infos[i].getThreadName();
      if (name.startsWith(DISCOVERY_THREADS) || name.startsWith("HttpClient-")
          || name.startsWith("azure-sdk-")) {
        client.put(ids[i], cpu);
      } else if (name.startsWith("ado-simulator-") || name.startsWith("HTTP-Dispatcher")) {
        simulator.put(ids[i], cpu);
      } else {
        other.put(ids[i], cpu);
      }
    }
    return new ThreadCpu(client, simulator, other);
  }

  /** Nanoseconds the client's threads used since {@code start}. */
  long clientSince(ThreadCpu start) {
    return since(client, start.client);
  }

  /** Nanoseconds the simulator's threads used since {@code start}. */
  long simulatorSince(ThreadCpu start) {
    return since(simulator, start.simulator);
  }

  /** Nanoseconds the other Java threads (such as the main thread) used since {@code start}. */
  long otherSince(ThreadCpu start) {
    return since(other, start.other);
  }

  private static long since(Map<Long, Long> now, Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : now.entrySet()) {
      total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return total;
  }
}
