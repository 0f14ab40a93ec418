package vn.citytwin.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.FieldType;
import vn.citytwin.core.db.Sql;

/**
 * One job's table in schema {@code import_staging}, as {@code ogr2ogr} created it: {@code ogc_fid} (the row's
 * place in the file, from 1), the file's attribute columns (laundered lower-case names, GDAL's types) and
 * {@code geom} (any type, EPSG:4326). A file column named {@code id} is renamed {@code source_id}: {@code id} is
 * the layer's own feature id.
 */
public record StagingTable(String name) {
  public static final String SCHEMA = "import_staging";
  static final String FID = "ogc_fid";
  static final String GEOMETRY = "geom";

  String qualified() {
    return Sql.qualified(SCHEMA, name);
  }

  /** Whether ogr2ogr created the table (it does not for a file without layers). */
  boolean exists(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, qualified());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** {@code id} → {@code source_id}, when the file has an id column. */
  void renameIdColumn(Connection c) throws SQLException {
    List<Field> cols = columns(c);
    boolean hasId = cols.stream().anyMatch(f -> f.name().equals("id"));
    boolean hasSourceId = cols.stream().anyMatch(f -> f.name().equals("source_id"));
    if (hasId) {
      try (Statement s = c.createStatement()) {
        if (hasSourceId) {
          s.execute("ALTER TABLE " + qualified() + " DROP COLUMN " + Sql.ident("source_id"));
        }
        s.execute("ALTER TABLE " + qualified() + " RENAME COLUMN id TO source_id");
      }
    }
  }

  /** The attribute columns in file order (not {@code ogc_fid}, not {@code geom}). */
  List<Field> columns(Connection c) throws SQLException {
    List<Field> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
        + " FROM pg_attribute a WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped"
        + " ORDER BY a.attnum")) {
      ps.setString(1, qualified());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(1);
          if (!column.equals(FID) && !column.equals(GEOMETRY)) {
            out.add(new Field(column, rs.getString(2), FieldType.fromPostgres(rs.getString(2)), true));
          }
        }
      }
    }
    return out;
  }

  /** Staged rows. */
  long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualified())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows by {@code ST_GeometryType} (null geometries left out), e.g. {ST_Polygon=3, ST_MultiPolygon=1}. */
  Map<String, Long> geometryTypes(Connection c) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ST_GeometryType(" + GEOMETRY
        + "), count(*) FROM " + qualified() + " WHERE " + GEOMETRY + " IS NOT NULL GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  void drop(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + qualified());
    }
  }
}
