package vn.citytwin.demo;

/**
 * Small exact planar predicates for the layout, on oriented rectangles ("quads": centre, half-extents, unit axis)
 * and segments, all in {@link LocalFrame} metres.
 */
final class Shapes {
  private Shapes() {}

  /** The 4 corners of an oriented rectangle, counter-clockwise, into xs/ys. (ca, sa): unit vector of the w axis. */
  static void corners(double cx, double cy, double hw, double hd, double ca, double sa, double[] xs, double[] ys) {
    double ux = ca * hw;
    double uy = sa * hw;
    double vx = -sa * hd;
    double vy = ca * hd;
    xs[0] = cx - ux - vx;
    ys[0] = cy - uy - vy;
    xs[1] = cx + ux - vx;
    ys[1] = cy + uy - vy;
    xs[2] = cx + ux + vx;
    ys[2] = cy + uy + vy;
    xs[3] = cx - ux + vx;
    ys[3] = cy - uy + vy;
  }

  /**
   * True when two oriented rectangles come closer than {@code gap} (separating-axis test on the 4 axes, each
   * rectangle grown by gap/2).
   */
  static boolean overlap(double ax, double ay, double ahw, double ahd, double aca, double asa,
      double bx, double by, double bhw, double bhd, double bca, double bsa, double gap) {
    double dx = bx - ax;
    double dy = by - ay;
    double g = gap / 2;
    ahw += g;
    ahd += g;
    bhw += g;
    bhd += g;
    // axes of a
    if (separated(dx, dy, aca, asa, ahw, bhw, bhd, bca, bsa)) return false;
    if (separated(dx, dy, -asa, aca, ahd, bhw, bhd, bca, bsa)) return false;
    // axes of b
    if (separated(dx, dy, bca, bsa, bhw, ahw, ahd, aca, asa)) return false;
    return !separated(dx, dy, -bsa, bca, bhd, ahw, ahd, aca, asa);
  }

  /** Is axis (nx, ny) separating: |d·n| > own half-extent + the other box's projected radius. */
  private static boolean separated(double dx, double dy, double nx, double ny, double own,
      double ohw, double ohd, double oca, double osa) {
    double dist = Math.abs(dx * nx + dy * ny);
    double r = ohw * Math.abs(oca * nx + osa * ny) + ohd * Math.abs(-osa * nx + oca * ny);
    return dist > own + r;
  }

  /** Squared distance from point p to segment ab. */
  static double pointSegment2(double px, double py, double ax, double ay, double bx, double by) {
    double vx = bx - ax;
    double vy = by - ay;
    double len2 = vx * vx + vy * vy;
    double t = len2 == 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / len2;
    t = Math.max(0, Math.min(1, t));
    double ex = ax + t * vx - px;
    double ey = ay + t * vy - py;
    return ex * ex + ey * ey;
  }

  static boolean segmentsCross(double ax, double ay, double bx, double by, double cx, double cy, double dx,
      double dy) {
    double d1 = cross(cx, cy, dx, dy, ax, ay);
    double d2 = cross(cx, cy, dx, dy, bx, by);
    double d3 = cross(ax, ay, bx, by, cx, cy);
    double d4 = cross(ax, ay, bx, by, dx, dy);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  }

  private static double cross(double ax, double ay, double bx, double by, double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  }

  /** Point inside a convex quad given counter-clockwise. */
  static boolean insideQuad(double px, double py, double[] xs, double[] ys) {
    for (int k = 0; k < 4; k++) {
      if (cross(xs[k], ys[k], xs[(k + 1) & 3], ys[(k + 1) & 3], px, py) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Distance between a convex quad (counter-clockwise corners) and segment ab; 0 when they meet. */
  static double quadSegmentDistance(double[] xs, double[] ys, double ax, double ay, double bx, double by) {
    if (insideQuad(ax, ay, xs, ys) || insideQuad(bx, by, xs, ys)) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 4; k++) {
      double px = xs[k];
      double py = ys[k];
      double qx = xs[(k + 1) & 3];
      double qy = ys[(k + 1) & 3];
      if (segmentsCross(ax, ay, bx, by, px, py, qx, qy)) {
        return 0;
      }
      best = Math.min(best, pointSegment2(px, py, ax, ay, bx, by));
      best = Math.min(best, pointSegment2(ax, ay, px, py, qx, qy));
      best = Math.min(best, pointSegment2(bx, by, px, py, qx, qy));
    }
    return StrictMath.sqrt(best);
  }
}
