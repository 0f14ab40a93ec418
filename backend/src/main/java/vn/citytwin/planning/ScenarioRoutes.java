package vn.citytwin.planning;

import java.util.List;
import java.util.ArrayList;
import vn.citytwin.access.Role;
import vn.citytwin.access.Principal;
import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.planning.scenarios.Scenario;
import vn.citytwin.planning.scenarios.ScenarioQuery;
import vn.citytwin.planning.scenarios.ScenarioService;
import vn.citytwin.planning.scenarios.ScenarioStatus;

/**
 * Scenario CRUD: {@code GET /} (list: limit, offset, status, parent), {@code POST /} (create),
 * {@code GET|PUT|PATCH|DELETE /{id}}, {@code POST /{id}/duplicate}.
 */
final class ScenarioRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final ScenarioService service;
  private final PlanningJson json;

  ScenarioRoutes(ScenarioService service, PlanningJson json) {
    this.service = service;
    this.json = json;
  }

  void mount(Router r) {
    r.get("/").respond(this::list);
    r.post("/").handler(this::create);
    r.get("/:id").respond(ctx -> service.get(PlanningParams.scenarioId(ctx)).map(json::scenario));
    r.put("/:id").respond(ctx -> update(ctx, true));
    r.patch("/:id").respond(ctx -> update(ctx, false));
    r.delete("/:id").handler(this::delete);
    r.post("/:id/duplicate").handler(this::duplicate);
    r.put("/:id/visibility").handler(this::share);
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    KvpParams p = KvpParams.of(ctx.queryParams());
    int limit = p.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    int offset = p.integer("offset", 0, Integer.MAX_VALUE).orElse(0);
    ScenarioStatus status = p.get("status").map(s -> ScenarioStatus.parse(s, "status")).orElse(null);
    Long parent = null;
    boolean baseOnly = false;
    if (p.has("parent")) {
      String raw = p.require("parent");
      if (raw.equalsIgnoreCase("base")) {
        baseOnly = true;
      } else {
        parent = PlanningParams.positiveLong(raw, "parent");
      }
    }
    Principal reader = AccessView.of(ctx).principal();
    return service.list(new ScenarioQuery(status, parent, baseOnly, limit, offset, reader.userId(),
        reader.may(Role.ADMIN))).map(json::page);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    if (body == null) {
      throw ApiException.invalidParameter("body", "A scenario needs at least a name");
    }
    created(ctx, service.create(ScenarioBody.parse(body), AccessView.of(ctx)));
  }

  private Future<JsonObject> update(RoutingContext ctx, boolean replace) {
    long id = PlanningParams.scenarioId(ctx);
    JsonObject body = Bodies.json(ctx);
    if (body == null) {
      throw ApiException.invalidParameter("body", "Nothing to update");
    }
    return service.update(id, ScenarioBody.parse(body), replace).map(json::scenario);
  }

  private void delete(RoutingContext ctx) {
    service.delete(PlanningParams.scenarioId(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void duplicate(RoutingContext ctx) {
    long id = PlanningParams.scenarioId(ctx);
    created(ctx, service.duplicate(id, ScenarioBody.parse(Bodies.json(ctx)), AccessView.of(ctx)));
  }

  /**
   * {@code PUT /:id/visibility} with {@code {"visibility": "private"|"shared"|"published", "users": [names]}}:
   * who may read the scenario (its author or an admin decides; {@link PlanningRoutes} checked that).
   */
  private void share(RoutingContext ctx) {
    long id = PlanningParams.scenarioId(ctx);
    JsonObject body = Bodies.json(ctx);
    String visibility = body == null ? null : body.getValue("visibility") instanceof String s ? s : null;
    if (visibility == null || !List.of("private", "shared", "published").contains(visibility)) {
      throw ApiException.invalidParameter("visibility", "visibility must be private, shared or published");
    }
    List<String> users = new ArrayList<>();
    Object list = body.getValue("users");
    if (list instanceof io.vertx.core.json.JsonArray a) {
      for (Object o : a) {
        if (!(o instanceof String name) || name.isBlank()) {
          throw ApiException.invalidParameter("users", "users must be an array of user names");
        }
        users.add(name);
      }
    } else if (list != null) {
      throw ApiException.invalidParameter("users", "users must be an array of user names");
    }
    if (!visibility.equals("shared") && !users.isEmpty()) {
      throw ApiException.invalidParameter("users", "users are given only with visibility shared");
    }
    service.share(id, visibility, users).compose(v -> service.get(id)).onSuccess(s -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(json.scenario(s).put("users", new io.vertx.core.json.JsonArray(users))
            .encode())).onFailure(ctx::fail);
  }

  private void created(RoutingContext ctx, Future<Scenario> future) {
    future.onSuccess(s -> ctx.response().setStatusCode(201)
            .putHeader("Location", json.scenarioUrl(s.id()))
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .end(json.scenario(s).encode()))
        .onFailure(ctx::fail);
  }
}
