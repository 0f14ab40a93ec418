package vn.citytwin.features;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.query.BBox;

/**
 * The extents capabilities advertise, computed in PostGIS and cached per layer data version: the layer's
 * EPSG:4326 box transformed to every advertised CRS (edges densified first, so curved edges are covered), and
 * the values of its time column. Blocking; call on a database worker.
 */
public final class LayerExtents {
  /** A box narrower than this (degrees) is widened to it, so a single point still has an area to zoom to. */
  private static final double MIN_SIZE_DEG = 0.001;

  private final Cache<String, Map<Integer, BBox>> boxes = Caffeine.newBuilder().maximumSize(2_000).build();
  private final Cache<String, TimeExtent> times = Caffeine.newBuilder().maximumSize(2_000).build();

  /** Layer-version key of the caches. */
  public static String key(Layer layer, long version) {
    return layer.id() + '@' + version;
  }

  /**
   * The box in each of the given CRSs (x east, y north, by SRID), from its EPSG:4326 box {minLon, minLat, maxLon,
   * maxLat}. The cache is keyed by {@code key} alone: one caller, one fixed list of SRIDs.
   */
  public Map<Integer, BBox> boxes(Connection c, String key, double[] wgs84, List<Integer> srids)
      throws SQLException {
    Map<Integer, BBox> cached = boxes.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    double[] b = widen(wgs84);
    Long[] distinct = srids.stream().map(Long::valueOf).distinct().toArray(Long[]::new);
    String sql = "SELECT s, ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM unnest(?::int[]) AS s, "
        + "LATERAL (SELECT ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?), s)::box2d AS b) x";
    Map<Integer, BBox> bySrid = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", distinct));
      ps.setDouble(2, b[0]);
      ps.setDouble(3, b[1]);
      ps.setDouble(4, b[2]);
      ps.setDouble(5, b[3]);
      ps.setDouble(6, Math.max(b[2] - b[0], b[3] - b[1]) / 16);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int srid = rs.getInt(1);
          bySrid.put(srid, new BBox(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), srid));
        }
      }
    }
    boxes.put(key, bySrid);
    return bySrid;
  }

  public static double[] widen(double[] b) {
    double[] w = b.clone();
    if (w[2] - w[0] < MIN_SIZE_DEG) {
      double mid = (w[0] + w[2]) / 2;
      w[0] = mid - MIN_SIZE_DEG / 2;
      w[2] = mid + MIN_SIZE_DEG / 2;
    }
    if (w[3] - w[1] < MIN_SIZE_DEG) {
      double mid = (w[1] + w[3]) / 2;
      w[1] = mid - MIN_SIZE_DEG / 2;
      w[3] = mid + MIN_SIZE_DEG / 2;
    }
    return w;
  }

  /** The time values of a time-enabled layer's base table. */
  public TimeExtent time(Connection c, String key, Layer layer) throws SQLException {
    TimeExtent cached = times.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    String column = Sql.ident(layer.meta().timeColumn());
    String table = Sql.qualified(layer.schema(), layer.table());
    Instant min = null;
    Instant max = null;
    long distinct = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT min(" + column + "), max(" + column + "), count(DISTINCT "
        + column + ") FROM " + table);
         ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        min = instant(rs.getObject(1));
        max = instant(rs.getObject(2));
        distinct = rs.getLong(3);
      }
    }
    List<Instant> values = new ArrayList<>();
    if (min != null && distinct <= TimeExtent.MAX_LISTED) {
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + column + " FROM " + table + " WHERE "
          + column + " IS NOT NULL ORDER BY 1");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(instant(rs.getObject(1)));
        }
      }
    }
    TimeExtent t = new TimeExtent(values, min, max);
    times.put(key, t);
    return t;
  }

  private static Instant instant(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }
    if (v instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return Instant.parse(v.toString());
  }
}
