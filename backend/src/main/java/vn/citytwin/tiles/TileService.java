package vn.citytwin.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.http.HttpCaching;

/**
 * Produces vector tiles: ETag first (from the layers' data versions, the scenario version, the address and the
 * parameters: no database work needed to answer a conditional request), then the in-process cache (bounded by
 * bytes), then PostGIS with a per-statement timeout. An edit, an import or a scenario change bumps a version, so
 * the key changes and no stale tile can be served.
 */
public final class TileService {
  private final Database db;
  private final Catalog catalog;
  private final int timeoutSeconds;
  /** Null when {@code tiles.cache.mb} is 0: no cache at all, rather than one that evicts every tile it is given. */
  private final Cache<String, Tile> cache;

  public TileService(Database db, Catalog catalog, CityTwinConfig.Tiles config) {
    this.db = db;
    this.catalog = catalog;
    this.timeoutSeconds = Math.max(1, config.timeoutMs() / 1000);
    this.cache = config.cacheMb() == 0 ? null : Caffeine.newBuilder()
        .maximumWeight((long) config.cacheMb() * 1024 * 1024)
        .weigher((String k, Tile t) -> t.weight())
        .build();
  }

  /** The strong ETag of the tile this request names, computed without touching the database. */
  public String etag(TileRequest r) {
    StringBuilder versions = new StringBuilder();
    for (Layer l : r.layers()) {
      versions.append(l.id()).append('@').append(catalog.versions().of(l.id())).append(';');
    }
    return HttpCaching.etag("mvt", versions, r.parameterKey());
  }

  /**
   * The tile, from the cache or PostgreSQL.
   *
   * @param etag {@link #etag(TileRequest)} of {@code r}, which the caller has already computed for its 304 check
   */
  public Future<Tile> tile(TileRequest r, String etag) {
    Tile cached = cache == null ? null : cache.getIfPresent(etag);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    SqlStatement sql = MvtSql.build(r);
    return db.withConnection(c -> {
      byte[] bytes;
      try (PreparedStatement ps = sql.prepare(c)) {
        ps.setQueryTimeout(timeoutSeconds);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          bytes = rs.getBytes(1);
        }
      }
      Tile tile = new Tile(bytes == null ? new byte[0] : bytes, etag);
      if (cache != null) {
        cache.put(etag, tile);
      }
      return tile;
    });
  }

  /** Drops every cached tile (tests, operators); versions make this unnecessary for correctness. */
  public void clearCache() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  public long cachedTiles() {
    return cache == null ? 0 : cache.estimatedSize();
  }
}
