package vn.citytwin.ogc.wfs;

import io.vertx.ext.web.RoutingContext;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.ogc.OwsExceptionReport;
import vn.citytwin.ogc.XmlText;

/**
 * The WFS 1.0.0 error document: an OGC {@code ServiceExceptionReport} version 1.2.0 (wfs/1.0.0/OGC-exception.xsd)
 * with the OWS exception code and locator of an {@link ApiException}, and the HTTP status of
 * {@link OwsExceptionReport#status}. Causes, SQL and driver text never appear.
 */
final class ServiceExceptionReport10 {
  private static final String NAMESPACE = "http://www.opengis.net/ogc";

  private ServiceExceptionReport10() {}

  static String render(ApiException e) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServiceExceptionReport version=\"1.2.0\" xmlns=\"")
        .append(NAMESPACE).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
        .append(NAMESPACE).append(" http://schemas.opengis.net/wfs/1.0.0/OGC-exception.xsd\">\n")
        .append("  <ServiceException code=\"").append(OwsExceptionReport.code(e)).append('"');
    if (e.locator() != null) {
      sb.append(" locator=\"");
      XmlText.attr(sb, e.locator());
      sb.append('"');
    }
    sb.append('>');
    XmlText.text(sb, e.getMessage() == null ? OwsExceptionReport.code(e) : e.getMessage());
    sb.append("</ServiceException>\n</ServiceExceptionReport>\n");
    return sb.toString();
  }

  /** Answers with the report (the head must not be written yet). */
  static void send(RoutingContext ctx, ApiException e) {
    ctx.response().setStatusCode(OwsExceptionReport.status(e))
        .putHeader("Content-Type", "application/xml; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(render(e));
  }
}
