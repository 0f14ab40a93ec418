package vn.citytwin.core.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong ETags and conditional GET for deterministic resources (tiles, 3D tiles, maps): the tag is a hash of
 * everything the bytes depend on (layer data version, scenario version, address, parameters), so it can be
 * computed and compared before any database work.
 */
public final class HttpCaching {
  private HttpCaching() {}

  /** A strong ETag (quoted) from the parts the representation depends on. */
  public static String etag(Object... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Object p : parts) {
        md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return '"' + HexFormat.of().formatHex(md.digest(), 0, 12) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets ETag and Cache-Control; if the request's If-None-Match matches, answers 304 and returns true (the caller
   * must then do nothing more).
   */
  public static boolean notModified(RoutingContext ctx, String etag, int maxAgeSeconds) {
    return notModified(ctx, etag, "public, max-age=" + maxAgeSeconds);
  }

  /**
   * As {@link #notModified(RoutingContext, String, int)} with the given Cache-Control, e.g. {@code no-cache} for
   * answers that change whenever someone edits (the client keeps its copy but asks every time).
   */
  public static boolean notModified(RoutingContext ctx, String etag, String cacheControl) {
    ctx.response().putHeader("ETag", etag)
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", "Accept-Encoding");
    String inm = ctx.request().getHeader("If-None-Match");
    if (inm != null && matches(inm, etag)) {
      ctx.response().setStatusCode(304).end();
      return true;
    }
    return false;
  }

  /**
   * Makes a response that turned into an error uncacheable: the validators and caching headers a handler set
   * before it failed (a tile's ETag and max-age are set before the database is asked) must not travel with the
   * error, or a CDN or browser could keep the error as the tile.
   */
  public static void forgetValidators(io.vertx.core.http.HttpServerResponse response) {
    response.headers().remove("ETag");
    response.putHeader("Cache-Control", "no-store");
  }

  /** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): {@code W/} is ignored on either side. */
  static boolean matches(String ifNoneMatch, String etag) {
    String tag = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String c = opaque(candidate.trim());
      if (c.equals("*") || c.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
