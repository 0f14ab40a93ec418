package vn.citytwin.sensors.sta;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.RequestIds;

/**
 * Renders failures as SensorThings clients expect them (FROST-Server's form):
 * {@code {"code": <http status>, "type": "error", "message": "..."}}, plus our locator and request id.
 */
final class StaErrors implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(StaErrors.class);

  @Override
  public void handle(RoutingContext ctx) {
    ApiException e = JsonErrors.toApiException(ctx.failure(), ctx.statusCode());
    if (e.httpStatus() >= 500) {
      LOG.error("{} {} failed [{}]", ctx.request().method(), ctx.request().path(), RequestIds.of(ctx),
          e.getCause() != null ? e.getCause() : e);
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject body = new JsonObject().put("code", e.httpStatus()).put("type", "error")
        .put("message", e.getMessage()).put("requestId", RequestIds.of(ctx));
    if (e.locator() != null) {
      body.put("locator", e.locator());
    }
    ctx.response().setStatusCode(e.httpStatus()).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
