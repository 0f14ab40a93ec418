package vn.citytwin.tiles;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks.Link;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.ogc.OgcApiPart;

/**
 * OGC API – Tiles (Part 1) over the same tiles as {@link TilesRoutes}: the WebMercatorQuad tile matrix set, tileset
 * lists and metadata for the dataset and for each collection, and the tiles at
 * {@code /ogc/collections/{id}/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}}.
 */
public final class OgcTilesRoutes implements OgcApiPart {
  static final String TMS_ID = "WebMercatorQuad";
  static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  private static final String CONF = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

  private final TileService tiles;
  private final TileRequests requests;
  private final Catalog catalog;
  private final CityTwinConfig config;

  public OgcTilesRoutes(TileService tiles, TilesRoutes xyz, Catalog catalog, CityTwinConfig config) {
    this.tiles = tiles;
    this.requests = xyz.requests();
    this.catalog = catalog;
    this.config = config;
  }

  @Override
  public List<String> conformanceClasses() {
    return List.of(CONF + "core", CONF + "tileset", CONF + "tilesets-list", CONF + "geodata-tilesets",
        CONF + "dataset-tilesets", CONF + "mvt", CONF + "oas30");
  }

  @Override
  public void addRoutes(Router r) {
    r.get("/tileMatrixSets").handler(ctx -> json(ctx, new JsonObject().put("tileMatrixSets", new JsonArray()
        .add(new JsonObject().put("id", TMS_ID).put("title", "Google Maps Compatible for the World")
            .put("uri", TMS_URI).put("links", new JsonArray().add(LayerLinks.link("self", "application/json", TMS_ID,
                base() + "/ogc/tileMatrixSets/" + TMS_ID)))))));
    r.get("/tileMatrixSets/:tmsId").handler(ctx -> {
      requireTms(ctx.pathParam("tmsId"));
      json(ctx, webMercatorQuad());
    });
    r.get("/tiles").handler(ctx -> json(ctx, tilesetList(null)));
    r.get("/tiles/:tmsId").handler(ctx -> {
      requireTms(ctx.pathParam("tmsId"));
      json(ctx, tileset(null, visible(ctx).all()));
    });
    r.get("/tiles/:tmsId/:z/:row/:col").handler(ctx -> tile(ctx, visible(ctx).all()));
    r.get("/collections/:collectionId/tiles").handler(ctx -> json(ctx, tilesetList(layer(ctx))));
    r.get("/collections/:collectionId/tiles/:tmsId").handler(ctx -> {
      Layer l = layer(ctx);
      requireTms(ctx.pathParam("tmsId"));
      json(ctx, tileset(l, List.of(l)));
    });
    r.get("/collections/:collectionId/tiles/:tmsId/:z/:row/:col").handler(ctx -> tile(ctx, List.of(layer(ctx))));
  }

  @Override
  public List<Link> landingLinks(String baseUrl) {
    return List.of(
        new Link("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json", "Vector tilesets",
            baseUrl + "/ogc/tiles"),
        new Link("http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", "application/json", "Tile matrix sets",
            baseUrl + "/ogc/tileMatrixSets"));
  }

  @Override
  public List<Link> collectionLinks(Layer layer, String baseUrl) {
    return List.of(new Link("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json",
        "Vector tilesets", baseUrl + "/ogc/collections/" + layer.id() + "/tiles"));
  }

  private void tile(RoutingContext ctx, List<Layer> layers) {
    requireTms(ctx.pathParam("tmsId"));
    String f = ctx.request().getParam("f");
    if (f != null && !f.equals("mvt")) {
      throw ApiException.invalidParameter("f", "Tiles are available as f=mvt only");
    }
    // OGC API Tiles names them tileMatrix/tileRow/tileCol: row is y, col is x.
    TileAddress address;
    try {
      address = TileAddress.parse(ctx.pathParam("z"), ctx.pathParam("col"), ctx.pathParam("row"));
    } catch (ApiException e) {
      String locator = switch (String.valueOf(e.locator())) {
        case "z" -> "tileMatrix";
        case "x" -> "tileCol";
        default -> "tileRow";
      };
      throw new ApiException(e.kind(), e.code(), locator, e.getMessage().replace("column", "column (tileCol)")
          .replace("row", "row (tileRow)"), null);
    }
    TileRequest r = requests.parse(ctx, layers, address);
    String etag = tiles.etag(r);
    if (TileResponses.notModified(ctx, etag, config.tiles())) {
      return;
    }
    tiles.tile(r, etag).onSuccess(t -> TileResponses.send(ctx, t, config.tiles())).onFailure(ctx::fail);
  }

