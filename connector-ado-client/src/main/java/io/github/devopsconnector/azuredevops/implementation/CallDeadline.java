package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.util.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of one client call, all retries and waits included, carried to the pipeline's policies in the
 * request {@link Context} so that they never start a wait that would outlast it.
 */
public final class CallDeadline {
  /** The context key; the value is a {@link System#nanoTime()} instant as a {@code Long}. */
  static final String KEY = "io.github.devopsconnector.azuredevops.call-deadline";

  private CallDeadline() {}

  /** A context carrying the deadline. */
  static Context context(long deadlineNanos) {
    return new Context(KEY, deadlineNanos);
  }

  /** The time left until the call's deadline, when the context carries one; never negative. */
  static Optional<Duration> remaining(Context context) {
    if (context == null) {
      return Optional.empty();
    }
    return context.getData(KEY).filter(Long.class::isInstance).map(Long.class::cast)
        .map(deadline -> Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Whether waiting {@code wait} would outlast the call's deadline. */
  static boolean outlasts(Context context, Duration wait) {
    return remaining(context).map(left -> wait.compareTo(left) >= 0).orElse(false);
  }
}
