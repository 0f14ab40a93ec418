package vn.citytwin.ogc.wms;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.RequestIds;

/**
 * The WMS error renderer: a ServiceExceptionReport in the request's version
 * (1.3.0 when it cannot be told), or for GetMap and GetLegendGraphic an image when EXCEPTIONS asks for INIMAGE or
 * BLANK. Client errors are answered with HTTP 200 as WMS clients (GDAL, QGIS, OpenLayers) expect, and as
 * GeoServer does; server-side failures (timeout, database down, bug) keep their 5xx status. No SQL or driver
 * text ever reaches the client: messages are the ApiException's client-safe ones.
 */
final class WmsExceptionReports {
  private static final Logger LOG = LoggerFactory.getLogger(WmsExceptionReports.class);

  private WmsExceptionReports() {}

  /**
   * Answers {@code error} for the request {@code p} (read leniently: the error may be about any parameter).
   * The response head must not be written yet.
   */
  static void send(RoutingContext ctx, ApiException error, KvpParams p, CityTwinConfig.Wms limits) {
    if (error.httpStatus() >= 500) {
      LOG.error("WMS {} failed [{}]", ctx.request().uri(), RequestIds.of(ctx),
          error.getCause() != null ? error.getCause() : error);
    }
    String request = p.get("REQUEST").orElse("").toLowerCase(Locale.ROOT);
    WmsVersion version = request.contains("capabilities")
        ? WmsVersion.negotiate(p.get("VERSION").or(() -> p.get("WMTVER")).orElse(null))
        : WmsVersion.exact(p.get("VERSION").or(() -> p.get("WMTVER")).orElse(null)).orElse(WmsVersion.V1_3_0);
    String code = WmsErrors.codeOf(error, version);
    int status = error.httpStatus() >= 500 ? error.httpStatus() : 200;
    ExceptionFormat format = ExceptionFormat.of(p.get("EXCEPTIONS").orElse(null));
    boolean imageRequest = request.equals("getmap") || request.equals("map") || request.equals("getlegendgraphic");
    ctx.response().putHeader("Cache-Control", "no-store");
    if (imageRequest && format != ExceptionFormat.XML) {
      MapImage img = ExceptionImages.render(p, format, error.getMessage(), limits);
      ctx.response().setStatusCode(status).putHeader("Content-Type", img.contentType())
          .putHeader("X-WMS-Exception-Code", code).end(Buffer.buffer(img.bytes()));
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", ServiceExceptionWriter.contentType(version))
        .end(ServiceExceptionWriter.write(version, code, error.locator(), error.getMessage()));
  }
}
