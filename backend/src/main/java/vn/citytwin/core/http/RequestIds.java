package vn.citytwin.core.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every request an id (kept from a proxy's {@code X-Request-Id} when present, else generated), echoed in the
 * response header and in every error body, so a user's report can be matched to a log line.
 */
public final class RequestIds implements Handler<RoutingContext> {
  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "requestId";
  private final AtomicLong counter = new AtomicLong();
  private final String prefix = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

  @Override
  public void handle(RoutingContext ctx) {
    String incoming = ctx.request().getHeader(HEADER);
    String id = incoming != null && incoming.matches("[A-Za-z0-9._-]{1,64}")
        ? incoming : prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  /** The current request's id, or "-" outside a request. */
  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
