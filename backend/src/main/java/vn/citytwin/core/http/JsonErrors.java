package vn.citytwin.core.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * Renders any failure as the JSON error of OGC API and of our own REST API:
 * {@code {"code","description","locator","status","requestId"}} with the matching HTTP status. Unexpected
 * exceptions become a 500 with a generic message; their detail goes to the log only.
 */
public final class JsonErrors implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);

  @Override
  public void handle(RoutingContext ctx) {
    ApiException error = toApiException(ctx.failure(), ctx.statusCode());
    if (error.httpStatus() >= 500) {
      LOG.error("{} {} failed [{}]", ctx.request().method(), ctx.request().path(), RequestIds.of(ctx),
          error.getCause() != null ? error.getCause() : error);
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject body = new JsonObject()
        .put("code", error.code())
        .put("description", error.getMessage())
        .put("status", error.httpStatus())
        .put("requestId", RequestIds.of(ctx));
    if (error.locator() != null) {
      body.put("locator", error.locator());
    }
    HttpCaching.forgetValidators(ctx.response());
    ctx.response().setStatusCode(error.httpStatus())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /**
   * Any failure as an ApiException: ours pass through; Vert.x routing statuses (404, 405, 413, 415…) get a
   * matching kind; anything else is internal.
   */
  public static ApiException toApiException(Throwable failure, int statusCode) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure != null) {
      if (failure instanceof IllegalArgumentException || failure instanceof io.vertx.core.json.DecodeException) {
        return new ApiException(ErrorKind.INVALID_PARAMETER, null, null, "Malformed request: "
            + safe(failure.getMessage()), failure);
      }
      return ApiException.internal("Internal error", failure);
    }
    return switch (statusCode) {
      case 404 -> ApiException.notFound(null, "No such resource");
      case 405 -> ApiException.notSupported(null, "Method not allowed on this resource");
      case 413 -> new ApiException(ErrorKind.TOO_LARGE, null, null, "Request body too large", null);
      case 415 -> ApiException.invalidParameter("Content-Type", "Unsupported content type");
      case 400 -> ApiException.invalidParameter(null, "Bad request");
      case 401 -> new ApiException(ErrorKind.UNAUTHORIZED, null, null, "Authentication required", null);
      case 403 -> ApiException.forbidden("Not allowed");
      default -> ApiException.internal("Internal error", null);
    };
  }

  private static String safe(String message) {
    if (message == null) {
      return "invalid input";
    }
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }
}
