package vn.citytwin.ogc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import vn.citytwin.testing.TestDatabase;

/**
 * Feature fixtures for the WFS and OGC API – Features tests: a grid of {@link #BUILDINGS} buildings in central Vũng
 * Tàu (every 7th named, five use types, heights 3.3–39.6 m), three roads (one with XML/JSON special characters in
 * its name), a ward multipolygon with a hole, time-stamped flood reports, and a layer whose table and column names
 * are not XML names ({@code "Khu vực 1"} with {@code "Tên gọi"} and {@code "2024 value"}).
 */
public final class FeatureFixtures {
  public static final int BUILDINGS = 500;
  public static final String ODD_LAYER = "Khu vực 1";

  private FeatureFixtures() {}

  public static void load(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, ward, year_built, address, geom)"
          + " SELECT g, CASE WHEN g % 7 = 0 THEN 'Khách sạn ' || g END,"
          + " (ARRAY['hotel','shophouse','villa','office','school'])[1 + g % 5], 1 + g % 12, 3.3 * (1 + g % 12),"
          + " CASE WHEN g % 2 = 0 THEN 'Phường Vũng Tàu' ELSE 'Phường Rạch Dừa' END, 1990 + g % 30,"
          + " 'Số ' || g || ' Lê Lợi',"
          + " ST_MakeEnvelope(107.07 + (g % 50) * 0.0008, 10.34 + (g / 50) * 0.0008,"
          + "   107.07 + (g % 50) * 0.0008 + 0.0004, 10.34 + (g / 50) * 0.0008 + 0.0004, 4326)"
          + " FROM generate_series(1, " + BUILDINGS + ") g");
      s.execute("INSERT INTO city.roads (id, name, class, lanes, oneway, geom) VALUES"
          + " (1, 'Lê Lợi', 'primary', 4, false, ST_GeomFromText('LINESTRING(107.079 10.3495, 107.083 10.351)', 4326)),"
          + " (2, 'Thùy Vân', 'primary', 6, false, ST_GeomFromText('LINESTRING(107.087 10.334, 107.138 10.385)', 4326)),"
          + " (3, 'Hẻm \"A\" & <B>', 'residential', 1, true,"
          + "  ST_GeomFromText('LINESTRING(107.08 10.35, 107.081 10.351)', 4326))");
      s.execute("INSERT INTO city.wards (id, code, name, name_en, kind, area_km2, population, geom) VALUES"
          + " (1, 'VT', 'Phường Vũng Tàu', 'Vung Tau ward', 'phuong', 16.86, 117413,"
          + "  ST_Multi(ST_GeomFromText('POLYGON((107.06 10.32,107.10 10.32,107.10 10.37,107.06 10.37,107.06 10.32),"
          + "(107.07 10.33,107.075 10.33,107.075 10.335,107.07 10.33))', 4326)))");
      s.execute("INSERT INTO city.flood_reports (id, street, depth_cm, reported_at, duration_min, geom) VALUES"
          + " (1, 'Lê Hồng Phong', 40, '2022-10-20T08:00:00+07', 120, ST_GeomFromText('POINT(107.0801 10.3503)',4326)),"
          + " (2, 'Lê Hồng Phong', 30, '2024-06-01T08:00:00+07', NULL, ST_GeomFromText('POINT(107.0803 10.3504)',4326))");
      s.execute("CREATE TABLE city.\"" + ODD_LAYER + "\" (id bigint PRIMARY KEY, \"Tên gọi\" text,"
          + " \"2024 value\" integer, geom geometry(Point, 4326))");
      s.execute("INSERT INTO city.\"" + ODD_LAYER + "\" VALUES (1, 'Bãi Sau', 7,"
          + " ST_GeomFromText('POINT(107.09 10.34)', 4326)), (2, NULL, NULL, ST_GeomFromText('POINT(107.1 10.35)', 4326))");
    }
  }

  /** A count straight from PostGIS, for comparisons. */
  public static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
