package io.github.devopsconnector.examples.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Used heap after garbage collection, for a rough size of what a run holds. */
final class HeapMeter {

  private static final int COLLECTIONS = 3;

  private HeapMeter() {}

  /** Bytes of heap in use after asking for a few full collections. */
  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < COLLECTIONS; i++) {
      memory.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
