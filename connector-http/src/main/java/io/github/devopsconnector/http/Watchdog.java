package io.github.devopsconnector.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends blocking calls that run past their deadline by interrupting the thread that waits in them: the JDK HTTP
 * client aborts the exchange (or the body read) it is blocked in when its thread is interrupted. This is what makes
 * a total time limit hold against a server that answers one byte every few seconds, which no idle read timeout
 * catches. One timer thread per client, made on first use, ended after two idle seconds and by {@link #close()}.
 */
public final class Watchdog implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String threadPrefix;
  private final String closedMessage;
  private ScheduledThreadPoolExecutor timer;
  private boolean closed;

  /**
   * A watchdog; no thread until the first guard.
   *
   * @param threadPrefix the name prefix of its timer threads ({@code "ado-client-deadlines-"})
   * @param closedMessage the message of guards asked for after {@link #close()}
   */
  public Watchdog(String threadPrefix, String closedMessage) {
    this.threadPrefix = threadPrefix;
    this.closedMessage = closedMessage;
  }

  /**
   * Guards the current thread until {@code deadlineNanos} ({@link System#nanoTime()} time): if the guard is still
   * open then, the thread is interrupted and {@link Guard#fired()} turns true.
   *
   * @param deadlineNanos the deadline
   * @return the guard; close it when the guarded work ends
   */
  public Guard guard(long deadlineNanos) {
    Guard guard = new Guard(Thread.currentThread());
    long delay = deadlineNanos - System.nanoTime();
    if (delay <= 0) {
      guard.fire();
      return guard;
    }
    guard.task = timer().schedule(guard::fire, delay, TimeUnit.NANOSECONDS);
    return guard;
  }

  private synchronized ScheduledThreadPoolExecutor timer() {
    if (closed) {
      throw new IllegalStateException(closedMessage);
    }
    if (timer == null) {
      ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, threadPrefix + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      made.setRemoveOnCancelPolicy(true);
      made.setKeepAliveTime(2, TimeUnit.SECONDS);
      made.allowCoreThreadTimeOut(true);
      timer = made;
    }
    return timer;
  }

  /** Stops the timer thread; guards made afterwards fail. */
  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  /** One guarded stretch of a thread's work; close it when the work ends. */
  public static final class Guard implements AutoCloseable {
    private final Thread thread;
    private ScheduledFuture<?> task;
    private boolean open = true;
    private boolean fired;

    private Guard(Thread thread) {
      this.thread = thread;
    }

    private synchronized void fire() {
      if (open) {
        fired = true;
        thread.interrupt();
      }
    }

    /**
     * Whether the deadline passed while the guard was open (the thread was interrupted for it).
     *
     * @return whether it fired
     */
    public synchronized boolean fired() {
      return fired;
    }

    /** Ends the guard; clears the interrupt the guard caused, so that it does not leak into later work. */
    @Override
    public void close() {
      boolean clear;
      synchronized (this) {
        open = false;
        clear = fired;
      }
      if (task != null) {
        task.cancel(false);
      }
      if (clear) {
        Thread.interrupted();
      }
    }
  }
}
