package vn.citytwin.ogc.wms;

import java.util.List;
import java.util.Locale;

/**
 * How errors are reported (EXCEPTIONS parameter): a ServiceExceptionReport document, the message drawn into an
 * image of the requested size and format, or a blank image. Images are used for GetMap and GetLegendGraphic
 * only.
 */
public enum ExceptionFormat {
  XML,
  INIMAGE,
  BLANK;

  /** The EXCEPTIONS values a capabilities document of that version lists. */
  public static List<String> advertised(WmsVersion v) {
    return v == WmsVersion.V1_3_0 ? List.of("XML", "INIMAGE", "BLANK")
        : List.of("application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank");
  }

  /** Both versions' spellings are accepted; anything else (or nothing) is XML. */
  public static ExceptionFormat of(String value) {
    if (value == null) {
      return XML;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "inimage", "application/vnd.ogc.se_inimage" -> INIMAGE;
      case "blank", "application/vnd.ogc.se_blank" -> BLANK;
      default -> XML;
    };
  }
}
