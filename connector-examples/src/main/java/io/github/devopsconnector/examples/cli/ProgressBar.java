package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.discovery.DiscoveryListener;
import io.github.devopsconnector.core.discovery.DiscoveryProgress;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar on stderr (organizations and projects done, requests), redrawn at most ten times a second,
 * for terminals only: {@link #of(CliContext)} gives a listener that draws nothing when stderr is not a terminal.
 */
final class ProgressBar implements DiscoveryListener {

  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private long lastDrawn = System.nanoTime() - REDRAW_NANOS;
  private int drawnLength;

  private ProgressBar(PrintStream err) {
    this.err = err;
  }

  /**
   * A progress bar when stderr is a terminal, otherwise one that stays silent (and, given to a discovery as
   * {@link #listener()}, costs nothing).
   */
  static ProgressBar of(CliContext context) {
    return context.interactive() ? new ProgressBar(context.err()) : new ProgressBar(null);
  }

  /** What to give the discovery: this bar, or no listener at all when it draws nothing. */
  DiscoveryListener listener() {
    return err == null ? DiscoveryListener.none() : this;
  }

  @Override
  public void requestMade(DiscoveryProgress progress) {
    draw(progress, false);
  }

  @Override
  public void projectsListed(OrganizationName organization, int projects, DiscoveryProgress progress) {
    draw(progress, false);
  }

  @Override
  public void organizationFinished(OrganizationOutcome outcome, DiscoveryProgress progress) {
    draw(progress, progress.organizationsFinished() == progress.organizationsTotal());
  }

  /** Erases the bar, so that what follows starts on a clean line. */
  synchronized void finish() {
    if (err != null && drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      err.flush();
      drawnLength = 0;
    }
  }

  private synchronized void draw(DiscoveryProgress progress, boolean force) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    double done = progress.projectsTotal() > 0
        ? (double) progress.projectsFinished() / progress.projectsTotal()
        : progress.organizationsTotal() > 0 ? (double) progress.organizationsFinished() / progress.organizationsTotal()
        : 0;
    int filled = (int) Math.round(Math.min(1, done) * BAR_WIDTH);
    String line = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] organizations "
        + progress.organizationsFinished() + "/" + progress.organizationsTotal() + ", projects "
        + progress.projectsFinished() + "/" + progress.projectsTotal() + ", " + progress.requests() + " requests";
    int padding = Math.max(0, drawnLength - line.length());
    err.print("\r" + line + " ".repeat(padding));
    err.flush();
    drawnLength = line.length();
  }
}
