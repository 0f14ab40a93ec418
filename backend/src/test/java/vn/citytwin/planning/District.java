package vn.citytwin.planning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * A small synthetic district near Vũng Tàu, laid out in metres on a local east/north frame whose origin is
 * (107.08 E, 10.35 N), so that every indicator can be worked out by hand:
 *
 * <pre>
 *  y=1000 +-------------------- W1 / zone Z1 (max 20 m) --+------------ W2 / zone Z2 (max 45 m) --------+
 *         |  park P1 (50..200 × 600..750)   B105          |R2           B107          B110            |
 *  y=500  |=R1========S1(500,510)=====B101==B104===========+====C1(1300,520)==S2(1500,450)==B109========| (road)
 *         |            B102        B106                   |     B112    B108                  B111      |
 *  y=0    +  B103 ------------------------------------------+----------------------------------------------+
 *        x=0                                           x=1000                                        x=2000
 * </pre>
 *
 * Two wards of 1000 m × 1000 m (each its own land-use zone), one park, two roads crossing at (1000, 500), a primary
 * school S1, an upper-secondary school S2, a clinic C1 and no hospital, and twelve buildings. Expected footprint
 * areas use the local ellipsoid radii at each rectangle's centre latitude (independent of PostGIS; agrees with the
 * geodesic area to about 1e-9).
 */
final class District {
  static final double LON0 = 107.08;
  static final double LAT0 = 10.35;
  private static final double A = 6378137.0;
  private static final double E2 = 0.00669437999014;
  private static final double M0 = meridianRadius(Math.toRadians(LAT0));
  private static final double N0 = normalRadius(Math.toRadians(LAT0));

  /** A rectangular building: lower-left corner (x, y), width w (east), depth h (north), metres. */
  record Building(long id, String use, double x, double y, double w, double h, int levels, double height) {
    double cx() {
      return x + w / 2;
    }

    double cy() {
      return y + h / 2;
    }

    double footprint() {
      return rectArea(x, y, x + w, y + h);
    }

    double gfa() {
      return footprint() * levels;
    }
  }

  static final List<Building> BUILDINGS = List.of(
      new Building(101, "residential", 400, 520, 20, 10, 4, 14),
      new Building(102, "residential", 600, 340, 20, 20, 5, 18),
      new Building(103, "villa", 100, 100, 15, 15, 2, 8),
      new Building(104, "shophouse", 700, 530, 8, 20, 4, 16),
      new Building(105, "residential", 240, 790, 20, 20, 8, 26),
      new Building(106, "commercial", 800, 200, 30, 20, 3, 12),
      new Building(107, "office", 1200, 600, 40, 30, 10, 40),
      new Building(108, "hotel", 1400, 300, 30, 30, 12, 48),
      new Building(109, "mixed", 1600, 550, 20, 20, 6, 22),
      new Building(110, "residential", 1800, 800, 20, 30, 5, 18),
      new Building(111, "apartment", 1750, 100, 30, 30, 15, 50),
      new Building(112, "public", 1100, 100, 20, 20, 2, 9));

  static Building building(long id) {
    return BUILDINGS.stream().filter(b -> b.id() == id).findFirst().orElseThrow();
  }

  private District() {}

