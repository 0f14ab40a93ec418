package vn.citytwin.tiles;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.stream.Collectors;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.catalog.LayerStats;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;

/**
 * XYZ vector tiles and TileJSON, as web map libraries expect them:
 * {@code /tiles/{layer[,layer…]}/{z}/{x}/{y}.mvt} (also {@code .pbf}) and {@code /tiles/{layer[,layer…]}.json}.
 */
public final class TilesRoutes implements Mountable, LayerLinks {
  private final Router router;
  private final TileService tiles;
  private final TileRequests requests;
  private final LayerStatsService stats;
  private final CityTwinConfig config;

  public TilesRoutes(Vertx vertx, TileService tiles, TileRequests requests, LayerStatsService stats,
                  CityTwinConfig config) {
    this.tiles = tiles;
    this.requests = requests;
    this.stats = stats;
    this.config = config;
    router = Router.router(vertx);
    router.getWithRegex("/(?<layers>[^/]+)/(?<z>[^/]+)/(?<x>[^/]+)/(?<y>[^/.]+)\\.(mvt|pbf)").handler(this::tile);
    router.getWithRegex("/(?<layers>[^/]+)\\.json").handler(this::tileJson);
    router.route().failureHandler(new JsonErrors());
  }

  /** Builds the XYZ API and its request parser over the shared services. */
  public static TilesRoutes create(Vertx vertx, TileService tiles, vn.citytwin.catalog.Catalog catalog,
                                vn.citytwin.scenario.ScenarioRegistry scenarios, LayerStatsService stats,
                                CityTwinConfig config) {
    return new TilesRoutes(vertx, tiles, new TileRequests(catalog, scenarios), stats, config);
  }

  TileRequests requests() {
    return requests;
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/tiles");
  }

  @Override
  public Router router() {
    return router;
  }

  private void tile(RoutingContext ctx) {
    List<Layer> layers = requests.layers(ctx.pathParam("layers"), ctx);
    TileAddress address = TileAddress.parse(ctx.pathParam("z"), ctx.pathParam("x"), ctx.pathParam("y"));
    TileRequest r = requests.parse(ctx, layers, address);
    String etag = tiles.etag(r);
    if (TileResponses.notModified(ctx, etag, config.tiles())) {
      return;
    }
    tiles.tile(r, etag).onSuccess(t -> TileResponses.send(ctx, t, config.tiles())).onFailure(ctx::fail);
  }

  private void tileJson(RoutingContext ctx) {
    String ids = ctx.pathParam("layers");
    List<Layer> layers = requests.layers(ids, ctx);
    String query = ctx.request().query();
    String suffix = query == null || query.isEmpty() ? "" : "?" + query;
    // Validate the same optional parameters the tiles will get, so a bad filter fails here, not per tile.
    requests.parse(ctx, layers, new TileAddress(0, 0, 0));
    var futures = layers.stream().map(stats::stats).toList();
    io.vertx.core.Future.all(futures).onSuccess(all -> {
      double[] bounds = null;
      JsonArray vectorLayers = new JsonArray();
      int minZoom = 24;
      int maxZoom = 0;
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        LayerStats s = futures.get(i).result();
        bounds = union(bounds, s.bbox());
        minZoom = Math.min(minZoom, l.meta().minZoom());
        maxZoom = Math.max(maxZoom, l.meta().maxZoom());
        JsonObject fields = new JsonObject();
        for (Field f : l.tileFields()) {
          fields.put(f.name(), tileJsonType(f));
        }
        vectorLayers.add(new JsonObject().put("id", l.id()).put("description", l.meta().title("en"))
            .put("minzoom", l.meta().minZoom()).put("maxzoom", l.meta().maxZoom()).put("fields", fields));
      }
      if (bounds == null) {
        bounds = new double[] {-180, -85.0511, 180, 85.0511};
      }
      String base = config.server().publicUrl();
      int centerZoom = Math.max(minZoom, Math.min(maxZoom, 13));
      JsonObject tj = new JsonObject()
          .put("tilejson", "3.0.0")
          .put("name", layers.stream().map(l -> l.meta().title("vi")).collect(Collectors.joining(", ")))
          .put("tiles", new JsonArray().add(base + "/tiles/" + ids + "/{z}/{x}/{y}.mvt" + suffix))
          .put("minzoom", minZoom)
          .put("maxzoom", maxZoom)
          .put("bounds", new JsonArray().add(bounds[0]).add(bounds[1]).add(bounds[2]).add(bounds[3]))
          .put("center", new JsonArray().add((bounds[0] + bounds[2]) / 2).add((bounds[1] + bounds[3]) / 2)
              .add(centerZoom))
          .put("scheme", "xyz")
          .put("vector_layers", vectorLayers);
      String attribution = layers.stream().map(l -> l.meta().attribution()).filter(a -> a != null).distinct()
          .collect(Collectors.joining("; "));
      if (!attribution.isEmpty()) {
        tj.put("attribution", attribution);
      }
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "public, max-age=60").end(tj.encode());
    }).onFailure(ctx::fail);
  }

  private static String tileJsonType(Field f) {
    return switch (f.type()) {
      case INTEGER, NUMBER -> "Number";
      case BOOLEAN -> "Boolean";
      default -> "String";
    };
  }

  private static double[] union(double[] a, double[] b) {
    if (a == null) {
      return b == null ? null : b.clone();
    }
    if (b == null) {
      return a;
    }
    return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
  }

  @Override
  public List<Link> linksFor(Layer layer, String baseUrl) {
    return List.of(
        new Link("tilejson", "application/json", "TileJSON", baseUrl + "/tiles/" + layer.id() + ".json"),
        new Link("tiles", TileResponses.MVT, "Vector tiles (XYZ)",
            baseUrl + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt"));
  }
}
