package vn.citytwin.ogc;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * The OWS Common exception report ({@code ows:ExceptionReport}) of WFS 2.0 (OWS 1.1) and WFS 1.1.0 (OWS 1.0),
 * with the exception code, the locator and the message of an {@link ApiException}, and the HTTP status OWS Common
 * 2.0 assigns to the code. Causes, SQL and driver text never appear.
 */
public final class OwsExceptionReport {
  /** Exception codes of OWS Common and WFS 2.0(.2); any other code is mapped from the error kind. */
  private static final Set<String> OWS_CODES = Set.of("OperationNotSupported", "MissingParameterValue",
      "InvalidParameterValue", "VersionNegotiationFailed", "InvalidUpdateSequence", "OptionNotSupported",
      "NoApplicableCode", "OperationParsingFailed", "OperationProcessingFailed", "NotFound", "InvalidValue",
      "DuplicateStoredQueryIdValue", "DuplicateStoredQueryParameterName", "CannotLockAllFeatures",
      "FeaturesNotLocked", "InvalidLockId", "LockHasExpired", "ResponseCacheExpired");

  /** The OWS Common version of the report. */
  public enum Flavour {
    OWS_1_1("http://www.opengis.net/ows/1.1", "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"),
    OWS_1_0("http://www.opengis.net/ows", "http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd");

    private final String namespace;
    private final String schemaLocation;

    Flavour(String namespace, String schemaLocation) {
      this.namespace = namespace;
      this.schemaLocation = schemaLocation;
    }

    public String namespace() {
      return namespace;
    }
  }

  private OwsExceptionReport() {}

  /** The exception code written for {@code e}: its own when it is an OWS/WFS code, else one for its kind. */
  public static String code(ApiException e) {
    if (OWS_CODES.contains(e.code())) {
      return e.code();
    }
    return switch (e.kind()) {
      case NOT_FOUND -> "NotFound";
      case INVALID_PARAMETER -> "InvalidParameterValue";
      case MISSING_PARAMETER -> "MissingParameterValue";
      case OPERATION_NOT_SUPPORTED -> "OperationNotSupported";
      case INTERNAL -> "NoApplicableCode";
      default -> "OperationProcessingFailed";
    };
  }

  /** HTTP status: 501 for an operation or option not implemented, else the kind's status. */
  public static int status(ApiException e) {
    String code = code(e);
    if (code.equals("OptionNotSupported")
        || code.equals("OperationNotSupported") && e.kind() == ErrorKind.OPERATION_NOT_SUPPORTED) {
      return 501;
    }
    return e.httpStatus();
  }

  /**
   * The report document.
   *
   * @param version the report's version attribute ({@code 2.0.0} for WFS 2.0, {@code 1.1.0} for WFS 1.1.0)
   */
  public static String render(ApiException e, Flavour flavour, String version) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ows:ExceptionReport xmlns:ows=\"")
        .append(flavour.namespace).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"").append(flavour.namespace).append(' ').append(flavour.schemaLocation)
        .append("\" version=\"").append(version)
        .append(flavour == Flavour.OWS_1_1 ? "\" xml:lang=\"en\"" : "\" language=\"en\"")
        .append(">\n  <ows:Exception exceptionCode=\"")
        .append(code(e)).append('"');
    if (e.locator() != null) {
      sb.append(" locator=\"");
      XmlText.attr(sb, e.locator());
      sb.append('"');
    }
    sb.append(">\n    <ows:ExceptionText>");
    XmlText.text(sb, e.getMessage() == null ? code(e) : e.getMessage());
    sb.append("</ows:ExceptionText>\n  </ows:Exception>\n</ows:ExceptionReport>\n");
    return sb.toString();
  }

  /** Answers with the report (the head must not be written yet). */
  public static void send(RoutingContext ctx, ApiException e, Flavour flavour, String version) {
    ctx.response().setStatusCode(status(e))
        .putHeader("Content-Type", "application/xml; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(render(e, flavour, version));
  }
}
