package vn.citytwin.planning;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.access.AccessView;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.planning.edits.DiffService;
import vn.citytwin.planning.edits.EditRequestParser;
import vn.citytwin.planning.edits.EditService;
import vn.citytwin.planning.scenarios.ScenarioService;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Edits and diffs: {@code GET /{id}/edits} (optionally {@code ?layer=}), {@code POST /{id}/edits},
 * {@code DELETE /{id}/edits/{layer}/{featureId}} (undo), {@code GET /{id}/diff?against=<id|base>}.
 */
final class EditRoutes {
  private final EditService edits;
  private final DiffService diffs;
  private final ScenarioService scenarios;
  private final ScenarioRegistry registry;
  private final PlanningJson json;

  private final Catalog catalog;

  EditRoutes(EditService edits, DiffService diffs, ScenarioService scenarios, ScenarioRegistry registry,
             PlanningJson json, Catalog catalog) {
    this.catalog = catalog;
    this.edits = edits;
    this.diffs = diffs;
    this.scenarios = scenarios;
    this.registry = registry;
    this.json = json;
  }

  void mount(Router r) {
    r.get("/:id/edits").handler(this::list);
    r.post("/:id/edits").respond(this::apply);
    r.delete("/:id/edits/:layer/:featureId").respond(ctx -> {
      long id = PlanningParams.scenarioId(ctx);
      long featureId = PlanningParams.positiveLong(ctx.pathParam("featureId"), "featureId");
      return edits.undo(id, ctx.pathParam("layer"), featureId).compose(v -> scenarios.get(id))
          .map(s -> new JsonObject().put("scenario", json.scenario(s)));
    });
    r.get("/:id/diff").handler(this::diff);
  }

  private void list(RoutingContext ctx) {
    long id = PlanningParams.scenarioId(ctx);
    String layer = KvpParams.of(ctx.queryParams()).get("layer").orElse(null);
    VisibleLayers visible = VisibleLayers.of(catalog, AccessView.of(ctx));
    edits.list(id, layer).onSuccess(list -> geoJson(ctx, visibleOnly(json.edits(id, list), visible)))
        .onFailure(ctx::fail);
  }

  /** Edits of layers the reader may see, without the attributes hidden from it (edits store complete states). */
  private static JsonObject visibleOnly(JsonObject collection, VisibleLayers visible) {
    io.vertx.core.json.JsonArray kept = new io.vertx.core.json.JsonArray();
    for (Object o : collection.getJsonArray("features")) {
      JsonObject f = (JsonObject) o;
      var layer = visible.find(f.getString("layer"));
      if (layer.isEmpty()) {
        continue;
      }
      JsonObject props = f.getJsonObject("properties");
      if (props != null) {
        props.fieldNames().removeAll(visible.view().hiddenAttributes(layer.get().id()));
      }
      kept.add(f);
    }
    return collection.put("features", kept);
  }

  private io.vertx.core.Future<JsonObject> apply(RoutingContext ctx) {
    long id = PlanningParams.scenarioId(ctx);
    var parsed = EditRequestParser.parse(Bodies.json(ctx));
    return edits.apply(id, parsed).compose(applied -> scenarios.get(id).map(s -> json.applied(s, applied)));
  }

  private void diff(RoutingContext ctx) {
    ScenarioRef a = PlanningParams.city(registry, ctx.pathParam("id"), "id", AccessView.of(ctx));
    ScenarioRef b = PlanningParams.city(registry, KvpParams.of(ctx.queryParams()).get("against").orElse("base"),
        "against", AccessView.of(ctx));
    diffs.diff(a, b, VisibleLayers.of(catalog, AccessView.of(ctx)).all()).onSuccess(fc -> geoJson(ctx, fc)).onFailure(ctx::fail);
  }

  static void geoJson(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/geo+json; charset=utf-8")
        .putHeader("Cache-Control", "no-cache").end(body.encode());
  }
}
