package vn.citytwin.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.http.Mountable;

/**
 * Liveness and readiness for load balancers and orchestrators. Readiness asks the database each time (a cheap
 * {@code SELECT 1} through the pool), so it turns 503 while the database is unreachable and back to 200 on its own
 * once it returns: the pool reconnects, no restart needed.
 */
final class HealthRoutes implements Mountable {
  private final Router router;
  private final Database db;

  HealthRoutes(Vertx vertx, Database db) {
    this.db = db;
    router = Router.router(vertx);
    router.get("/live").handler(ctx -> send(ctx, 200, "UP"));
    router.get("/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    db.ping().onComplete(ar -> {
      boolean up = ar.succeeded() && Boolean.TRUE.equals(ar.result());
      send(ctx, up ? 200 : 503, up ? "UP" : "DOWN");
    });
  }

  private static void send(RoutingContext ctx, int status, String state) {
    JsonObject body = new JsonObject().put("status", state);
    if (status != 200) {
      body.put("database", "unreachable");
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/health");
  }

  @Override
  public Router router() {
    return router;
  }
}
