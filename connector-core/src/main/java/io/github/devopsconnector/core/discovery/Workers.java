package io.github.devopsconnector.core.discovery;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one run: the caller's executor, or a fixed pool of as many daemon threads as requests may run at
 * once, owned by the run and shut down when it ends. Never an unbounded number of threads.
 */
final class Workers {

  private final Executor executor;
  private final ExecutorService owned;

  private Workers(Executor executor, ExecutorService owned) {
    this.executor = executor;
    this.owned = owned;
  }

  static Workers of(Executor callerExecutor, int threads, String name) {
    if (callerExecutor != null) {
      return new Workers(callerExecutor, null);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads(name));
    return new Workers(pool, pool);
  }

  Executor executor() {
    return executor;
  }

  /** Lets the owned pool's threads end once their queued tasks are done; the caller's executor is left alone. */
  void shutdown() {
    if (owned != null) {
      owned.shutdown();
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
