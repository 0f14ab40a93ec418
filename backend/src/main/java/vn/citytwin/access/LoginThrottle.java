package vn.citytwin.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for one user name from one address within the
 * window, that pair is refused (429, Retry-After) until the window since its first failure has passed.
 */
public final class LoginThrottle {
  private record Window(long startMillis, AtomicInteger failures) {}

  private final int maxFailures;
  private final long windowMillis;
  private final Cache<String, Window> windows;

  public LoginThrottle(int maxFailures, int windowSeconds) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowSeconds * 1000L;
    this.windows = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(windowSeconds))
        .build();
  }

  /** Seconds until this pair may try again, or 0 when it may now. */
  public long retryAfterSeconds(String user, String address) {
    Window w = windows.getIfPresent(key(user, address));
    if (w == null || w.failures().get() < maxFailures) {
      return 0;
    }
    long left = w.startMillis() + windowMillis - System.currentTimeMillis();
    return left <= 0 ? 0 : Math.max(1, (left + 999) / 1000);
  }

  public void failed(String user, String address) {
    windows.get(key(user, address), k -> new Window(System.currentTimeMillis(), new AtomicInteger()))
        .failures().incrementAndGet();
  }

  public void succeeded(String user, String address) {
    windows.invalidate(key(user, address));
  }

  private static String key(String user, String address) {
    return user + '\u0000' + address;
  }
}
