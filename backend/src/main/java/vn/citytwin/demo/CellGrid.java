package vn.citytwin.demo;

import java.util.Arrays;
import java.util.BitSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A raster of small integer codes over part of the {@link LocalFrame} plane (square cells, {@code cs} metres).
 * The layout uses it to answer "does this footprint lie wholly inside one parcel" in a few array reads: parcels
 * are burnt in by cell centre, then every cell touching a different code is cleared, and a footprint is accepted
 * only when every cell it touches holds the same non-zero code. Code 0 means "nowhere to build".
 */
final class CellGrid {
  final double x0;
  final double y0;
  final double cs;
  final int nx;
  final int ny;
  private final short[] code;

  CellGrid(Envelope env, double cs) {
    this.cs = cs;
    this.x0 = env.getMinX();
    this.y0 = env.getMinY();
    this.nx = (int) Math.ceil(env.getWidth() / cs) + 1;
    this.ny = (int) Math.ceil(env.getHeight() / cs) + 1;
    this.code = new short[nx * ny];
  }

  int codeAt(double x, double y) {
    int c = (int) Math.floor((x - x0) / cs);
    int r = (int) Math.floor((y - y0) / cs);
    if (c < 0 || r < 0 || c >= nx || r >= ny) {
      return 0;
    }
    return code[r * nx + c];
  }

  /** Sets every cell whose centre lies inside the polygons of {@code g} (even-odd over all rings) to {@code value}. */
  void fill(Geometry g, int value) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) {
        fillPolygon(p, (short) value);
      }
    }
  }

  private void fillPolygon(Polygon p, short value) {
    Envelope e = p.getEnvelopeInternal();
    int r0 = Math.max(0, (int) Math.floor((e.getMinY() - y0) / cs - 0.5));
    int r1 = Math.min(ny - 1, (int) Math.ceil((e.getMaxY() - y0) / cs - 0.5));
    if (r1 < r0) {
      return;
    }
    double[][] xs = new double[r1 - r0 + 1][];
    int[] counts = new int[r1 - r0 + 1];
    addRing(p.getExteriorRing(), r0, r1, xs, counts);
    for (int k = 0; k < p.getNumInteriorRing(); k++) {
      addRing(p.getInteriorRingN(k), r0, r1, xs, counts);
    }
    for (int r = r0; r <= r1; r++) {
      int n = counts[r - r0];
      if (n < 2) {
        continue;
      }
      double[] row = xs[r - r0];
      Arrays.sort(row, 0, n);
      for (int k = 0; k + 1 < n; k += 2) {
        int c0 = Math.max(0, (int) Math.ceil((row[k] - x0) / cs - 0.5));
        int c1 = Math.min(nx - 1, (int) Math.floor((row[k + 1] - x0) / cs - 0.5));
        for (int c = c0; c <= c1; c++) {
          code[r * nx + c] = value;
        }
      }
    }
  }

  private void addRing(LineString ring, int r0, int r1, double[][] xs, int[] counts) {
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i + 1 < cs.length; i++) {
      Coordinate a = cs[i];
      Coordinate b = cs[i + 1];
      if (a.y == b.y) {
        continue;
      }
      double ylo = Math.min(a.y, b.y);
      double yhi = Math.max(a.y, b.y);
      // rows whose centre yc satisfies ylo <= yc < yhi (half-open, so shared vertices count once)
      int ra = Math.max(r0, (int) Math.ceil((ylo - y0) / this.cs - 0.5));
      int rb = Math.min(r1, (int) Math.ceil((yhi - y0) / this.cs - 0.5) - 1);
      for (int r = ra; r <= rb; r++) {
        double yc = y0 + (r + 0.5) * this.cs;
        double x = a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y);
        int k = r - r0;
        if (xs[k] == null) {
          xs[k] = new double[8];
        } else if (counts[k] == xs[k].length) {
          xs[k] = Arrays.copyOf(xs[k], counts[k] * 2);
        }
        xs[k][counts[k]++] = x;
      }
    }
  }

  /** Clears every cell that has a neighbour (8-neighbourhood) with another code: no footprint straddles parcels. */
  void clearBorders() {
    BitSet clear = new BitSet(code.length);
    for (int r = 0; r < ny; r++) {
      for (int c = 0; c < nx; c++) {
        int i = r * nx + c;
        short v = code[i];
        if (v == 0) {
          continue;
        }
        boolean edge = r == 0 || c == 0 || r == ny - 1 || c == nx - 1;
        for (int dr = -1; dr <= 1 && !edge; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            if (code[i + dr * nx + dc] != v) {
              edge = true;
              break;
            }
          }
        }
        if (edge) {
          clear.set(i);
        }
      }
    }
    for (int i = clear.nextSetBit(0); i >= 0; i = clear.nextSetBit(i + 1)) {
      code[i] = 0;
    }
  }

  /**
   * The code shared by every cell that the convex quadrilateral (xs, ys; 4 vertices in order) touches, or 0 when
   * the cells differ or any is 0. Coverage is conservative: a cell counts if the quad reaches into it at all.
   */
  int uniform(double[] xs, double[] ys) {
    double ymin = Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]));
    double ymax = Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]));
    int r0 = (int) Math.floor((ymin - y0) / cs);
    int r1 = (int) Math.floor((ymax - y0) / cs);
    if (r0 < 0 || r1 >= ny) {
      return 0;
    }
    int found = -1;
    for (int r = r0; r <= r1; r++) {
      double b0 = Math.max(ymin, y0 + r * cs);
      double b1 = Math.min(ymax, y0 + (r + 1) * cs);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < 4; k++) {
        double ax = xs[k];
        double ay = ys[k];
        double bx = xs[(k + 1) & 3];
        double by = ys[(k + 1) & 3];
        if (ay >= b0 && ay <= b1) {
          lo = Math.min(lo, ax);
          hi = Math.max(hi, ax);
        }
        if (ay != by) {
          for (double yb : new double[] {b0, b1}) {
            double t = (yb - ay) / (by - ay);
            if (t >= 0 && t <= 1) {
              double x = ax + t * (bx - ax);
              lo = Math.min(lo, x);
              hi = Math.max(hi, x);
            }
          }
        }
      }
      if (lo > hi) {
        continue;
      }
      int c0 = (int) Math.floor((lo - x0) / cs);
      int c1 = (int) Math.floor((hi - x0) / cs);
      if (c0 < 0 || c1 >= nx) {
        return 0;
      }
      int base = r * nx;
      for (int c = c0; c <= c1; c++) {
        int v = code[base + c];
        if (v == 0 || (found >= 0 && v != found)) {
          return 0;
        }
        found = v;
      }
    }
    return Math.max(found, 0);
  }
}
