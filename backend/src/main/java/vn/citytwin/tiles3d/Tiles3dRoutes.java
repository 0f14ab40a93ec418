package vn.citytwin.tiles3d;

import vn.citytwin.access.AccessView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.HttpCaching;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * 3D Tiles 1.1 over HTTP, built on demand:
 * <ul>
 *   <li>{@code GET /3dtiles/{layer}/tileset.json[?scenario=&filter=&datetime=]}: the tileset
 *       ({@code application/json}); revalidated on every use (max-age 0, ETag/304), since it is what changes;
 *   <li>{@code GET /3dtiles/{layer}/content/{z}/{x}/{y}.glb?v=…}: a leaf's glb ({@code model/gltf-binary}),
 *       gzip when accepted, cacheable for the configured max-age because the tileset's URIs carry a data-version
 *       token ({@code v}, ignored here: the content of an address is always built from the current data).
 * </ul>
 * Errors are JSON: unknown layer 404, layer without height 400, bad scenario 400/404, bad address 400, an address
 * that is not a leaf of the current tileset 404.
 */
public final class Tiles3dRoutes implements Mountable, LayerLinks {
  static final String GLB = "model/gltf-binary";
  private final Router router;
  private final Tiles3dService tiles;
  private final Catalog catalog;
  private final ScenarioRegistry scenarios;

  public Tiles3dRoutes(Vertx vertx, Tiles3dService tiles, Catalog catalog, ScenarioRegistry scenarios) {
    this.tiles = tiles;
    this.catalog = catalog;
    this.scenarios = scenarios;
    router = Router.router(vertx);
    router.get("/:layer/tileset.json").handler(this::tileset);
    router.getWithRegex("/(?<layer>[^/]+)/content/(?<z>[^/]+)/(?<x>[^/]+)/(?<y>[^/.]+)\\.glb")
        .handler(this::content);
    router.route().failureHandler(new JsonErrors());
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/3dtiles");
  }

  @Override
  public Router router() {
    return router;
  }

  private Tiles3dRequest request(RoutingContext ctx, String layerId) {
    return Tiles3dRequest.parse(catalog, scenarios, layerId, KvpParams.of(ctx.queryParams()),
        AccessView.of(ctx));
  }

  private void tileset(RoutingContext ctx) {
    Tiles3dRequest r = request(ctx, ctx.pathParam("layer"));
    String etag = tiles.tilesetEtag(r);
    if (HttpCaching.notModified(ctx, etag, 0)) {
      return;
    }
    tiles.tileset(r, etag).onSuccess(doc -> send(ctx, "application/json; charset=utf-8", doc.json(), doc.gzipped()))
        .onFailure(ctx::fail);
  }

  private void content(RoutingContext ctx) {
    Tiles3dRequest r = request(ctx, ctx.pathParam("layer"));
    QuadCell cell = QuadCell.parse(ctx.pathParam("z"), ctx.pathParam("x"), ctx.pathParam("y"));
    String etag = tiles.contentEtag(r, cell);
    if (HttpCaching.notModified(ctx, etag, tiles.options().contentMaxAgeSeconds())) {
      return;
    }
    tiles.content(r, cell, etag).onSuccess(c -> send(ctx, GLB, c.glb(), c.gzipped())).onFailure(ctx::fail);
  }

  // Bodies are compressed once when built; an explicit Content-Encoding keeps the server's compressor (which
  // would deflate the same bytes again on every request) away from them.
  private static void send(RoutingContext ctx, String contentType, byte[] plain, byte[] gzipped) {
    var response = ctx.response().putHeader("Content-Type", contentType);
    String accept = ctx.request().getHeader("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(gzipped));
    } else {
      response.putHeader("Content-Encoding", "identity").end(Buffer.buffer(plain));
    }
  }

  /** The tileset of every extrudable public layer, and the 3D style for layers with the buildings schema. */
  @Override
  public List<Link> linksFor(Layer layer, String baseUrl) {
    ExtrudedLayer extruded;
    try {
      extruded = ExtrudedLayer.of(layer);
    } catch (ApiException notExtrudable) {
      return List.of();
    }
    List<Link> links = new ArrayList<>();
    links.add(new Link("3dtiles", "application/json", "3D Tiles 1.1 tileset",
        baseUrl + "/3dtiles/" + layer.id() + "/tileset.json"));
    if (extruded.hasBuildingSchema()) {
      links.add(new Link("style3d", "application/json", "Cesium 3D Tiles style",
          baseUrl + "/styles/buildings-3d.json"));
    }
    return links;
  }
}
