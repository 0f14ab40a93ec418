package vn.citytwin.tiles;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.http.HttpCaching;

/** Writes a tile: conditional GET, gzip (pre-compressed) when accepted, 204/200 for empty tiles, MVT media type. */
final class TileResponses {
  static final String MVT = "application/vnd.mapbox-vector-tile";

  private TileResponses() {}

  /** @return true when a 304 was sent and no tile is needed */
  static boolean notModified(RoutingContext ctx, String etag, CityTwinConfig.Tiles config) {
    return HttpCaching.notModified(ctx, etag, config.maxAgeSeconds());
  }

  static void send(RoutingContext ctx, Tile tile, CityTwinConfig.Tiles config) {
    var response = ctx.response();
    if (tile.isEmpty()) {
      response.setStatusCode(config.emptyTileStatus());
      if (config.emptyTileStatus() == 200) {
        response.putHeader("Content-Type", MVT);
      }
      response.end();
      return;
    }
    response.putHeader("Content-Type", MVT);
    String accept = ctx.request().getHeader("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      // Compressed once per tile, off the event loop; the server's compressor leaves encoded bodies alone.
      if (tile.hasGzip()) {
        response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(tile.gzipped()));
      } else {
        ctx.vertx().executeBlocking(tile::gzipped, false)
            .onSuccess(gz -> response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(gz)))
            .onFailure(ctx::fail);
      }
    } else {
      response.putHeader("Content-Encoding", "identity").end(Buffer.buffer(tile.bytes()));
    }
  }
}
