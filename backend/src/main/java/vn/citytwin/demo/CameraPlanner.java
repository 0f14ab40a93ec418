package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The IOC camera network: about 1,100 community security cameras along the streets (more where more people live)
 * and about 40 traffic and plate-reading cameras at the junctions of the main roads.
 */
final class CameraPlanner {
  static final int SECURITY = 1100;
  static final int JUNCTION = 40;
  private static final int PLATE_READERS = 10;

  private final CityLayout c;
  private final SplittableRandom rnd;

  CameraPlanner(CityLayout c, long seed) {
    this.c = c;
    this.rnd = Seeds.stream(seed, "cameras");
  }

  long write(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    int[] perWard = new int[c.geo.wards.size()];
    for (double[] p : security()) {
      int w = c.wardAt(p[0], p[1]);
      String prefix = w < 0 ? "XX" : prefix(c.geo.wards.get(w).spec().code());
      int n = w < 0 ? (int) id : ++perWard[w];
      row.num(++id).text(String.format(Locale.ROOT, "CAM-%s-%04d", prefix, n)).text("security")
          .text(w < 0 ? null : c.geo.wards.get(w).spec().name());
      Ewkt.point(row, p[0], p[1]);
      row.end();
    }
    List<double[]> junctions = junctions();
    for (int k = 0; k < junctions.size(); k++) {
      double[] p = junctions.get(k);
      int w = c.wardAt(p[0], p[1]);
      boolean lpr = k < PLATE_READERS;
      row.num(++id).text(String.format(Locale.ROOT, "%s-%03d", lpr ? "LPR" : "GT", k + 1))
          .text(lpr ? "plate_reader" : "traffic").text(w < 0 ? null : c.geo.wards.get(w).spec().name());
      Ewkt.point(row, p[0], p[1]);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  /** Camera positions along the generated streets, by street length times the ward's population density. */
  private List<double[]> security() {
    List<Streets.Road> roads = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Streets.Road r : c.streets.roads) {
      if (r.roadClass().ordinal() < RoadClass.TERTIARY.ordinal()) {
        continue;
      }
      Coordinate a = r.line()[0];
      Coordinate b = r.line()[r.line().length - 1];
      int w = c.wardAt((a.x + b.x) / 2, (a.y + b.y) / 2);
      if (w < 0) {
        continue;
      }
      Geography.Ward ward = c.geo.wards.get(w);
      double density = ward.spec().population() / Math.max(1, ward.geometry().getArea() / 1e6);
      roads.add(r);
      weights.add(a.distance(b) * density);
    }
    double[] cum = new double[roads.size()];
    double total = 0;
    for (int i = 0; i < cum.length; i++) {
      total += weights.get(i);
      cum[i] = total;
    }
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < SECURITY && cum.length > 0; k++) {
      int i = Arrays.binarySearch(cum, rnd.nextDouble() * total);
      i = i < 0 ? -i - 1 : i;
      i = Math.min(i, cum.length - 1);
      Streets.Road r = roads.get(i);
      Coordinate a = r.line()[0];
      Coordinate b = r.line()[r.line().length - 1];
      double t = rnd.nextDouble();
      double len = a.distance(b);
      double side = (rnd.nextBoolean() ? 1 : -1) * (r.width() / 2 + 1.5);
      double nx = -(b.y - a.y) / len;
      double ny = (b.x - a.x) / len;
      out.add(new double[] {a.x + t * (b.x - a.x) + nx * side, a.y + t * (b.y - a.y) + ny * side});
    }
    return out;
  }

  /**
   * Junctions of the main roads (and then of main roads with the larger grid streets), most important first:
   * the first ones get plate readers.
   */
  private List<double[]> junctions() {
    List<Anchors.MainRoad> mains = c.geo.anchors.roads();
    List<double[]> found = new ArrayList<>();
    for (int a = 0; a < mains.size(); a++) {
      for (int b = a + 1; b < mains.size(); b++) {
        int rank = rank(mains.get(a).roadClass()) + rank(mains.get(b).roadClass());
        collect(mains.get(a).line().intersection(mains.get(b).line()), rank, found);
      }
    }
    for (Streets.Road r : c.streets.roads) {
      if (r.roadClass() != RoadClass.TERTIARY) {
        continue;
      }
      LineString ls = GeoJson.GF.createLineString(r.line());
      for (Anchors.MainRoad m : mains) {
        if (m.line().getEnvelopeInternal().intersects(ls.getEnvelopeInternal())) {
          collect(m.line().intersection(ls), 10 + rank(m.roadClass()), found);
        }
      }
    }
    found.sort((p, q) -> p[2] != q[2] ? Double.compare(p[2], q[2])
        : p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
    List<double[]> out = new ArrayList<>();
    for (double[] p : found) {
      if (out.size() == JUNCTION) {
        break;
      }
      boolean near = out.stream().anyMatch(q -> StrictMath.hypot(q[0] - p[0], q[1] - p[1]) < 40);
      if (!near) {
        double ang = rnd.nextDouble() * 2 * Math.PI;
        out.add(new double[] {p[0] + 9 * StrictMath.cos(ang), p[1] + 9 * StrictMath.sin(ang)});
      }
    }
    return out;
  }

  private static void collect(Geometry g, int rank, List<double[]> into) {
    for (Coordinate p : g.getCoordinates()) {
      into.add(new double[] {p.x, p.y, rank});
    }
  }

  private static int rank(String roadClass) {
    return switch (roadClass) {
      case "trunk" -> 0;
      case "primary" -> 1;
      case "secondary" -> 2;
      default -> 3;
    };
  }

  /** "vung-tau" → "VT". */
  static String prefix(String wardCode) {
    StringBuilder b = new StringBuilder();
    for (String part : wardCode.split("-")) {
      b.append(Character.toUpperCase(part.charAt(0)));
    }
    return b.toString();
  }
}
