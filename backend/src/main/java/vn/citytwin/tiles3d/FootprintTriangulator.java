package vn.citytwin.tiles3d;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;
import org.locationtech.jts.triangulate.tri.Tri;

/**
 * Triangulates a planar polygon with holes (a roof or floor) into triangles over its own vertices, without
 * adding points: a polygon with n vertices in all and h holes gives n − 2 + 2h triangles.
 *
 * <p>Strictly convex rings without holes (most buildings) take an O(n) fan. Anything else goes to JTS: by default
 * {@link Method#EAR_CLIPPING} ({@link PolygonTriangulator}), chosen by measurement
 * ({@code FootprintTriangulatorTest#measureJtsMethods}: on 12–40-vertex concave footprints, half with a hole, ear
 * clipping took 48 µs and the constrained Delaunay variant 80 µs per polygon on the build machine; roofs are flat,
 * so the better-shaped triangles of the Delaunay variant buy nothing visible). {@link Method#CONSTRAINED_DELAUNAY}
 * ({@link ConstrainedDelaunayTriangulator}) stays selectable.
 *
 * <p>Input: {@code xs}/{@code ys} hold every ring's vertices back to back, ring r spanning
 * {@code ringStart[r] .. ringStart[r+1]-1}, ring 0 the shell, no closing point, no repeated points. Output
 * triangles are counter-clockwise in the (x, y) plane. Thread-safe.
 */
public final class FootprintTriangulator {
  /** The JTS algorithm used for non-convex polygons and polygons with holes. */
  public enum Method { EAR_CLIPPING, CONSTRAINED_DELAUNAY }

  private static final FootprintTriangulator DEFAULT = new FootprintTriangulator(Method.EAR_CLIPPING);
  /** Relative tolerance between the triangles' total area and the polygon's area before the result is refused. */
  private static final double AREA_TOLERANCE = 1e-6;

  private final Method method;
  private final GeometryFactory factory = new GeometryFactory();

  public FootprintTriangulator(Method method) {
    this.method = method;
  }

  /** The measured default (ear clipping for the general case). */
  public static FootprintTriangulator defaultTriangulator() {
    return DEFAULT;
  }

  public Method method() {
    return method;
  }

  /**
   * Triangulates the polygon.
   *
   * @return vertex indices, three per triangle, each triangle counter-clockwise; or {@code null} if the polygon
   *     is invalid (self-intersecting, holes outside the shell…), detected when the triangles' area does not match
   *     the polygon's area or JTS fails
   */
  public int[] triangulate(double[] xs, double[] ys, int[] ringStart, int ringCount) {
    int n = ringStart[ringCount];
    double expectedArea = area(xs, ys, ringStart, ringCount);
    if (ringCount == 1 && isStrictlyConvex(xs, ys, n)) {
      int[] out = new int[3 * (n - 2)];
      for (int i = 1; i < n - 1; i++) {
        out[3 * (i - 1)] = 0;
        out[3 * (i - 1) + 1] = i;
        out[3 * (i - 1) + 2] = i + 1;
      }
      return out;
    }
    int[] out;
    try {
      out = triangulateJts(xs, ys, ringStart, ringCount);
    } catch (RuntimeException e) {
      return null; // JTS throws on some invalid rings; the caller treats the footprint as invalid.
    }
    if (out == null) {
      return null;
    }
    double sum = 0;
    for (int t = 0; t < out.length; t += 3) {
      double a2 = cross(xs, ys, out[t], out[t + 1], out[t + 2]);
      if (a2 < 0) { // make every triangle counter-clockwise
        int tmp = out[t + 1];
        out[t + 1] = out[t + 2];
        out[t + 2] = tmp;
      }
      sum += Math.abs(a2) / 2;
    }
    return Math.abs(sum - expectedArea) <= AREA_TOLERANCE * expectedArea ? out : null;
  }

  /** Shell area minus hole areas, by the shoelace formula (rings in any orientation). */
  static double area(double[] xs, double[] ys, int[] ringStart, int ringCount) {
    double total = 0;
    for (int r = 0; r < ringCount; r++) {
      int s = ringStart[r];
      int e = ringStart[r + 1];
      double sum = 0;
      for (int i = s + 1; i < e - 1; i++) {
        sum += cross(xs, ys, s, i, i + 1);
      }
      total += r == 0 ? Math.abs(sum) / 2 : -Math.abs(sum) / 2;
    }
    return total;
  }

  private static boolean isStrictlyConvex(double[] xs, double[] ys, int n) {
    for (int i = 0; i < n; i++) {
      int b = (i + 1) % n;
      int c = (i + 2) % n;
      // A left turn clearly away from collinear (relative to the edge lengths) at every corner.
      double turn = cross(xs, ys, i, b, c);
      double l1 = Math.hypot(xs[b] - xs[i], ys[b] - ys[i]);
      double l2 = Math.hypot(xs[c] - xs[b], ys[c] - ys[b]);
      if (turn <= 1e-9 * l1 * l2) {
        return false;
      }
    }
    return true;
  }

  private int[] triangulateJts(double[] xs, double[] ys, int[] ringStart, int ringCount) {
    Map<Coordinate, Integer> index = new HashMap<>(ringStart[ringCount] * 2);
    LinearRing shell = null;
    LinearRing[] holes = new LinearRing[ringCount - 1];
    for (int r = 0; r < ringCount; r++) {
      int s = ringStart[r];
      int e = ringStart[r + 1];
      Coordinate[] cs = new Coordinate[e - s + 1];
      for (int i = s; i < e; i++) {
        cs[i - s] = new Coordinate(xs[i], ys[i]);
        index.putIfAbsent(cs[i - s], i);
      }
      cs[e - s] = cs[0].copy();
      LinearRing ring = factory.createLinearRing(cs);
      if (r == 0) {
        shell = ring;
      } else {
        holes[r - 1] = ring;
      }
    }
    Polygon polygon = factory.createPolygon(shell, holes);
    List<Tri> tris = method == Method.EAR_CLIPPING
        ? new PolygonTriangulator(polygon).getTriangles()
        : new ConstrainedDelaunayTriangulator(polygon).getTriangles();
    int[] out = new int[tris.size() * 3];
    int k = 0;
    for (Tri tri : tris) {
      for (int v = 0; v < 3; v++) {
        Integer i = index.get(tri.getCoordinate(v));
        if (i == null) {
          return null; // JTS added a node (rings touching or crossing): not a footprint we can mesh as is.
        }
        out[k++] = i;
      }
    }
    return out;
  }

  private static double cross(double[] xs, double[] ys, int a, int b, int c) {
    return (xs[b] - xs[a]) * (ys[c] - ys[a]) - (xs[c] - xs[a]) * (ys[b] - ys[a]);
  }
}
