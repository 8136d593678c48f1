package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides which fault, if any, a simulated request gets: scripted faults first (in the order they were added),
 * then the organization's fault, then one picked by rate from a seeded generator. The generator draws the same
 * numbers for every request it is asked about, so a sequential request series meets the same faults for the same
 * seed. Shared by both simulators and the in-memory Azure DevOps client.
 *
 * @param <R> the routes faults can target
 * @param <F> the faults
 */
final class SimFaults<R, F> {

  private final double rate;
  private final List<F> eligible;
  private final List<F> eligibleWithoutBody;
  private final Predicate<F> corruptsBody;
  private final long seed;
  private final boolean inTurn;
  private int turn;
  private final List<Scripted<R, F>> scripted = new ArrayList<>();
  private final Map<OrganizationName, F> byOrganization = new ConcurrentHashMap<>();
  private Random random;
  private int every;
  private F everyFault;
  private long seen;

  /**
   * @param rate the share of requests that get a fault picked from {@code eligible}
   * @param inTurn whether a fault by rate is the next of {@code eligible} in turn, rather than one drawn at random
   * @param corruptsBody which faults need an answer with a body
   */
  SimFaults(double rate, Set<F> eligible, long seed, boolean inTurn, Predicate<F> corruptsBody) {
    this.inTurn = inTurn;
    this.rate = rate;
    this.eligible = List.copyOf(eligible);
    this.corruptsBody = corruptsBody;
    this.eligibleWithoutBody = eligible.stream().filter(corruptsBody.negate()).collect(Collectors.toUnmodifiableList());
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Checks the arguments of a scripted fault the way both simulators document it. */
  static void checkScript(Object fault, int count) {
    if (fault == null) {
      throw new IllegalArgumentException("The fault is missing.");
    }
    if (count < 1) {
      throw new IllegalArgumentException("The number of requests to fail must be at least 1; it is " + count + ".");
    }
  }

  /** Fails the next {@code count} requests to this route ({@code null}: any route) with the fault. */
  synchronized void failNext(R route, F fault, int count) {
    scripted.add(new Scripted<>(route, null, fault, count));
  }

  /** Fails the next {@code count} requests about this organization with the fault. */
  synchronized void failNextAbout(OrganizationName organization, F fault, int count) {
    scripted.add(new Scripted<>(null, organization, fault, count));
  }

  /** Fails every {@code n}th request (the {@code n}th, {@code 2n}th, ...), counted over all requests, first. */
  synchronized void failEvery(int n, F fault) {
    this.every = n;
    this.everyFault = fault;
  }

  void failOrganization(OrganizationName organization, F fault) {
    byOrganization.put(organization, fault);
  }

  synchronized void clear() {
    scripted.clear();
    byOrganization.clear();
  }

  synchronized void reseed() {
    random = new Random(seed);
    turn = 0;
  }

  /**
   * The fault for one request, consuming a scripted one if it matches.
   *
   * @param hasBody whether the normal answer has a body (faults that corrupt the body need one)
   */
  Optional<F> next(R route, Optional<OrganizationName> organization, boolean hasBody) {
    synchronized (this) {
      seen++;
      if (every > 0 && seen % every == 0) {
        return Optional.of(everyFault);
      }
      Iterator<Scripted<R, F>> it = scripted.iterator();
      while (it.hasNext()) {
        Scripted<R, F> entry = it.next();
        boolean about = entry.organization == null || organization.filter(entry.organization::equals).isPresent();
        if ((entry.route == null || entry.route.equals(route)) && about
            && (hasBody || !corruptsBody.test(entry.fault))) {
          entry.remaining--;
          if (entry.remaining <= 0) {
            it.remove();
          }
          return Optional.of(entry.fault);
        }
      }
    }
    if (organization.isPresent()) {
      F fault = byOrganization.get(organization.get());
      if (fault != null && (hasBody || !corruptsBody.test(fault))) {
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
      if (inTurn) {
        if (draw >= rate) {
          return Optional.empty();
        }
        pick = turn++;
      } else {
        pick = random.nextInt(Integer.MAX_VALUE);
      }
    }
    if (draw >= rate) {
      return Optional.empty();
    }
    List<F> candidates = hasBody ? eligible : eligibleWithoutBody;
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(pick % candidates.size()));
  }

  private static final class Scripted<R, F> {
    final R route;
    final OrganizationName organization;
    final F fault;
    int remaining;

    Scripted(R route, OrganizationName organization, F fault, int remaining) {
      this.route = route;
      this.organization = organization;
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
