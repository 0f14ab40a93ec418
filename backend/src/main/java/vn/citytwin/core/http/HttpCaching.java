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
    ctx.response().putHeader("ETag", etag)
        .putHeader("Cache-Control", "public, max-age=" + maxAgeSeconds)
        .putHeader("Vary", "Accept-Encoding");
    String inm = ctx.request().getHeader("If-None-Match");
    if (inm != null && matches(inm, etag)) {
      ctx.response().setStatusCode(304).end();
      return true;
    }
    return false;
  }

  static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
