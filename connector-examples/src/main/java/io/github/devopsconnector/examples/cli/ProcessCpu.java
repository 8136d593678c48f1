package io.github.devopsconnector.examples.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The CPU time this process used, where the JVM tells it. */
final class ProcessCpu {

  private ProcessCpu() {}

  /** Nanoseconds of CPU this process used so far, or -1 when the JVM does not tell. */
  static long nanos() {
    OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
    if (system instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) system).getProcessCpuTime();
    }
    return -1;
  }
}
