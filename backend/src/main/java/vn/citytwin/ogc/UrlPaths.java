package vn.citytwin.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of catalog names in URL paths: a layer id may hold spaces or non-ASCII letters
 * ({@code Khu vực 1}), and clients copy hrefs verbatim into request lines.
 */
public final class UrlPaths {
  private UrlPaths() {}

  /** {@code name} as one path segment ({@code Khu%20v%E1%BB%B1c%201}); plain ids are unchanged. */
  public static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code <base>/ogc/collections/<encoded id>}. */
  public static String collection(String base, String layerId) {
    return base + "/ogc/collections/" + segment(layerId);
  }
}
