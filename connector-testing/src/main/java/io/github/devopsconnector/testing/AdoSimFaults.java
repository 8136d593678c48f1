package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which fault, if any, a request gets: scripted faults first (in the order they were added), then the
 * organization's fault, then one picked by rate from a seeded generator. The generator draws the same numbers
 * for every authenticated request, so a sequential request series meets the same faults for the same seed.
 */
final class AdoSimFaults {

  private final double rate;
  private final List<Fault> eligible;
  private final List<Fault> eligibleWithoutBody;
  private final long seed;
  private final List<Scripted> scripted = new ArrayList<>();
  private final Map<OrganizationName, Fault> byOrganization = new ConcurrentHashMap<>();
  private Random random;

  AdoSimFaults(double rate, Set<Fault> eligible, long seed) {
    this.rate = rate;
    this.eligible = List.copyOf(eligible);
    this.eligibleWithoutBody = eligible.stream().filter(f -> !f.corruptsBody()).collect(
        java.util.stream.Collectors.toUnmodifiableList());
    this.seed = seed;
    this.random = new Random(seed);
  }

  synchronized void failNext(Route route, Fault fault, int count) {
    scripted.add(new Scripted(route, fault, count));
  }

  void failOrganization(OrganizationName organization, Fault fault) {
    byOrganization.put(organization, fault);
  }

  synchronized void clear() {
    scripted.clear();
    byOrganization.clear();
  }

  synchronized void reseed() {
    random = new Random(seed);
  }

  /**
   * The fault for one request, consuming a scripted one if it matches.
   *
   * @param hasBody whether the normal answer has a body (faults that corrupt the body need one)
   */
  Optional<Fault> next(Route route, Optional<OrganizationName> organization, boolean hasBody) {
    synchronized (this) {
      Iterator<Scripted> it = scripted.iterator();
      while (it.hasNext()) {
        Scripted entry = it.next();
        if ((entry.route == null || entry.route == route) && (hasBody || !entry.fault.corruptsBody())) {
          entry.remaining--;
          if (entry.remaining <= 0) {
            it.remove();
          }
          return Optional.of(entry.fault);
        }
      }
    }
    if (organization.isPresent()) {
      Fault fault = byOrganization.get(organization.get());
      if (fault != null && (hasBody || !fault.corruptsBody())) {
        return Optional.of(fault);
      }
    }
    if (rate <= 0) {
      return Optional.empty();
    }
    double draw;
    int pick;
    synchronized (this) {
      draw = random.nextDouble();
      pick = random.nextInt(Integer.MAX_VALUE);
    }
    if (draw >= rate) {
      return Optional.empty();
    }
    List<Fault> candidates = hasBody ? eligible : eligibleWithoutBody;
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(pick % candidates.size()));
  }

  private static final class Scripted {
    final Route route;
    final Fault fault;
    int remaining;

    Scripted(Route route, Fault fault, int remaining) {
      this.route = route;
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
