package vn.citytwin.core.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import vn.citytwin.core.error.ApiException;

/** The one chooser of the answer's language: Vietnamese ({@code vi}) or English ({@code en}). */
public final class Language {
  private Language() {}

  /**
   * For pages and documents a browser or client asks for: {@code lang=} or {@code language=} when it is exactly
   * vi or en, else English when {@code Accept-Language} starts with en, else the server's default. Never fails:
   * a page in the default language is a better answer than an error.
   */
  public static String of(HttpServerRequest request, String defaultLanguage) {
    String q = request.getParam("lang");
    if (q == null) {
      q = request.getParam("language");
    }
    if ("en".equals(q) || "vi".equals(q)) {
      return q;
    }
    String accept = request.getHeader("Accept-Language");
    if (accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")) {
      return "en";
    }
    return defaultLanguage;
  }

  /**
   * An explicit language parameter (WMS {@code LANGUAGE}): any tag starting with vi or en ({@code vi-VN},
   * {@code en_GB}), the default when absent; anything else is an error, since the client asked for it by name.
   */
  public static String parameter(String value, String defaultLanguage, String locator) {
    String l = (value == null ? defaultLanguage : value).toLowerCase(Locale.ROOT);
    if (l.startsWith("vi")) {
      return "vi";
    }
    if (l.startsWith("en")) {
      return "en";
    }
    throw ApiException.invalidParameter(locator, "language must be vi or en");
  }
}
