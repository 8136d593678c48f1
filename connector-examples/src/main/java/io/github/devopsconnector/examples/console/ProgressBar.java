package io.github.devopsconnector.examples.console;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.discovery.DiscoveryListener;
import io.github.devopsconnector.core.discovery.DiscoveryProgress;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar for a discovery, redrawn in place with a carriage return at most ten times a second (and
 * once more when the last organization is done): for terminals only. Without a terminal it draws nothing and, given
 * to a discovery as {@link #listener()}, costs nothing. Keep the whole line under 80 columns: a wrapped line cannot
 * be redrawn in place.
 */
public final class ProgressBar implements DiscoveryListener {

  /** What the line shows. */
  public enum Layout {
    /** The command-line tool's: {@code [####----] organizations 2/5, projects 3/7, 9 requests}. */
    BRIEF,
    /** The demo's: {@code   [###...] 2/5 orgs, 3/7 projects, 4 repos, 2 pipelines, 9 requests}. */
    DETAILED
  }

  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int BRIEF_CELLS = 24;
  private static final int DETAILED_CELLS = 12;

  private final PrintStream terminal;
  private final Layout layout;
  private long lastDrawn = System.nanoTime() - REDRAW_NANOS;
  private int drawnLength;

  private ProgressBar(PrintStream terminal, Layout layout) {
    this.terminal = terminal;
    this.layout = layout;
  }

  /**
   * A progress bar on this terminal.
   *
   * @param terminal where to draw; {@code null} (not a terminal) for a bar that draws nothing
   * @param layout what the line shows
   */
  public static ProgressBar on(PrintStream terminal, Layout layout) {
    return new ProgressBar(terminal, layout);
  }

  /** What to give the discovery: this bar, or no listener at all when it draws nothing. */
  public DiscoveryListener listener() {
    return terminal == null ? DiscoveryListener.none() : this;
  }

  @Override
  public void requestMade(DiscoveryProgress progress) {
    draw(progress, false);
  }

  @Override
  public void organizationStarted(OrganizationName organization, DiscoveryProgress progress) {
    draw(progress, false);
  }

  @Override
  public void projectsListed(OrganizationName organization, int projects, DiscoveryProgress progress) {
    draw(progress, false);
  }

  @Override
  public void projectFinished(OrganizationName organization, AzureDevOpsProject project, DiscoveryProgress progress) {
    draw(progress, false);
  }

  @Override
  public void organizationFinished(OrganizationOutcome outcome, DiscoveryProgress progress) {
    draw(progress, progress.organizationsFinished() == progress.organizationsTotal());
  }

  /** Erases the bar, so that what follows starts on a clean line. */
  public synchronized void erase() {
    if (terminal != null && drawnLength > 0) {
      terminal.print("\r" + " ".repeat(drawnLength) + "\r");
      terminal.flush();
      drawnLength = 0;
    }
  }

  /** Draws the final state from the discovery's totals and ends the line. */
  public synchronized void complete(DiscoveryTotals totals) {
    if (terminal == null) {
      return;
    }
    show(layout == Layout.BRIEF
        ? briefLine(1.0, totals.organizations(), totals.organizations(), totals.projects(), totals.projects(),
            totals.requests())
        : detailedLine(1.0, totals.organizations(), totals.organizations(), totals.projects(), totals.projects(),
            totals.repositories(), totals.pipelines(), totals.requests()));
    terminal.println();
    terminal.flush();
    drawnLength = 0;
  }

  private synchronized void draw(DiscoveryProgress p, boolean force) {
    if (terminal == null) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    if (layout == Layout.BRIEF) {
      double done = p.projectsTotal() > 0 ? (double) p.projectsFinished() / p.projectsTotal()
          : p.organizationsTotal() > 0 ? (double) p.organizationsFinished() / p.organizationsTotal() : 0;
      show(briefLine(done, p.organizationsFinished(), p.organizationsTotal(), p.projectsFinished(),
          p.projectsTotal(), p.requests()));
    } else {
      long total = p.organizationsTotal() + p.projectsTotal();
      double done = total == 0 ? 0 : (double) (p.organizationsFinished() + p.projectsFinished()) / total;
      show(detailedLine(done, p.organizationsFinished(), p.organizationsTotal(), p.projectsFinished(),
          p.projectsTotal(), p.repositories(), p.pipelines(), p.requests()));
    }
  }

  private void show(String line) {
    terminal.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    terminal.flush();
    drawnLength = line.length();
  }

  /** The text of a {@link Layout#BRIEF} bar, without the carriage return. */
  static String briefLine(double done, long organizations, long organizationsTotal, long projects,
      long projectsTotal, long requests) {
    return "[" + cells(done, BRIEF_CELLS, '-') + "] organizations " + organizations + "/" + organizationsTotal
        + ", projects " + projects + "/" + projectsTotal + ", " + requests + " requests";
  }

  /** The text of a {@link Layout#DETAILED} bar, without the carriage return. */
  public static String detailedLine(double done, long organizations, long organizationsTotal, long projects,
      long projectsTotal, long repositories, long pipelines, long requests) {
    return "  [" + cells(done, DETAILED_CELLS, '.') + "] " + organizations + "/" + organizationsTotal + " orgs, "
        + projects + "/" + projectsTotal + " projects, " + repositories + " repos, " + pipelines + " pipelines, "
        + requests + " requests";
  }

  private static String cells(double done, int width, char empty) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, done)) * width);
    return "#".repeat(filled) + String.valueOf(empty).repeat(width - filled);
  }
}
