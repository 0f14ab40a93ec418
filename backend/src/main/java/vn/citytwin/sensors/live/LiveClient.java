package vn.citytwin.sensors.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One connected live client. Its queue is the connection's own write queue, bounded in bytes: while the client
 * has more unsent than that, messages for it are skipped (counted) instead of piling up on the heap, and when it
 * has drained it is told how many it missed ({@code {"type":"skipped","count":n}}).
 */
abstract class LiveClient {
  private volatile LiveFilter filter;
  private final AtomicLong skipped = new AtomicLong();
  private final Runnable onSkip;

  LiveClient(LiveFilter filter, Runnable onSkip) {
    this.filter = filter;
    this.onSkip = onSkip;
  }

  LiveFilter filter() {
    return filter;
  }

  void filter(LiveFilter filter) {
    this.filter = filter;
  }

  /**
   * Sends one message (a compact JSON object whose {@code type} member is {@code type}) unless the client is
   * full, in which case it is skipped and a drain notice is armed.
   *
   * @return whether it was written (false: skipped)
   */
  final boolean offer(String type, String json) {
    if (isFull()) {
      if (skipped.getAndIncrement() == 0) {
        whenDrained(() -> {
          long n = skipped.getAndSet(0);
          if (n > 0) {
            write("skipped", "{\"type\":\"skipped\",\"count\":" + n + "}");
          }
        });
      }
      onSkip.run();
      return false;
    }
    write(type, json);
    return true;
  }

  abstract boolean isFull();

  abstract void write(String type, String json);

  abstract void whenDrained(Runnable action);

  abstract void close();
}