  private Layer layer(RoutingContext ctx) {
    return visible(ctx).require(ctx.pathParam("collectionId"), "collectionId");
  }

  private VisibleLayers visible(RoutingContext ctx) {
    return VisibleLayers.of(catalog, AccessView.of(ctx));
  }

  private static void requireTms(String id) {
    if (!TMS_ID.equals(id)) {
      throw ApiException.notFound("tileMatrixSetId", "Unknown tile matrix set '" + id + "'; only " + TMS_ID);
    }
  }

  private JsonObject tilesetList(Layer layer) {
    JsonObject ts = tilesetSummary(layer);
    return new JsonObject().put("tilesets", new JsonArray().add(ts));
  }

  private JsonObject tilesetSummary(Layer layer) {
    String self = layer == null ? base() + "/ogc/tiles/" + TMS_ID
        : base() + "/ogc/collections/" + layer.id() + "/tiles/" + TMS_ID;
    return new JsonObject().put("title", layer == null ? "CityTwin" : layer.meta().title("vi"))
        .put("dataType", "vector").put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857")
        .put("tileMatrixSetURI", TMS_URI)
        .put("links", new JsonArray()
            .add(LayerLinks.link("self", "application/json", "Tileset metadata", self))
            .add(LayerLinks.link("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "application/json", TMS_ID,
                base() + "/ogc/tileMatrixSets/" + TMS_ID)));
  }

  private JsonObject tileset(Layer layer, List<Layer> layers) {
    String tilesUrl = (layer == null ? base() + "/ogc/tiles/" : base() + "/ogc/collections/" + layer.id()
        + "/tiles/") + TMS_ID + "/{tileMatrix}/{tileRow}/{tileCol}?f=mvt";
    JsonArray ls = new JsonArray();
    for (Layer l : layers) {
      JsonObject props = new JsonObject();
      l.tileFields().forEach(f -> props.put(f.name(), new JsonObject().put("type", f.type().jsonType())));
      ls.add(new JsonObject().put("id", l.id()).put("title", l.meta().title("vi"))
          .put("dataType", l.geometryKind().isPoint() ? "points" : l.geometryKind().isLine() ? "lines" : "polygons")
          .put("minTileMatrix", Integer.toString(l.meta().minZoom()))
          .put("maxTileMatrix", Integer.toString(l.meta().maxZoom()))
          .put("propertiesSchema", new JsonObject().put("type", "object").put("properties", props)));
    }
    JsonObject ts = tilesetSummary(layer);
    ts.put("layers", ls);
    ts.getJsonArray("links").add(LayerLinks.link("item", "application/vnd.mapbox-vector-tile", "Tiles", tilesUrl)
        .put("templated", true));
    return ts;
  }

  /** The OGC Two Dimensional Tile Matrix Set 2.0 definition of WebMercatorQuad, levels 0–24. */
  static JsonObject webMercatorQuad() {
    JsonArray matrices = new JsonArray();
    for (int z = 0; z <= TileAddress.MAX_ZOOM; z++) {
      long n = 1L << z;
      matrices.add(new JsonObject().put("id", Integer.toString(z))
          .put("scaleDenominator", 559082264.0287178 / n)
          .put("cellSize", 156543.03392804097 / n)
          .put("cornerOfOrigin", "topLeft")
          .put("pointOfOrigin", new JsonArray().add(-TileAddress.ORIGIN_SHIFT).add(TileAddress.ORIGIN_SHIFT))
          .put("tileWidth", 256).put("tileHeight", 256).put("matrixWidth", n).put("matrixHeight", n));
    }
    return new JsonObject().put("id", TMS_ID).put("title", "Google Maps Compatible for the World")
        .put("uri", TMS_URI).put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857")
        .put("orderedAxes", new JsonArray().add("X").add("Y"))
        .put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible")
        .put("tileMatrices", matrices);
  }

  private String base() {
    return config.server().publicUrl();
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

}
