package vn.citytwin.sensors.sta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import vn.citytwin.sensors.sta.query.EntityType;

/** The URLs of the API: entity self links, navigation links and next-page links, below one base. */
final class StaLinks {
  private final String base;

  /** @param base e.g. {@code http://127.0.0.1:8080/sta/v1.1}, no trailing slash */
  StaLinks(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  String self(EntityType type, long id) {
    return base + "/" + type.plural() + "(" + id + ")";
  }

  String set(EntityType type) {
    return base + "/" + type.plural();
  }

  /**
   * The same resource with the options changed: {@code path} is below the base ({@code /Things(1)/Datastreams});
   * values are percent-encoded (space as %20, so {@code +} in offsets survives).
   */
  String withOptions(String path, Map<String, String> options) {
    StringJoiner q = new StringJoiner("&");
    for (Map.Entry<String, String> e : options.entrySet()) {
      q.add(encode(e.getKey()) + "=" + encode(e.getValue()));
    }
    return base + path + (options.isEmpty() ? "" : "?" + q);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$")
        .replace("%28", "(").replace("%29", ")").replace("%2C", ",").replace("%2F", "/").replace("%27", "'")
        .replace("%3B", ";");
  }
}
