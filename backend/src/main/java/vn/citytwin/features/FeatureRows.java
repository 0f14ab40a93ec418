package vn.citytwin.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.render.RenderFeature;
import vn.citytwin.scenario.ScenarioSource;

/**
 * Runs the statements of {@link MapSql} on a connection and decodes the rows: WKB through JTS, attribute
 * values as JDBC gives them (timestamps as {@link java.time.Instant}, JSON and other PostgreSQL objects as text).
 * Not thread-safe (one instance per request: it owns a WKB reader and the timing counters).
 */
public final class FeatureRows {
  private final WKBReader wkb = new WKBReader();
  /** Time spent decoding WKB and attribute values, for the Server-Timing breakdown. */
  private long decodeNanos;

  public long decodeNanos() {
    return decodeNanos;
  }

  /**
   * The features of one layer to draw.
   *
   * @param timeoutSeconds statement timeout (at least 1)
   */
  public List<RenderFeature> draw(Connection c, SqlStatement sql, LayerQuery q, int timeoutSeconds) throws SQLException {
    List<String> columns = FeatureSql.outputColumns(q);
    Map<String, Integer> index = index(columns);
    int n = columns.size() + 1;
    List<RenderFeature> out = new ArrayList<>();
    try (PreparedStatement ps = sql.prepare(c)) {
      ps.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long t0 = System.nanoTime();
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = value(rs.getObject(i + 1));
          }
          Geometry g = read(rs.getBytes(n + 1));
          decodeNanos += System.nanoTime() - t0;
          if (g != null && !g.isEmpty()) {
            out.add(new RenderFeature(g, new Row(index, values)));
          }
        }
      }
    }
    return out;
  }

  /** Features around a clicked point, nearest first (see {@link MapSql#info}). */
  public List<InfoFeature> info(Connection c, SqlStatement sql, LayerQuery q, int timeoutSeconds) throws SQLException {
    List<String> columns = FeatureSql.outputColumns(q);
    int n = columns.size() + 1;
    String idColumn = q.layer().idColumn();
    List<InfoFeature> out = new ArrayList<>();
    try (PreparedStatement ps = sql.prepare(c)) {
      ps.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> props = new LinkedHashMap<>();
          Object id = null;
          for (int i = 0; i < columns.size(); i++) {
            Object v = value(rs.getObject(i + 1));
            if (columns.get(i).equals(idColumn)) {
              id = v;
            } else {
              props.put(columns.get(i), v);
            }
          }
          String status = rs.getString(n);
          Geometry mapGeom = read(rs.getBytes(n + 1));
          Geometry wgs84 = read(rs.getBytes(n + 2));
          double distance = rs.getDouble(n + 3);
          out.add(new InfoFeature(q.layer(), id, props, mapGeom, wgs84, status, distance));
        }
      }
    }
    return out;
  }

  private Geometry read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return wkb.read(bytes);
    } catch (ParseException e) {
      throw ApiException.internal("Unreadable geometry from the database", e);
    }
  }

  private static Map<String, Integer> index(List<String> columns) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
    index.put(ScenarioSource.STATUS_COLUMN, columns.size());
    return index;
  }

  /** JDBC values as the renderer, filters and writers want them. */
  static Object value(Object v) {
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (v instanceof org.postgresql.util.PGobject o) {
      return o.getValue();
    }
    if (v instanceof java.sql.Array a) {
      try {
        Object arr = a.getArray();
        return arr instanceof Object[] objects ? List.of(objects) : String.valueOf(arr);
      } catch (SQLException e) {
        return null;
      }
    }
    return v;
  }

  /** A row's attributes by column name. */
  private record Row(Map<String, Integer> index, Object[] values) implements Function<String, Object> {
    @Override
    public Object apply(String name) {
      Integer i = index.get(name);
      return i == null ? null : values[i];
    }
  }
}
