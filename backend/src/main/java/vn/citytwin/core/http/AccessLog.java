package vn.citytwin.core.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.AccessLogSettings;

/**
 * The access log: one line per finished request that the settings select (slow requests and server errors always,
 * unless off), in the combined log format or as JSON lines, with the request id. Lines are formatted on the event
 * loop (a few hundred nanoseconds) and written by one daemon thread through a bounded queue: a slow disk or a
 * flood of requests drops lines (counted, and reported in the next line written) instead of blocking an event
 * loop or growing the heap.
 */
public final class AccessLog implements Handler<RoutingContext>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final DateTimeFormatter CLF_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  private final AccessLogSettings settings;
  private final BlockingQueue<String> lines;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  /** Writes to the {@code access} logger. */
  public AccessLog(AccessLogSettings settings) {
    this(settings, LOG::info);
  }

  /** Writes to {@code sink}, on the log's own thread (tests, other destinations). */
  public AccessLog(AccessLogSettings settings, Consumer<String> sink) {
    this.settings = settings;
    this.lines = new ArrayBlockingQueue<>(settings.queue());
    this.writer = new Thread(() -> drain(sink), "citytwin-access-log");
    writer.setDaemon(true);
    if (!"off".equals(settings.mode())) {
      writer.start();
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!"off".equals(settings.mode())) {
      long start = System.nanoTime();
      ctx.addBodyEndHandler(v -> finished(ctx, start));
    }
    ctx.next();
  }

  /** Lines dropped because the writer fell behind. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    writer.interrupt();
  }

  /** Whether a request with this status and duration is written. */
  static boolean selects(AccessLogSettings s, int status, double ms, double random) {
    return switch (s.mode()) {
      case "off" -> false;
      case "full" -> true;
      case "sampled" -> status >= 500 || ms >= s.slowMs() || random < s.sampleRate();
      default -> status >= 500 || ms >= s.slowMs();
    };
  }

  private void finished(RoutingContext ctx, long start) {
    double ms = (System.nanoTime() - start) / 1e6;
    int status = ctx.response().getStatusCode();
    if (!selects(settings, status, ms, ThreadLocalRandom.current().nextDouble())) {
      return;
    }
    String line = "json".equals(settings.format()) ? json(ctx, status, ms) : combined(ctx, status, ms);
    if (!lines.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  private void drain(Consumer<String> sink) {
    long reported = 0;
    try {
      while (true) {
        String line = lines.take();
        long d = dropped.get();
        if (d > reported) {
          sink.accept("access log: " + (d - reported) + " lines dropped (writer behind)");
          reported = d;
        }
        sink.accept(line);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code host - - [time] "METHOD uri HTTP/1.1" status bytes "referer" "agent" id ms}. */
  static String combined(RoutingContext ctx, int status, double ms) {
    HttpServerRequest r = ctx.request();
    return remote(r) + " - - [" + CLF_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "] \""
        + r.method().name() + ' ' + clean(r.uri()) + ' ' + version(r) + "\" " + status + ' '
        + ctx.response().bytesWritten() + " \"" + clean(orDash(r.getHeader("Referer"))) + "\" \""
        + clean(orDash(r.getHeader("User-Agent"))) + "\" " + RequestIds.of(ctx) + ' '
        + String.format(Locale.ROOT, "%.1f", ms);
  }

  static String json(RoutingContext ctx, int status, double ms) {
    HttpServerRequest r = ctx.request();
    return new JsonObject().put("time", ZonedDateTime.now(ZoneOffset.UTC).toString()).put("id", RequestIds.of(ctx))
        .put("remote", remote(r)).put("method", r.method().name()).put("uri", r.uri()).put("status", status)
        .put("bytes", ctx.response().bytesWritten()).put("ms", Math.round(ms * 10) / 10.0)
        .put("referer", r.getHeader("Referer")).put("agent", r.getHeader("User-Agent")).encode();
  }

  private static String remote(HttpServerRequest r) {
    return r.remoteAddress() == null ? "-" : r.remoteAddress().hostAddress();
  }

  private static String version(HttpServerRequest r) {
    return switch (r.version()) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_2 -> "HTTP/2.0";
      default -> "HTTP/1.1";
    };
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  /** Quotes and control characters from the client would break the line format (log injection). */
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
