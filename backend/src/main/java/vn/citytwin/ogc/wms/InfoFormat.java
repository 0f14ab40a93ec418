package vn.citytwin.ogc.wms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** GetFeatureInfo output formats. */
public enum InfoFormat {
  JSON("application/json", "application/json; charset=utf-8"),
  HTML("text/html", "text/html; charset=utf-8"),
  TEXT("text/plain", "text/plain; charset=utf-8"),
  GML("application/vnd.ogc.gml", "application/vnd.ogc.gml; charset=utf-8");

  private final String mime;
  private final String contentType;

  InfoFormat(String mime, String contentType) {
    this.mime = mime;
    this.contentType = contentType;
  }

  public String mime() {
    return mime;
  }

  public String contentType() {
    return contentType;
  }

  public static List<String> advertised() {
    return List.of(TEXT.mime, HTML.mime, JSON.mime, GML.mime);
  }

  /** Reads INFO_FORMAT ({@code application/geo+json} and {@code text/xml} variants accepted too). */
  public static Optional<InfoFormat> lookup(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    int semi = v.indexOf(';');
    if (semi >= 0) {
      v = v.substring(0, semi).trim();
    }
    return switch (v) {
      case "application/json", "application/geo+json", "json" -> Optional.of(JSON);
      case "text/html", "html" -> Optional.of(HTML);
      case "text/plain", "text" -> Optional.of(TEXT);
      case "application/vnd.ogc.gml", "gml", "text/xml", "application/gml+xml" -> Optional.of(GML);
      default -> Optional.empty();
    };
  }
}
