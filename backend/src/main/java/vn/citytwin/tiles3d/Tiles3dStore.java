package vn.citytwin.tiles3d;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import vn.citytwin.core.db.SqlStatement;

/**
 * Runs the statements of {@link Tiles3dSql} on a connection (blocking: call on a worker) and turns rows into
 * values: {@link CellStats}, or {@link BuildingInput}s ready for the encoder.
 *
 * <p>Row to building: the footprint is the WKB polygon (of a multipolygon, its largest part: a building is one
 * feature with one footprint here); the properties follow the layer's schema, with {@code id}, {@code height}
 * (the extrusion height) and {@code scenario_status} filled here and the rest copied from their columns. A value
 * that does not fit its property (a negative {@code levels} in a scenario edit, say) is written as noData rather
 * than failing the tile. Colour from {@link BuildingPalette} by {@code use_type}.
 */
final class Tiles3dStore {
  private Tiles3dStore() {}

  static List<CellStats> cellStats(Connection c, SqlStatement sql, int timeoutSeconds) throws SQLException {
    List<CellStats> out = new ArrayList<>();
    try (PreparedStatement ps = sql.prepare(c)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setFetchSize(5000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CellStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
              rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)));
        }
      }
    }
    return out;
  }

  /**
   * @param outputColumns the query's {@code FeatureSql.outputColumns}, in order (the first columns of each row)
   */
  static List<BuildingInput> leafBuildings(Connection c, SqlStatement sql, ExtrudedLayer layer,
      List<String> outputColumns, int timeoutSeconds) throws SQLException {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < outputColumns.size(); i++) {
      index.put(outputColumns.get(i), i + 1);
    }
    int status = outputColumns.size() + 1;
    int wkb = status + 1;
    int ground = wkb + 1;
    int height = ground + 1;
    String idColumn = layer.layer().idColumn();
    List<PropertyDef> defs = layer.schema().properties();
    WKBReader reader = new WKBReader();
    List<BuildingInput> out = new ArrayList<>();
    try (PreparedStatement ps = sql.prepare(c)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        long row = 0;
        while (rs.next()) {
          row++;
          Long id = idColumn == null ? null : asLong(rs.getObject(index.get(idColumn)));
          double h = rs.getDouble(height);
          Map<String, Object> props = new HashMap<>();
          for (PropertyDef def : defs) {
            Object v = switch (def.name()) {
              case ExtrudedLayer.ID -> id;
              case ExtrudedLayer.HEIGHT -> h;
              case ExtrudedLayer.STATUS -> rs.getString(status);
              default -> {
                Integer col = index.get(layer.propertyColumns().get(def.name()));
                yield col == null ? null
                    : def.type() == PropertyType.STRING ? rs.getString(col) : rs.getObject(col);
              }
            };
            props.put(def.name(), fit(def, v));
          }
          Object use = props.get("use_type");
          String roof = layer.roofColumn() == null ? null : rs.getString(index.get(layer.roofColumn()));
          out.add(new BuildingInput(id == null ? row : id, footprint(reader, rs.getBytes(wkb)),
              rs.getDouble(ground), h, roof, props, BuildingPalette.rgba(use == null ? null : use.toString())));
        }
      }
    }
    return out;
  }

  private static Polygon footprint(WKBReader reader, byte[] wkb) throws SQLException {
    Geometry g;
    try {
      g = reader.read(wkb);
    } catch (ParseException e) {
      throw new SQLException("unreadable footprint WKB", e);
    }
    Polygon best = null;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
        best = p;
      }
    }
    // The SQL keeps polygonal rows only; an empty multipolygon still reaches here and is skipped as degenerate.
    return best != null ? best : g.getFactory().createPolygon();
  }

  private static Long asLong(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }

  /** The value as the property stores it, or null (→ noData) when it does not fit. */
  static Object fit(PropertyDef def, Object v) {
    if (v == null) {
      return null;
    }
    return switch (def.type()) {
      case STRING -> v.toString();
      case BOOLEAN -> v instanceof Boolean ? v : null;
      case FLOAT32, FLOAT64 -> v instanceof Number n && Double.isFinite(n.doubleValue())
          && (def.type() == PropertyType.FLOAT64 || Math.abs(n.doubleValue()) <= Float.MAX_VALUE) ? n : null;
      default -> {
        try {
          yield PropertyValues.toLong(v, def.type(), def.name());
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
  }
}
