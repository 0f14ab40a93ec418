package vn.citytwin.planning;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.core.error.ApiException;

/** The request body as a JSON object. */
final class Bodies {
  private Bodies() {}

  /** The body object; null for an empty body; a body that is not a JSON object is an error (locator body). */
  static JsonObject json(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() <= 0) {
      return null;
    }
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw ApiException.invalidParameter("body", "The body must be a JSON object");
    }
  }
}
