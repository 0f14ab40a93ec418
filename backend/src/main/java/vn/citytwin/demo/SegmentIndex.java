package vn.citytwin.demo;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Every road centreline segment with its half-width, hashed on a uniform grid, so a footprint can be tested
 * against all roads near it: {@link #clear} is exact (quad-to-segment distance), the grid only limits the work.
 */
final class SegmentIndex {
  private static final double CELL = 64;
  private final double x0;
  private final double y0;
  private final int nx;
  private final int ny;
  private final int[] head;
  private int[] next = new int[1024];
  private int[] seg = new int[1024];
  private int entries;
  private double[] xy = new double[4 * 1024];
  private double[] hw = new double[1024];
  private int[] stamp = new int[1024];
  private int segments;
  private int query;

  SegmentIndex(Envelope env) {
    x0 = env.getMinX();
    y0 = env.getMinY();
    nx = (int) Math.ceil(env.getWidth() / CELL) + 1;
    ny = (int) Math.ceil(env.getHeight() / CELL) + 1;
    head = new int[nx * ny];
    Arrays.fill(head, -1);
  }

  void addLine(Coordinate[] cs, double halfWidth) {
    for (int i = 0; i + 1 < cs.length; i++) {
      add(cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y, halfWidth);
    }
  }

  /** Adds a segment; long ones are cut into cell-sized pieces so each is hashed only where it runs. */
  void add(double ax, double ay, double bx, double by, double halfWidth) {
    double len = StrictMath.hypot(bx - ax, by - ay);
    int pieces = (int) Math.ceil(len / CELL);
    if (pieces > 1) {
      for (int k = 0; k < pieces; k++) {
        double t0 = (double) k / pieces;
        double t1 = (double) (k + 1) / pieces;
        addPiece(ax + t0 * (bx - ax), ay + t0 * (by - ay), ax + t1 * (bx - ax), ay + t1 * (by - ay), halfWidth);
      }
    } else {
      addPiece(ax, ay, bx, by, halfWidth);
    }
  }

  private void addPiece(double ax, double ay, double bx, double by, double halfWidth) {
    if (segments == hw.length) {
      int n = segments * 2;
      xy = Arrays.copyOf(xy, 4 * n);
      hw = Arrays.copyOf(hw, n);
      stamp = Arrays.copyOf(stamp, n);
    }
    int s = segments++;
    xy[4 * s] = ax;
    xy[4 * s + 1] = ay;
    xy[4 * s + 2] = bx;
    xy[4 * s + 3] = by;
    hw[s] = halfWidth;
    int c0 = col(Math.min(ax, bx) - halfWidth);
    int c1 = col(Math.max(ax, bx) + halfWidth);
    int r0 = row(Math.min(ay, by) - halfWidth);
    int r1 = row(Math.max(ay, by) + halfWidth);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        if (entries == next.length) {
          next = Arrays.copyOf(next, entries * 2);
          seg = Arrays.copyOf(seg, entries * 2);
        }
        int cell = r * nx + c;
        seg[entries] = s;
        next[entries] = head[cell];
        head[cell] = entries++;
      }
    }
  }

  /**
   * True when the convex quad keeps at least {@code margin} metres from the edge of every road. Each segment sits
   * in every cell its box grown by its half-width touches, so only the cells under the quad's box (grown by the
   * margin) need looking at.
   */
  boolean clear(double[] qx, double[] qy, double margin) {
    double minX = Math.min(Math.min(qx[0], qx[1]), Math.min(qx[2], qx[3])) - margin;
    double maxX = Math.max(Math.max(qx[0], qx[1]), Math.max(qx[2], qx[3])) + margin;
    double minY = Math.min(Math.min(qy[0], qy[1]), Math.min(qy[2], qy[3])) - margin;
    double maxY = Math.max(Math.max(qy[0], qy[1]), Math.max(qy[2], qy[3])) + margin;
    int q = ++query;
    for (int r = row(minY); r <= row(maxY); r++) {
      for (int c = col(minX); c <= col(maxX); c++) {
        for (int e = head[r * nx + c]; e >= 0; e = next[e]) {
          int s = seg[e];
          if (stamp[s] == q) {
            continue;
          }
          stamp[s] = q;
          double h = hw[s];
          double ax = xy[4 * s];
          double ay = xy[4 * s + 1];
          double bx = xy[4 * s + 2];
          double by = xy[4 * s + 3];
          if (Math.min(ax, bx) - h > maxX || Math.max(ax, bx) + h < minX || Math.min(ay, by) - h > maxY
              || Math.max(ay, by) + h < minY) {
            continue;
          }
          double d = Shapes.quadSegmentDistance(qx, qy, ax, ay, bx, by);
          if (d < h + margin) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private int col(double x) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / CELL)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / CELL)));
  }
}
