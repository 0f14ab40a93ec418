package vn.citytwin.demo;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Every road centreline segment with its half-width, filed in a {@link BucketGrid}, so a footprint can be tested
 * against all roads near it: {@link #clear} is exact (quad-to-segment distance), the grid only limits the work.
 */
final class SegmentIndex {
  private static final double CELL = 64;
  private final BucketGrid grid;
  private double[] xy = new double[4 * 1024];
  private double[] hw = new double[1024];
  private int[] stamp = new int[1024];
  private int segments;
  private int query;

  SegmentIndex(Envelope env) {
    grid = new BucketGrid(env, CELL);
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
    grid.add(s, Math.min(ax, bx) - halfWidth, Math.min(ay, by) - halfWidth, Math.max(ax, bx) + halfWidth,
        Math.max(ay, by) + halfWidth);
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
    return !grid.any(minX, minY, maxX, maxY, s -> {
      if (stamp[s] == q) {
        return false; // already tested from another cell
      }
      stamp[s] = q;
      double h = hw[s];
      double ax = xy[4 * s];
      double ay = xy[4 * s + 1];
      double bx = xy[4 * s + 2];
      double by = xy[4 * s + 3];
      if (Math.min(ax, bx) - h > maxX || Math.max(ax, bx) + h < minX || Math.min(ay, by) - h > maxY
          || Math.max(ay, by) + h < minY) {
        return false;
      }
      return Shapes.quadSegmentDistance(qx, qy, ax, ay, bx, by) < h + margin;
    });
  }
}
