package vn.citytwin.api;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.catalog.LayerStats;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;

/**
 * {@code GET /api/layers} and {@code GET /api/layers/{id}}: the catalog as JSON, with each layer's extent, fields,
 * feature count, styles and links to every endpoint that serves it.
 */
public final class LayersRoutes implements Mountable {
  private final Router router;
  private final Catalog catalog;
  private final LayerStatsService stats;
  private final List<LayerLinks> linkProviders;
  private final String baseUrl;

  public LayersRoutes(Vertx vertx, Catalog catalog, LayerStatsService stats, List<LayerLinks> linkProviders,
                   String baseUrl) {
    this.catalog = catalog;
    this.stats = stats;
    this.linkProviders = List.copyOf(linkProviders);
    this.baseUrl = baseUrl;
    this.router = Router.router(vertx);
    router.get("/layers").respond(this::list);
    router.get("/layers/:id").respond(this::one);
    router.route().failureHandler(new JsonErrors());
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/api");
  }

  @Override
  public Router router() {
    return router;
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    List<Layer> layers = VisibleLayers.of(catalog, AccessView.of(ctx)).all();
    List<Future<JsonObject>> items = new ArrayList<>();
    for (Layer layer : layers) {
      items.add(stats.stats(layer).map(s -> describe(layer, s)));
    }
    return Future.all(items).map(all -> {
      JsonArray array = new JsonArray();
      items.forEach(f -> array.add(f.result()));
      return new JsonObject().put("layers", array)
          .put("links", new JsonArray().add(LayerLinks.link("self", "application/json", "Layers", baseUrl + "/api/layers")));
    });
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    Layer layer = VisibleLayers.of(catalog, AccessView.of(ctx)).require(ctx.pathParam("id"), "id");
    return stats.stats(layer).map(s -> describe(layer, s));
  }

  private JsonObject describe(Layer layer, LayerStats s) {
    var meta = layer.meta();
    JsonArray fields = new JsonArray();
    List<String> queryable = layer.queryableFields().stream().map(Field::name).toList();
    List<String> tileFields = layer.tileFields().stream().map(Field::name).toList();
    for (Field f : layer.fields()) {
      fields.add(new JsonObject().put("name", f.name()).put("type", f.type().jsonType()).put("pgType", f.pgType())
          .put("nullable", f.nullable()).put("queryable", queryable.contains(f.name()))
          .put("inTiles", tileFields.contains(f.name())));
    }
    JsonArray links = new JsonArray()
        .add(LayerLinks.link("self", "application/json", "This layer", baseUrl + "/api/layers/" + layer.id()));
    for (LayerLinks provider : linkProviders) {
      for (LayerLinks.Link l : provider.linksFor(layer, baseUrl)) {
        links.add(l.toJson());
      }
    }
    JsonObject json = new JsonObject()
        .put("id", layer.id())
        .put("title", new JsonObject().put("vi", meta.title("vi")).put("en", meta.title("en")))
        .put("abstract", new JsonObject().put("vi", meta.abstractText("vi")).put("en", meta.abstractText("en")))
        .put("geometryType", layer.geometryKind().ogcName())
        .put("crs", "EPSG:4326")
        .put("bbox", s.bbox() == null ? null : new JsonArray().add(s.bbox()[0]).add(s.bbox()[1]).add(s.bbox()[2])
            .add(s.bbox()[3]))
        .put("featureCount", s.featureCount())
        .put("fields", fields)
        .put("idField", layer.idColumn())
        .put("defaultStyle", meta.defaultStyle())
        .put("styles", new JsonArray().add(meta.defaultStyle()))
        .put("minZoom", meta.minZoom())
        .put("maxZoom", meta.maxZoom())
        .put("attribution", meta.attribution())
        .put("group", meta.group())
        .put("timeField", layer.isTimeEnabled() ? meta.timeColumn() : null)
        .put("heightField", layer.isExtrudable() ? meta.heightColumn() : null)
        .put("editable", meta.editable())
        .put("synthetic", meta.synthetic())
        .put("dataVersion", s.dataVersion())
        .put("links", links);
    return json;
  }

}
