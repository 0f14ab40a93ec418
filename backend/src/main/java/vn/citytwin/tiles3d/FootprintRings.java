package vn.citytwin.tiles3d;

import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A footprint converted to a {@link LocalFrame}, cleaned for meshing, in reusable primitive arrays.
 *
 * <p>For every ring vertex it holds the base position in local ENU metres ({@code x, y, z}) and the ellipsoid
 * normal there ({@code ux, uy, uz}). Rings are stored without their closing point and with repeated points
 * (closer than 0.1 mm) removed; the shell is counter-clockwise seen from above and holes clockwise, so that one
 * rule gives every wall an outward normal. Holes with fewer than 3 distinct points or no area are dropped.
 * Mutable scratch space: one instance per thread, {@link #load} overwrites the previous footprint.
 */
final class FootprintRings {
  private static final double MIN_EDGE_M = 1e-4;
  private static final double MIN_AREA_M2 = 1e-4;

  double[] x = new double[64];
  double[] y = new double[64];
  double[] z = new double[64];
  double[] ux = new double[64];
  double[] uy = new double[64];
  double[] uz = new double[64];
  /** ringStart[r] is the first vertex of ring r; ringStart[ringCount] is the vertex count. Ring 0 is the shell. */
  int[] ringStart = new int[8];
  int ringCount;
  /** Area enclosed (shell minus holes), square metres in the local plane. */
  double area;

  private final double[] pos = new double[3];
  private final double[] up = new double[3];

  /**
   * Loads a lon/lat footprint whose base is at {@code groundM} metres above the ellipsoid.
   *
   * @return false if the shell is degenerate (fewer than 3 distinct points, or no area): the building is skipped
   */
  boolean load(Polygon footprint, LocalFrame frame, double groundM) {
    ringCount = 0;
    ringStart[0] = 0;
    area = 0;
    if (footprint.isEmpty() || !addRing(footprint.getExteriorRing(), frame, groundM, true)) {
      return false;
    }
    for (int h = 0; h < footprint.getNumInteriorRing(); h++) {
      addRing(footprint.getInteriorRingN(h), frame, groundM, false);
    }
    return area > MIN_AREA_M2;
  }

  int vertexCount() {
    return ringStart[ringCount];
  }

  int holeCount() {
    return ringCount - 1;
  }

  private boolean addRing(LineString ring, LocalFrame frame, double groundM, boolean shell) {
    CoordinateSequence seq = ring.getCoordinateSequence();
    int start = ringStart[ringCount];
    int count = 0;
    int size = seq.size();
    for (int i = 0; i < size; i++) {
      ensureCapacity(start + count + 1);
      frame.project(Math.toRadians(seq.getX(i)), Math.toRadians(seq.getY(i)), groundM, pos, up);
      int k = start + count;
      if (count > 0 && Math.abs(pos[0] - x[k - 1]) < MIN_EDGE_M && Math.abs(pos[1] - y[k - 1]) < MIN_EDGE_M) {
        continue; // repeated point (or the ring's closing point right after its twin)
      }
      x[k] = pos[0];
      y[k] = pos[1];
      z[k] = pos[2];
      ux[k] = up[0];
      uy[k] = up[1];
      uz[k] = up[2];
      count++;
    }
    // Drop the closing point and any trailing points equal to the first.
    while (count > 1 && Math.abs(x[start + count - 1] - x[start]) < MIN_EDGE_M
        && Math.abs(y[start + count - 1] - y[start]) < MIN_EDGE_M) {
      count--;
    }
    if (count < 3) {
      return false;
    }
    double signed = signedArea(start, count);
    if (Math.abs(signed) <= MIN_AREA_M2) {
      return false;
    }
    // Shell counter-clockwise (positive area), holes clockwise.
    if (shell != signed > 0) {
      reverse(start, count);
    }
    area += shell ? Math.abs(signed) : -Math.abs(signed);
    ringCount++;
    if (ringCount + 1 > ringStart.length) {
      ringStart = Arrays.copyOf(ringStart, ringStart.length * 2);
    }
    ringStart[ringCount] = start + count;
    return true;
  }

  private double signedArea(int start, int count) {
    double sum = 0;
    // Shoelace relative to the first vertex keeps the products small and the result accurate.
    double x0 = x[start];
    double y0 = y[start];
    for (int i = 1; i < count - 1; i++) {
      int a = start + i;
      sum += (x[a] - x0) * (y[a + 1] - y0) - (x[a + 1] - x0) * (y[a] - y0);
    }
    return sum / 2;
  }

  private void reverse(int start, int count) {
    for (int i = 0, j = count - 1; i < j; i++, j--) {
      swap(x, start + i, start + j);
      swap(y, start + i, start + j);
      swap(z, start + i, start + j);
      swap(ux, start + i, start + j);
      swap(uy, start + i, start + j);
      swap(uz, start + i, start + j);
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private void ensureCapacity(int n) {
    if (n > x.length) {
      int cap = Math.max(n, x.length * 2);
      x = Arrays.copyOf(x, cap);
      y = Arrays.copyOf(y, cap);
      z = Arrays.copyOf(z, cap);
      ux = Arrays.copyOf(ux, cap);
      uy = Arrays.copyOf(uy, cap);
      uz = Arrays.copyOf(uz, cap);
    }
  }
}
