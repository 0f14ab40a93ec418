package vn.citytwin.filter;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * SQL for spatial predicates on a geometry column stored in EPSG:4326. The literal travels as bound WKB and SRID
 * ({@code ST_GeomFromWKB(?, ?)}), wrapped in {@code ST_Transform(…, ?)} when it is in another CRS.
 */
final class SpatialSql {
  /** Meridian arc per degree of latitude at the equator, the minimum on the WGS 84 ellipsoid (m). */
  private static final double MIN_METRES_PER_DEGREE_LAT = 110_574.0;
  /** Equatorial radius × π/180: a lower bound for N·cos φ per degree of longitude divided by cos φ (m). */
  private static final double METRES_PER_DEGREE_LON_EQUATOR = 111_319.49;
  /** Prefilters are only added where the box arithmetic stays far from the poles and short of continents. */
  private static final double PREFILTER_MAX_LAT = 80.0;
  private static final double PREFILTER_MAX_METRES = 1_000_000.0;

  private final List<Object> params;

  SpatialSql(List<Object> params) {
    this.params = params;
  }

  String write(Filter.Spatial s, FieldRef field) {
    String g = field.sqlExpression();
    GeometryLiteral lit = s.geometry();
    switch (s.op()) {
      case BBOX: {
        String box = literal(lit);
        String exact = literal(lit);
        return "(" + g + " && " + box + " AND ST_Intersects(" + g + ", " + exact + "))";
      }
      case DWITHIN:
        return dwithin(g, lit, s.distance(), true);
      case BEYOND:
        return "NOT " + dwithin(g, lit, s.distance(), false);
      default:
        return s.op().sqlFunction() + "(" + g + ", " + literal(lit) + ")";
    }
  }

  private String dwithin(String g, GeometryLiteral lit, Distance d, boolean prefilter) {
    if (d.unit().isAngular()) {
      String l = literal(lit);
      params.add(d.value());
      return "ST_DWithin(" + g + ", " + l + ", ?)";
    }
    double metres = d.metres();
    double[] margin = prefilter ? expandMargin(lit, metres) : null;
    String box = null;
    if (margin != null) {
      box = literal(lit);
      params.add(margin[0]);
      params.add(margin[1]);
    }
    String l = literal(lit);
    params.add(metres);
    String exact = "ST_DWithin((" + g + ")::geography, (" + l + ")::geography, ?)";
    return box == null ? exact : "(" + g + " && ST_Expand(" + box + ", ?, ?) AND " + exact + ")";
  }

  /**
   * Degrees {dx, dy} by which to grow the literal's box so it surely holds every point within {@code metres} on
   * the ellipsoid, or null when no safe box exists here (literal not in EPSG:4326, near a pole, near the
   * antimeridian, or a very long distance). A point within distance d differs in latitude by at most d / M(0) and
   * in longitude by at most d / (a·cos φmax).
   */
  private static double[] expandMargin(GeometryLiteral lit, double metres) {
    if (lit.srid() != GeometryLiteral.WGS84 || metres > PREFILTER_MAX_METRES) {
      return null;
    }
    Envelope env = lit.geometry().getEnvelopeInternal();
    double dy = metres / MIN_METRES_PER_DEGREE_LAT * 1.001 + 1e-9;
    double maxLat = Math.max(Math.abs(env.getMinY()), Math.abs(env.getMaxY())) + dy;
    if (maxLat > PREFILTER_MAX_LAT) {
      return null;
    }
    double dx = metres / (METRES_PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(maxLat))) * 1.001 + 1e-9;
    if (env.getMinX() - dx < -180 || env.getMaxX() + dx > 180) {
      return null;
    }
    return new double[] {dx, dy};
  }

  /** Appends the literal's parameters and returns its SQL, in EPSG:4326. */
  private String literal(GeometryLiteral lit) {
    params.add(new WKBWriter(2).write(lit.geometry()));
    params.add(lit.srid());
    if (lit.srid() == GeometryLiteral.WGS84) {
      return "ST_GeomFromWKB(?, ?)";
    }
    params.add(GeometryLiteral.WGS84);
    return "ST_Transform(ST_GeomFromWKB(?, ?), ?)";
  }
}
