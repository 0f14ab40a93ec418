package vn.citytwin.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Sql;

/**
 * Extent and feature count of a layer, computed in PostGIS and cached per data version (the count and extent of
 * a million buildings cost a scan; they change only when the data version does).
 */
public final class LayerStatsService {
  private final Database db;
  private final Catalog catalog;
  private final Cache<String, LayerStats> cache = Caffeine.newBuilder().maximumSize(10_000).build();

  public LayerStatsService(Database db, Catalog catalog) {
    this.db = db;
    this.catalog = catalog;
  }

  public Future<LayerStats> stats(Layer layer) {
    long version = catalog.versions().of(layer.id());
    String key = layer.id() + '@' + version;
    LayerStats cached = cache.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return db.withConnection(c -> {
      LayerStats s = compute(c, layer, version);
      cache.put(key, s);
      return s;
    });
  }

  /**
   * The stats if already computed for the current version, else null (and a computation starts in the
   * background so the next caller has them): for descriptions that must not wait on a table scan.
   */
  public LayerStats statsNowIfCached(Layer layer) {
    long version = catalog.versions().of(layer.id());
    LayerStats s = cache.getIfPresent(layer.id() + '@' + version);
    if (s == null) {
      stats(layer);
    }
    return s;
  }

  /** Blocking variant for code already on a worker thread. */
  public LayerStats statsNow(Layer layer) {
    long version = catalog.versions().of(layer.id());
    return cache.get(layer.id() + '@' + version, k -> db.inConnection(c -> compute(c, layer, version)));
  }

  private static LayerStats compute(java.sql.Connection c, Layer layer, long version) throws java.sql.SQLException {
    String geom = Sql.ident(layer.geometryColumn());
    String geom4326 = layer.storageSrid() == 4326 ? geom : "ST_Transform(" + geom + ", 4326)";
    // One scan for both numbers would need a custom aggregate; two cheap aggregates keep the SQL plain.
    String countSql = "SELECT count(*) FROM " + Sql.qualified(layer.schema(), layer.table());
    String extentSql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(" + geom4326
        + ")::geometry AS e FROM " + Sql.qualified(layer.schema(), layer.table()) + ") x";
    long count;
    try (PreparedStatement ps = c.prepareStatement(countSql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      count = rs.getLong(1);
    }
    double[] bbox = null;
    try (PreparedStatement ps = c.prepareStatement(extentSql); ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getObject(1) != null) {
        bbox = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
      }
    }
    return new LayerStats(bbox, count, version);
  }
}
