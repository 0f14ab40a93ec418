package vn.citytwin.planning.simulation;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.JsonErrors;

/**
 * The simulations REST API, as a router for paths relative to {@code /api/scenarios/:id/simulations} (the
 * scenarios router mounts it there with {@code subRouter}; {@code :id} is a scenario id or {@code base}):
 * <ul>
 *   <li>{@code POST /:kind} (flood | shadow | accessibility), JSON parameters in the body: 202 with the new or
 *       identical in-flight run and a Location header, or 200 with the finished run from the cache;</li>
 *   <li>{@code GET /:run}: status, percent done and, when done, the result;</li>
 *   <li>{@code DELETE /:run}: cancels a queued or running run (200 with the run; 409 when it has finished);</li>
 *   <li>{@code GET /:run/result.geojson[?layer=…]}: the result geometries as a GeoJSON FeatureCollection.</li>
 * </ul>
 * Errors are the JSON error document with a locator (the parameter's name).
 */
public final class SimulationRoutes {
  private static final Set<String> RESULT_LAYERS = Set.of("flood_extent", "shadow", "sun_point", "study_area",
      "isochrone", "facility");

  private final Router router;
  private final SimulationService service;
  private final String baseUrl;

  /** @param baseUrl the public base URL for links, without trailing slash (empty for relative links) */
  public SimulationRoutes(Vertx vertx, SimulationService service, String baseUrl) {
    this.service = service;
    this.baseUrl = baseUrl;
    this.router = Router.router(vertx);
    router.post("/:kind").handler(BodyHandler.create().setBodyLimit(1 << 20)).handler(this::submit);
    router.get("/:run/result.geojson").handler(this::resultGeoJson);
    router.get("/:run").handler(this::get);
    router.delete("/:run").handler(this::cancel);
    router.route().failureHandler(new JsonErrors());
  }

  public Router router() {
    return router;
  }

  private static String scenario(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null) {
      throw ApiException.missingParameter("id");
    }
    return id;
  }

  private void submit(RoutingContext ctx) {
    SimulationKind kind = SimulationKind.parse(ctx.pathParam("kind"));
    JsonObject body = body(ctx);
    service.submit(scenario(ctx), kind, body).onSuccess(s -> {
      JsonObject json = s.run().toJson(baseUrl);
      json.put("cached", s.cached());
      ctx.response()
          .setStatusCode(s.run().status() == RunStatus.DONE ? 200 : 202)
          .putHeader("Location", json.getJsonArray("links").getJsonObject(0).getString("href"))
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(json.encode());
    }).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    service.get(scenario(ctx), ctx.pathParam("run")).onSuccess(v -> json(ctx, v.toJson(baseUrl)))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    service.cancel(scenario(ctx), ctx.pathParam("run")).onSuccess(v -> json(ctx, v.toJson(baseUrl)))
        .onFailure(ctx::fail);
  }

  private void resultGeoJson(RoutingContext ctx) {
    String layer = ctx.queryParams().get("layer");
    if (layer != null && !RESULT_LAYERS.contains(layer)) {
      throw ApiException.invalidParameter("layer", "layer must be one of " + String.join(", ",
          new java.util.TreeSet<>(RESULT_LAYERS)));
    }
    service.resultGeoJson(scenario(ctx), ctx.pathParam("run"), layer).onSuccess(text -> ctx.response()
        .putHeader("Content-Type", "application/geo+json; charset=utf-8")
        // A finished run never changes: its id names one immutable result.
        .putHeader("Cache-Control", "public, max-age=86400, immutable")
        .end(text)).onFailure(ctx::fail);
  }

  private static void json(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(json.encode());
  }

  /** The request body as a JSON object; no body is an empty object. */
  private static JsonObject body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (parsed instanceof JsonObject o) {
        return o;
      }
    } catch (DecodeException e) {
      throw ApiException.invalidParameter("body", "The request body is not valid JSON");
    }
    throw ApiException.invalidParameter("body", "The request body must be a JSON object of parameters");
  }
}
