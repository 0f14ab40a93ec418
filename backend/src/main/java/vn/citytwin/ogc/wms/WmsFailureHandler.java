package vn.citytwin.ogc.wms;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.RequestIds;

/**
 * The WMS error renderer, installed once on the WMS router: a ServiceExceptionReport in the request's version
 * (1.3.0 when it cannot be told), or for GetMap and GetLegendGraphic an image when EXCEPTIONS asks for INIMAGE or
 * BLANK. Client errors are answered with HTTP 200 as WMS clients (GDAL, QGIS, OpenLayers) expect, and as
 * GeoServer does; server-side failures (timeout, database down, bug) keep their 5xx status. No SQL or driver
 * text ever reaches the client: messages are the ApiException's client-safe ones.
 */
final class WmsFailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(WmsFailureHandler.class);

  private final CityTwinConfig.Wms limits;

  WmsFailureHandler(CityTwinConfig.Wms limits) {
    this.limits = limits;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiException error = JsonErrors.toApiException(ctx.failure(), ctx.statusCode());
    if (error.httpStatus() >= 500) {
      LOG.error("WMS {} failed [{}]", ctx.request().uri(), RequestIds.of(ctx),
          error.getCause() != null ? error.getCause() : error);
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    KvpParams p = KvpParams.of(ctx.request().params());
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
