package vn.citytwin.render.paint;

import java.awt.geom.Path2D;
import java.util.List;

/**
 * Shifts pixel polylines sideways (SE PerpendicularOffset): positive to the left of the line's direction. Each
 * vertex moves along the mitred bisector of its two segments, with the mitre capped so sharp bends stay tidy.
 */
public final class LineOffset {
  private LineOffset() {
  }

  /**
   * @param polylines pixel polylines {x0,y0,x1,y1,...}
   * @param offsetPx distance in pixels; left of the direction when positive (screen y points down)
   */
  public static Path2D.Double offset(List<double[]> polylines, double offsetPx) {
    Path2D.Double out = new Path2D.Double();
    for (double[] xy : polylines) {
      int n = xy.length / 2;
      for (int i = 0; i < n; i++) {
        double[] nIn = i > 0 ? leftNormal(xy, i - 1) : null;
        double[] nOut = i < n - 1 ? leftNormal(xy, i) : null;
        double nx;
        double ny;
        if (nIn == null) {
          nx = nOut[0];
          ny = nOut[1];
        } else if (nOut == null) {
          nx = nIn[0];
          ny = nIn[1];
        } else {
          double bx = nIn[0] + nOut[0];
          double by = nIn[1] + nOut[1];
          double len = Math.hypot(bx, by);
          if (len < 1e-9) {
            nx = nOut[0];
            ny = nOut[1];
          } else {
            bx /= len;
            by /= len;
            // the mitre length is 1/cos(half angle); capped at 3 to avoid spikes at hairpins
            double cos = bx * nOut[0] + by * nOut[1];
            double scale = Math.min(3, 1 / Math.max(cos, 1e-6));
            nx = bx * scale;
            ny = by * scale;
          }
        }
        double x = xy[2 * i] + nx * offsetPx;
        double y = xy[2 * i + 1] + ny * offsetPx;
        if (i == 0) {
          out.moveTo(x, y);
        } else {
          out.lineTo(x, y);
        }
      }
    }
    return out;
  }

  /** Unit normal to the left of segment i as seen on screen (y down): (dy, -dx) normalised. */
  private static double[] leftNormal(double[] xy, int i) {
    double dx = xy[2 * i + 2] - xy[2 * i];
    double dy = xy[2 * i + 3] - xy[2 * i + 1];
    double len = Math.hypot(dx, dy);
    if (len == 0) {
      return new double[] {0, 0};
    }
    return new double[] {dy / len, -dx / len};
  }
}
