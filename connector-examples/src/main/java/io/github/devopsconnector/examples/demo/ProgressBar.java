package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.discovery.DiscoveryListener;
import io.github.devopsconnector.core.discovery.DiscoveryProgress;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import java.io.PrintStream;

/**
 * A one-line progress bar for a discovery, redrawn in place with a carriage return: for terminals only. The
 * discovery calls it from its worker threads, one call at a time, so it needs no locking of its own.
 */
final class ProgressBar implements DiscoveryListener {

  /** Cells of the bar; the whole line stays under 80 columns, since a wrapped line cannot be redrawn in place. */
  private static final int BAR = 12;

  private final PrintStream err;
  private int lastLength;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public void organizationStarted(OrganizationName organization, DiscoveryProgress progress) {
    draw(progress);
  }

  @Override
  public void projectsListed(OrganizationName organization, int projects, DiscoveryProgress progress) {
    draw(progress);
  }

  @Override
  public void projectFinished(OrganizationName organization, AzureDevOpsProject project, DiscoveryProgress progress) {
    draw(progress);
  }

  @Override
  public void organizationFinished(OrganizationOutcome outcome, DiscoveryProgress progress) {
    draw(progress);
  }

  /** Draws the final state from the totals and ends the line. */
  void finish(DiscoveryTotals totals) {
    show(line(1.0, totals.organizations(), totals.organizations(), totals.projects(), totals.projects(),
        totals.repositories(), totals.pipelines(), totals.requests()));
    err.println();
    err.flush();
  }

  private void draw(DiscoveryProgress p) {
    long total = p.organizationsTotal() + p.projectsTotal();
    double done = total == 0 ? 0 : (double) (p.organizationsFinished() + p.projectsFinished()) / total;
    show(line(done, p.organizationsFinished(), p.organizationsTotal(), p.projectsFinished(), p.projectsTotal(),
        p.repositories(), p.pipelines(), p.requests()));
  }

  private void show(String line) {
    String padding = " ".repeat(Math.max(0, lastLength - line.length()));
    lastLength = line.length();
    err.print("\r" + line + padding);
    err.flush();
  }

  /** The text of the bar, without the carriage return. */
  static String line(double done, long organizations, long organizationsTotal, long projects, long projectsTotal,
      long repositories, long pipelines, long requests) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, done)) * BAR);
    return "  [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + organizations + "/" + organizationsTotal
        + " orgs, " + projects + "/" + projectsTotal + " projects, " + repositories + " repos, " + pipelines
        + " pipelines, " + requests + " requests";
  }
}
