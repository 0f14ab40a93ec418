package vn.citytwin.render.label;

/**
 * Positions along a pixel polyline by arc length. Walking backwards ({@code reversed}) measures from the far
 * end, which is how labels on right-to-left lines are kept upright.
 */
final class PathWalker {
  private final double[] xy;
  private final double[] cumulative;
  private final boolean reversed;

  PathWalker(double[] xy, boolean reversed) {
    this.xy = xy;
    this.reversed = reversed;
    int n = xy.length / 2;
    cumulative = new double[n];
    for (int i = 1; i < n; i++) {
      cumulative[i] = cumulative[i - 1]
          + Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
    }
  }

  double length() {
    return cumulative[cumulative.length - 1];
  }

  PathWalker reversed() {
    return new PathWalker(xy, !reversed);
  }

  /** The point at arc length s (clamped), as {x, y}. */
  double[] pointAt(double s) {
    double len = length();
    double t = Math.max(0, Math.min(len, reversed ? len - s : s));
    int lo = 0;
    int hi = cumulative.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double seg = cumulative[hi] - cumulative[lo];
    double f = seg == 0 ? 0 : (t - cumulative[lo]) / seg;
    return new double[] {xy[2 * lo] + f * (xy[2 * hi] - xy[2 * lo]),
        xy[2 * lo + 1] + f * (xy[2 * hi + 1] - xy[2 * lo + 1])};
  }

  /** Direction (radians, screen axes) of the chord from s0 to s1. */
  double angle(double s0, double s1) {
    double[] a = pointAt(s0);
    double[] b = pointAt(s1);
    return Math.atan2(b[1] - a[1], b[0] - a[0]);
  }

  /** Largest distance of the path between s0 and s1 from the chord joining those positions. */
  double deviation(double s0, double s1) {
    double[] a = pointAt(s0);
    double[] b = pointAt(s1);
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len = Math.hypot(dx, dy);
    double worst = 0;
    double len0 = length();
    for (int i = 0; i < cumulative.length; i++) {
      double s = reversed ? len0 - cumulative[i] : cumulative[i];
      if (s > s0 && s < s1) {
        double px = xy[2 * i] - a[0];
        double py = xy[2 * i + 1] - a[1];
        double d = len == 0 ? Math.hypot(px, py) : Math.abs(px * dy - py * dx) / len;
        worst = Math.max(worst, d);
      }
    }
    return worst;
  }
}
