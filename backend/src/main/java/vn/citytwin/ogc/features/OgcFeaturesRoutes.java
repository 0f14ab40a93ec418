package vn.citytwin.ogc.features;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks.Link;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.features.FeatureEditService;
import vn.citytwin.features.FeatureService;
import vn.citytwin.features.GeoJsonEncoder;
import vn.citytwin.ogc.OgcApiPart;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.ogc.UrlPaths;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * OGC API – Features as a part of the OGC API at {@code /ogc}: Part 1 Core with GeoJSON and HTML, Part 2 CRS by
 * reference, Part 3 filtering with CQL2 text and queryables, and (when edits are enabled) Part 4
 * create/replace/update/delete. Routes: {@code /collections/{id}/items}, {@code /items/{featureId}},
 * {@code /queryables}.
 */
public final class OgcFeaturesRoutes implements OgcApiPart {
  private static final String F1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
  private static final String F2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/";
  private static final String F3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
  private static final String F4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
  private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

  private final Catalog catalog;
  private final CityTwinConfig config;
  private final ItemsHandler items;
  private final FeatureEditsHandler edits;

  public OgcFeaturesRoutes(FeatureService features, FeatureEditService edits, Catalog catalog,
                         ScenarioRegistry scenarios, LayerStatsService stats, CityTwinConfig config) {
    this.catalog = catalog;
    this.config = config;
    this.items = new ItemsHandler(features, catalog, scenarios, config);
    this.edits = new FeatureEditsHandler(edits, catalog, config);
  }

  @Override
  public List<String> conformanceClasses() {
    List<String> c = new ArrayList<>(List.of(F1 + "core", F1 + "oas30", F1 + "html", F1 + "geojson", F2 + "crs",
        F3 + "queryables", F3 + "queryables-query-parameters", F3 + "filter", F3 + "features-filter",
        CQL2 + "cql2-text", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
        CQL2 + "case-insensitive-comparison", CQL2 + "basic-spatial-functions", CQL2 + "spatial-functions"));
    if (config.wfs().transactionsEnabled()) {
      c.addAll(List.of(F4 + "create-replace-delete", F4 + "update", F4 + "features"));
    }
    return c;
  }

  @Override
  public void addRoutes(Router r) {
    long maxBody = config.wfs().maxRequestMb() * 1024L * 1024L;
    for (HttpMethod m : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH)) {
      r.route(m, "/collections/:collectionId/items*").handler(BodyHandler.create(false).setBodyLimit(maxBody));
    }
    r.get("/collections/:collectionId/items").handler(items::items);
    r.get("/collections/:collectionId/items/:featureId").handler(items::item);
    r.get("/collections/:collectionId/queryables").handler(ctx -> {
      Layer layer = VisibleLayers.of(catalog, AccessView.of(ctx)).require(ctx.pathParam("collectionId"),
          "collectionId");
      String self = UrlPaths.collection(config.server().publicUrl(), layer.id()) + "/queryables";
      ctx.response().putHeader("Content-Type", "application/schema+json")
          .end(Queryables.of(layer, config.service().defaultLanguage(), self).encode());
    });
    r.post("/collections/:collectionId/items").handler(edits::create);
    r.put("/collections/:collectionId/items/:featureId").handler(edits::replace);
    r.patch("/collections/:collectionId/items/:featureId").handler(edits::patch);
    r.delete("/collections/:collectionId/items/:featureId").handler(edits::delete);
  }

  @Override
  public List<Link> collectionLinks(Layer layer, String baseUrl) {
    String items = UrlPaths.collection(baseUrl, layer.id()) + "/items";
    return List.of(
        new Link("items", GeoJsonEncoder.MEDIA_TYPE, "Features (GeoJSON)", items),
        new Link("items", "text/html", "Features (HTML)", items + "?f=html"),
        new Link("items", "text/csv", "Features (CSV)", items + "?f=csv"),
        new Link("http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", "Queryables",
            UrlPaths.collection(baseUrl, layer.id()) + "/queryables"));
  }

  @Override
  public void describeCollection(Layer layer, JsonObject collection) {
    collection.put("crs", new JsonArray(SupportedCrs.uris())).put("storageCrs", SupportedCrs.CRS84_URI);
  }

  @Override
  public JsonObject openApiPaths(VisibleLayers layers) {
    return FeaturesOpenApi.paths(layers.all(), config.features().defaultLimit(),
        config.features().maxLimit(), config.wfs().transactionsEnabled());
  }
}
