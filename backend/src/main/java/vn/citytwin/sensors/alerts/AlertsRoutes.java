package vn.citytwin.sensors.alerts;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.sensors.StaTime;
import vn.citytwin.sensors.live.SensorBus;

/**
 * The alert history. {@code GET /api/alerts?open=true&acknowledged=false&level=alarm,warning&datastream=7
 * &since=…&limit=100} lists alerts newest first ({@code {"alerts":[…]}}); {@code POST /api/alerts/{id}/ack} with
 * an optional body {@code {"by":"…","note":"…"}} acknowledges one (answering the alert; a second acknowledgement
 * keeps the first) and announces it on the live channel ({@code "event":"acknowledged"}).
 */
public final class AlertsRoutes implements Mountable {
  private static final Set<String> LEVELS = Set.of("warning", "alarm", "stale");
  private static final int MAX_LIMIT = 10000;

  private final Vertx vertx;
  private final Database db;
  private final Router router;

  public AlertsRoutes(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
    router = Router.router(vertx);
    router.get("/").handler(this::list);
    router.post("/:id/ack").handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::ack);
    router.route().failureHandler(new JsonErrors());
  }

  private void list(RoutingContext ctx) {
    var q = ctx.queryParams();
    List<String> levels = new ArrayList<>();
    if (q.get("level") != null) {
      for (String l : q.get("level").split(",")) {
        if (!LEVELS.contains(l.trim())) {
          throw ApiException.invalidParameter("level", "level must be warning, alarm and/or stale");
        }
        levels.add(l.trim());
      }
    }
    Long datastream = q.get("datastream") == null ? null : number("datastream", q.get("datastream"), 1, Long.MAX_VALUE);
    Instant since = q.get("since") == null ? null : StaTime.instant(q.get("since"), "since");
    int limit = q.get("limit") == null ? 100 : (int) number("limit", q.get("limit"), 1, MAX_LIMIT);
    AlertStore.AlertQuery query = new AlertStore.AlertQuery(bool("open", q.get("open")),
        bool("acknowledged", q.get("acknowledged")), levels, datastream, since, limit);
    db.withConnection(c -> AlertStore.list(c, query)).onSuccess(alerts -> {
      JsonArray out = new JsonArray();
      alerts.forEach(a -> out.add(a.toJson(null)));
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store").end(new JsonObject().put("alerts", out).encode());
    }).onFailure(ctx::fail);
  }

  private void ack(RoutingContext ctx) {
    long id = number("id", ctx.pathParam("id"), 1, Long.MAX_VALUE);
    io.vertx.core.buffer.Buffer raw = ctx.body().buffer();
    JsonObject body = raw == null || raw.length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    if (body == null) {
      throw ApiException.invalidParameter(null, "the body must be a JSON object");
    }
    String by = text(body, "by");
    String note = text(body, "note");
    db.withConnection(c -> AlertStore.acknowledge(c, id, by, note)).onSuccess(result -> {
      if (result == null) {
        ctx.fail(ApiException.notFound("id", "No alert " + id));
        return;
      }
      JsonObject json = result.getKey().toJson(null);
      if (result.getValue()) {
        vertx.eventBus().publish(SensorBus.ALERTS, result.getKey().toJson("acknowledged"));
      }
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store").end(json.encode());
    }).onFailure(ctx::fail);
  }

  private static String text(JsonObject body, String member) {
    Object v = body.getValue(member);
    if (v != null && !(v instanceof String)) {
      throw ApiException.invalidParameter(member, member + " must be a string");
    }
    String s = (String) v;
    if (s != null && s.length() > 1000) {
      throw ApiException.invalidParameter(member, member + " must be at most 1000 characters");
    }
    return s;
  }

  private static Boolean bool(String name, String v) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.invalidParameter(name, name + " must be true or false");
    };
  }

  private static long number(String name, String v, long min, long max) {
    try {
      long n = Long.parseLong(v.trim());
      if (n < min || n > max) {
        throw ApiException.invalidParameter(name, name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name, name + " must be a whole number");
    }
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/api/alerts");
  }

  @Override
  public Router router() {
    return router;
  }
}