  /** Inserts the district into a migrated database. */
  static void load(Connection c) throws SQLException {
    exec(c, "INSERT INTO city.wards (id, code, name, kind, geom) VALUES (?, ?, ?, 'ward', ST_Multi(ST_GeomFromText(?, 4326)))",
        1L, "W1", "Phường Một", rectWkt(0, 0, 1000, 1000));
    exec(c, "INSERT INTO city.wards (id, code, name, kind, geom) VALUES (?, ?, ?, 'ward', ST_Multi(ST_GeomFromText(?, 4326)))",
        2L, "W2", "Phường Hai", rectWkt(1000, 0, 2000, 1000));
    exec(c, "INSERT INTO city.land_use (id, zone_code, class, max_height, max_far, geom)"
        + " VALUES (?, ?, ?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326)))", 11L, "Z1", "residential", 20.0, 2.0,
        rectWkt(0, 0, 1000, 1000));
    exec(c, "INSERT INTO city.land_use (id, zone_code, class, max_height, max_far, geom)"
        + " VALUES (?, ?, ?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326)))", 12L, "Z2", "commercial", 45.0, 5.0,
        rectWkt(1000, 0, 2000, 1000));
    exec(c, "INSERT INTO city.parks (id, name, kind, geom) VALUES (?, ?, 'park', ST_Multi(ST_GeomFromText(?, 4326)))",
        21L, "Công viên P1", rectWkt(50, 600, 200, 750));
    exec(c, "INSERT INTO city.roads (id, name, class, geom) VALUES (?, ?, 'primary', ST_GeomFromText(?, 4326))",
        31L, "R1", lineWkt(0, 500, 2000, 500));
    exec(c, "INSERT INTO city.roads (id, name, class, geom) VALUES (?, ?, 'secondary', ST_GeomFromText(?, 4326))",
        32L, "R2", lineWkt(1000, 0, 1000, 1000));
    exec(c, "INSERT INTO city.schools (id, name, level, geom) VALUES (?, ?, ?, ST_GeomFromText(?, 4326))",
        41L, "Tiểu học S1", "primary", pointWkt(500, 510));
    exec(c, "INSERT INTO city.schools (id, name, level, geom) VALUES (?, ?, ?, ST_GeomFromText(?, 4326))",
        42L, "THPT S2", "upper_secondary", pointWkt(1500, 450));
    exec(c, "INSERT INTO city.hospitals (id, name, kind, geom) VALUES (?, ?, ?, ST_GeomFromText(?, 4326))",
        51L, "Phòng khám C1", "clinic", pointWkt(1300, 520));
    for (Building b : BUILDINGS) {
      exec(c, "INSERT INTO city.buildings (id, use_type, levels, height, geom) VALUES (?, ?, ?, ?, "
          + "ST_GeomFromText(?, 4326))", b.id(), b.use(), (short) b.levels(), b.height(),
          rectWkt(b.x(), b.y(), b.x() + b.w(), b.y() + b.h()));
    }
  }

  static double lon(double x) {
    return LON0 + Math.toDegrees(x / (N0 * Math.cos(Math.toRadians(LAT0))));
  }

  static double lat(double y) {
    return LAT0 + Math.toDegrees(y / M0);
  }

  static String rectWkt(double x1, double y1, double x2, double y2) {
    return String.format(Locale.ROOT, "POLYGON((%s,%s,%s,%s,%s))", pt(x1, y1), pt(x2, y1), pt(x2, y2), pt(x1, y2),
        pt(x1, y1));
  }

  static String lineWkt(double x1, double y1, double x2, double y2) {
    return "LINESTRING(" + pt(x1, y1) + "," + pt(x2, y2) + ")";
  }

  static String pointWkt(double x, double y) {
    return "POINT(" + pt(x, y) + ")";
  }

  private static String pt(double x, double y) {
    return lon(x) + " " + lat(y);
  }

  /** GeoJSON Polygon of a rectangle. */
  static JsonObject rect(double x1, double y1, double x2, double y2) {
    JsonArray ring = new JsonArray().add(pos(x1, y1)).add(pos(x2, y1)).add(pos(x2, y2)).add(pos(x1, y2))
        .add(pos(x1, y1));
    return new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring));
  }

  static JsonObject point(double x, double y) {
    return new JsonObject().put("type", "Point").put("coordinates", pos(x, y));
  }

  static JsonArray pos(double x, double y) {
    return new JsonArray().add(lon(x)).add(lat(y));
  }

  /**
   * Area of the lon/lat rectangle spanned by two local points, m²: Δλ·N(φ)·cos φ × Δφ·M(φ) at the centre latitude.
   */
  static double rectArea(double x1, double y1, double x2, double y2) {
    double phi = Math.toRadians((lat(y1) + lat(y2)) / 2);
    double width = Math.toRadians(lon(x2) - lon(x1)) * normalRadius(phi) * Math.cos(phi);
    double height = Math.toRadians(lat(y2) - lat(y1)) * meridianRadius(phi);
    return width * height;
  }

  private static double meridianRadius(double phi) {
    double s = Math.sin(phi);
    return A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
  }

  private static double normalRadius(double phi) {
    double s = Math.sin(phi);
    return A / Math.sqrt(1 - E2 * s * s);
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
