package io.github.devopsconnector.http;

import com.azure.core.util.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of one client call, all retries and waits included, carried to the pipeline's policies in the
 * request {@link Context} so that they never start a wait that would outlast it.
 */
public final class CallDeadline {
  /** The context key; the value is a {@link System#nanoTime()} instant as a {@code Long}. */
  public static final String KEY = "io.github.devopsconnector.http.call-deadline";

  private CallDeadline() {}

  /**
   * A context carrying the deadline.
   *
   * @param deadlineNanos the deadline, in {@link System#nanoTime()} time
   * @return the context
   */
  public static Context context(long deadlineNanos) {
    return new Context(KEY, deadlineNanos);
  }

  /**
   * The deadline {@code limit} from now, in {@link System#nanoTime()} time; limits beyond about 73 years are cut so
   * that the sum cannot overflow.
   *
   * @param limit the time allowed
   * @return the deadline
   */
  public static long after(Duration limit) {
    Duration cap = Duration.ofNanos(Long.MAX_VALUE / 4);
    long nanos = limit.compareTo(cap) > 0 ? cap.toNanos() : Math.max(0, limit.toNanos());
    return System.nanoTime() + nanos;
  }

  /**
   * The time left until the call's deadline, when the context carries one.
   *
   * @param context the request's context, or null
   * @return the time left, never negative
   */
  public static Optional<Duration> remaining(Context context) {
    if (context == null) {
      return Optional.empty();
    }
    return context.getData(KEY).filter(Long.class::isInstance).map(Long.class::cast)
        .map(deadline -> Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /**
   * Whether waiting {@code wait} would outlast the call's deadline.
   *
   * @param context the request's context, or null
   * @param wait the wait
   * @return whether it would; false when the context carries no deadline
   */
  public static boolean outlasts(Context context, Duration wait) {
    return remaining(context).map(left -> wait.compareTo(left) >= 0).orElse(false);
  }

  /**
   * Thrown by a policy instead of starting a wait that would outlast the call's deadline: the call ends now with
   * the timeout it would have ended with later.
   */
  public static final class WouldOutlast extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The failure.
     *
     * @param what what would have waited, such as {@code "pacing"}
     * @param wait how long it would have waited
     */
    public WouldOutlast(String what, Duration wait) {
      super("The " + what + " wait of " + wait + " would outlast the call's deadline.", null, false, false);
    }
  }
}
