package vn.citytwin.tiles3d;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Footprints in Vũng Tàu, made from metre offsets around lon 107.08, lat 10.35 (a fixture, not a projection). */
final class TestBuildings {
  static final GeometryFactory GF = new GeometryFactory();
  static final double LON0 = 107.08;
  static final double LAT0 = 10.35;
  private static final double M_PER_DEG_LAT = 110_574.0;
  private static final double M_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(LAT0));
  static final String[] NAMES = {"Khách sạn Rạch Dừa", "Nhà văn hóa Phường Thắng Nhì", "Chợ Vũng Tàu",
      "Trường THPT Vũng Tàu", "Bệnh viện Lê Lợi", "Nhà thờ Đức Mẹ Bãi Dâu"};
  static final String[] USES = {"residential", "commercial", "hotel", "school", "hospital"};
  static final String[] WARDS = {"Vũng Tàu", "Tam Thắng", "Rạch Dừa", "Phước Thắng"};

  private TestBuildings() {}

  static Coordinate at(double eastM, double northM) {
    return new Coordinate(LON0 + eastM / M_PER_DEG_LON, LAT0 + northM / M_PER_DEG_LAT);
  }

  /** Rings as {east0, north0, east1, north1, …} metres; the first is the shell; closed here. */
  static Polygon polygon(double[]... rings) {
    LinearRing[] lr = new LinearRing[rings.length];
    for (int r = 0; r < rings.length; r++) {
      int n = rings[r].length / 2;
      Coordinate[] cs = new Coordinate[n + 1];
      for (int i = 0; i < n; i++) {
        cs[i] = at(rings[r][2 * i], rings[r][2 * i + 1]);
      }
      cs[n] = cs[0].copy();
      lr[r] = GF.createLinearRing(cs);
    }
    LinearRing[] holes = new LinearRing[rings.length - 1];
    System.arraycopy(lr, 1, holes, 0, holes.length);
    return GF.createPolygon(lr[0], holes);
  }

  /** A w × d rectangle centred at (e, n), rotated by angleDeg, counter-clockwise. */
  static Polygon rectangle(double e, double n, double w, double d, double angleDeg) {
    double c = Math.cos(Math.toRadians(angleDeg));
    double s = Math.sin(Math.toRadians(angleDeg));
    double[] pts = {-w / 2, -d / 2, w / 2, -d / 2, w / 2, d / 2, -w / 2, d / 2};
    double[] ring = new double[8];
    for (int i = 0; i < 4; i++) {
      ring[2 * i] = e + pts[2 * i] * c - pts[2 * i + 1] * s;
      ring[2 * i + 1] = n + pts[2 * i] * s + pts[2 * i + 1] * c;
    }
    return polygon(ring);
  }

  /**
   * A concave L (30 × 10 m leg plus 12 × 15 m leg) with a 5 × 4 m courtyard, origin at (e, n); the shell is given
   * clockwise on purpose, to check that orientation is normalised. Area 460 m²: 6 + 4 vertices, 1 hole.
   */
  static Polygon lShapeWithHole(double e, double n) {
    return polygon(
        new double[] {e, n, e, n + 25, e + 12, n + 25, e + 12, n + 10, e + 30, n + 10, e + 30, n},
        new double[] {e + 3, n + 3, e + 8, n + 3, e + 8, n + 7, e + 3, n + 7});
  }

  static Map<String, Object> props(long id, String name, String use, Integer levels, double height,
      Integer yearBuilt, String ward, String status) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("use_type", use);
    m.put("levels", levels);
    m.put("height", height);
    m.put("year_built", yearBuilt);
    m.put("ward", ward);
    m.put("scenario_status", status);
    return m;
  }

  /**
   * {@code count} varied buildings on a grid of 40 m cells: rotated rectangles (some hipped), L shapes with
   * holes, convex pentagons, concave stars, and a few translucent; no degenerate ones.
   */
  static List<BuildingInput> varied(int count, long seed) {
    Random rnd = new Random(seed);
    List<BuildingInput> out = new ArrayList<>();
    int side = (int) Math.ceil(Math.sqrt(count));
    for (int i = 0; i < count; i++) {
      double e = (i % side) * 40.0;
      double n = (i / side) * 40.0;
      Polygon p;
      String roof = null;
      switch (i % 5) {
        case 0, 1 -> {
          p = rectangle(e, n, 8 + rnd.nextDouble() * 20, 6 + rnd.nextDouble() * 12, rnd.nextDouble() * 90);
          roof = rnd.nextBoolean() ? "pitched" : "flat";
        }
        case 2 -> p = lShapeWithHole(e - 15, n - 12);
        case 3 -> {
          double[] ring = new double[10];
          for (int k = 0; k < 5; k++) {
            double a = 2 * Math.PI * k / 5;
            ring[2 * k] = e + 10 * Math.cos(a);
            ring[2 * k + 1] = n + 10 * Math.sin(a);
          }
          p = polygon(ring);
        }
        default -> {
          int k = 12 + rnd.nextInt(20);
          double[] ring = new double[2 * k];
          for (int j = 0; j < k; j++) {
            double a = 2 * Math.PI * j / k;
            double r = j % 2 == 0 ? 15 : 8 + rnd.nextDouble() * 4;
            ring[2 * j] = e + r * Math.cos(a);
            ring[2 * j + 1] = n + r * Math.sin(a);
          }
          p = polygon(ring);
        }
      }
      int levels = 1 + rnd.nextInt(25);
      double height = levels * 3.3;
      int alpha = i % 17 == 0 ? 0x80 : 0xFF;
      int rgba = (rnd.nextInt(0x1000000) << 8) | alpha;
      long id = 1_000_000_000_000L + i;
      out.add(new BuildingInput(id, p, 2 + rnd.nextDouble() * 30, height, roof,
          props(id, NAMES[i % NAMES.length], USES[i % USES.length], levels, height,
              i % 3 == 0 ? null : 1960 + rnd.nextInt(60), WARDS[i % WARDS.length], i % 4 == 0 ? "demolished" : null),
          rgba));
    }
    return out;
  }
}
