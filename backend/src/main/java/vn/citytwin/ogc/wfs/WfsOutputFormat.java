package vn.citytwin.ogc.wfs;

import java.util.List;
import java.util.Locale;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.features.CsvEncoder;

/** The GetFeature output formats and the names clients use for them. */
enum WfsOutputFormat {
  GML32(GmlVersion.GML32.mimeType(), List.of("application/gml+xml;version=3.2", "text/xml;subtype=gml/3.2",
      "text/xml;subtype=gml/3.2.1", "application/gml+xml;version=3.2.1", "gml32", "gml3.2")),
  GML31(GmlVersion.GML31.mimeType(), List.of("text/xml;subtype=gml/3.1.1", "application/gml+xml;version=3.1",
      "gml3", "gml31", "gml3.1", "gml3.1.1")),
  GML2(GmlVersion.GML2.mimeType(), List.of("text/xml;subtype=gml/2.1.2", "gml2", "gml2.1.2")),
  JSON("application/json", List.of("application/json", "application/geo+json", "application/vnd.geo+json", "json",
      "geojson")),
  CSV(CsvEncoder.MEDIA_TYPE, List.of("text/csv", "csv"));

  private final String mimeType;
  private final List<String> names;

  WfsOutputFormat(String mimeType, List<String> names) {
    this.mimeType = mimeType;
    this.names = names;
  }

  /** The name advertised in capabilities and used as Content-Type. */
  String mimeType() {
    return mimeType;
  }

  GmlVersion gml() {
    return switch (this) {
      case GML32 -> GmlVersion.GML32;
      case GML31 -> GmlVersion.GML31;
      case GML2 -> GmlVersion.GML2;
      default -> null;
    };
  }

  /** Formats advertised for a version, its default first. */
  static List<WfsOutputFormat> offered(WfsVersion v) {
    return switch (v) {
      case V2_0_0 -> List.of(GML32, GML31, GML2, JSON, CSV);
      case V1_1_0 -> List.of(GML31, GML2, GML32, JSON, CSV);
      case V1_0_0 -> List.of(GML2, GML31, GML32, JSON, CSV);
    };
  }

  /** The format a request names; null or {@code text/xml} means the version's default GML. */
  static WfsOutputFormat parse(String name, WfsVersion v) {
    WfsOutputFormat dflt = offered(v).get(0);
    if (name == null || name.isBlank()) {
      return dflt;
    }
    String n = name.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    if (n.equals("text/xml") || n.equals("application/xml") || n.equals("application/gml+xml")) {
      return dflt;
    }
    for (WfsOutputFormat f : values()) {
      if (f.names.contains(n)) {
        return f;
      }
    }
    throw ApiException.invalidParameter("outputFormat", "Output format '" + ErrorText.abbreviate(name)
        + "' is not offered; use one of " + String.join(", ", offered(v).stream().map(f -> f.mimeType).toList()));
  }
}
