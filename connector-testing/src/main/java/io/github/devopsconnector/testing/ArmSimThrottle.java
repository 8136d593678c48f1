package io.github.devopsconnector.testing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Azure Resource Manager's subscription throttling: a token bucket per subscription, caller and kind of request
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling).
 */
final class ArmSimThrottle {

  private final ArmSimulatorOptions options;
  private final Map<String, double[]> buckets = new HashMap<>();

  ArmSimThrottle(ArmSimulatorOptions options) {
    this.options = options;
  }

  /** The kind of budget a method spends: {@code reads}, {@code writes} or {@code deletes}. */
  static String kind(String method) {
    return method.equals("GET") || method.equals("HEAD") ? "reads" : method.equals("DELETE") ? "deletes" : "writes";
  }

  /** Takes a token and returns the tokens left, or the seconds until one is back (negative) when none is left. */
  long take(String subscription, String identity, String kind) {
    boolean read = kind.equals("reads");
    double capacity = read ? options.readBudget() : options.writeBudget();
    double refill = read ? options.readRefillPerSecond() : options.writeRefillPerSecond();
    double now = options.clock().millis() / 1000.0;
    synchronized (buckets) {
      double[] bucket = buckets.computeIfAbsent(subscription.toLowerCase(Locale.ROOT) + "|" + identity + "|" + kind,
          k -> new double[] {capacity, now});
      bucket[0] = Math.min(capacity, bucket[0] + Math.max(0, now - bucket[1]) * refill);
      bucket[1] = now;
      if (bucket[0] < 1) {
        return -Math.max(1, (long) Math.ceil((1 - bucket[0]) / refill));
      }
      bucket[0] -= 1;
      return (long) Math.floor(bucket[0]);
    }
  }
}
