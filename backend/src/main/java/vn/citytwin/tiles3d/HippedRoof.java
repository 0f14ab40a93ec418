package vn.citytwin.tiles3d;

/**
 * A hipped roof over a (nearly) rectangular footprint: the ridge runs along the long axis of the footprint's
 * oriented (minimum-area) bounding rectangle at ground + height, inset from each short end by half the short side
 * so that all four faces share one pitch; a square footprint gives a pyramid. The eaves sit on the footprint's own
 * four vertices at ground + height − rise, with rise = tan(pitch) × short side / 2 capped at half the building
 * height, so the walls keep at least half of it.
 *
 * <p>Eligible footprints: one ring (no holes), four vertices, strictly convex, filling at least 90 % of the
 * bounding rectangle, with two vertices at each end of the long axis. Others get a flat roof. Each roof triangle
 * has its own vertices and face normal (flat shading). Mutable scratch space; not thread-safe.
 */
final class HippedRoof {
  private static final double MIN_FILL = 0.9;

  // Set by eaveHeight for the following emit: the long axis (dx, dy), its normal (px, py), both relative to
  // vertex 0, the ridge ends' positions along the axis, the centre line's offset, and each vertex's ridge end.
  private double dx;
  private double dy;
  private double px;
  private double py;
  private double ridgeS0;
  private double ridgeS1;
  private double centreT;
  private final int[] end = new int[4];

  /** The eave height above ground for this footprint, or −1 if it is not eligible (use a flat roof). */
  double eaveHeight(FootprintRings r, double height, double pitchDeg) {
    if (r.ringCount != 1 || r.vertexCount() != 4) {
      return -1;
    }
    double[] x = r.x;
    double[] y = r.y;
    for (int i = 0; i < 4; i++) {
      int b = (i + 1) % 4;
      int c = (i + 2) % 4;
      if ((x[b] - x[i]) * (y[c] - y[i]) - (x[c] - x[i]) * (y[b] - y[i]) <= 0) {
        return -1; // not strictly convex
      }
    }
    // The minimum-area bounding rectangle of a convex polygon has a side along one of its edges.
    double bestArea = Double.POSITIVE_INFINITY;
    double sMin = 0;
    double sMax = 0;
    double tMin = 0;
    double tMax = 0;
    for (int k = 0; k < 4; k++) {
      int k1 = (k + 1) % 4;
      double ex = x[k1] - x[k];
      double ey = y[k1] - y[k];
      double len = Math.hypot(ex, ey);
      ex /= len;
      ey /= len;
      double s0 = Double.POSITIVE_INFINITY;
      double s1 = Double.NEGATIVE_INFINITY;
      double t0 = Double.POSITIVE_INFINITY;
      double t1 = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 4; i++) {
        double s = (x[i] - x[0]) * ex + (y[i] - y[0]) * ey;
        double t = -(x[i] - x[0]) * ey + (y[i] - y[0]) * ex;
        s0 = Math.min(s0, s);
        s1 = Math.max(s1, s);
        t0 = Math.min(t0, t);
        t1 = Math.max(t1, t);
      }
      double area = (s1 - s0) * (t1 - t0);
      if (area < bestArea) {
        bestArea = area;
        boolean alongEdgeIsLong = s1 - s0 >= t1 - t0;
        // Keep (d, p) with d along the rectangle's long side.
        dx = alongEdgeIsLong ? ex : -ey;
        dy = alongEdgeIsLong ? ey : ex;
        px = -dy;
        py = dx;
        sMin = alongEdgeIsLong ? s0 : t0;
        sMax = alongEdgeIsLong ? s1 : t1;
        tMin = alongEdgeIsLong ? t0 : -s1;
        tMax = alongEdgeIsLong ? t1 : -s0;
      }
    }
    if (r.area < MIN_FILL * bestArea) {
      return -1;
    }
    double length = sMax - sMin;
    double width = tMax - tMin;
    centreT = (tMin + tMax) / 2;
    if (length - width < 0.01) {
      ridgeS0 = (sMin + sMax) / 2; // square: a pyramid
      ridgeS1 = ridgeS0;
    } else {
      ridgeS0 = sMin + width / 2;
      ridgeS1 = sMax - width / 2;
    }
    double mid = (sMin + sMax) / 2;
    int atEnd1 = 0;
    for (int i = 0; i < 4; i++) {
      end[i] = (x[i] - x[0]) * dx + (y[i] - y[0]) * dy < mid ? 0 : 1;
      atEnd1 += end[i];
    }
    int sameEndEdges = 0;
    for (int i = 0; i < 4; i++) {
      sameEndEdges += end[i] == end[(i + 1) % 4] ? 1 : 0;
    }
    if (atEnd1 != 2 || sameEndEdges != 2) {
      return -1;
    }
    double rise = Math.min(Math.tan(Math.toRadians(pitchDeg)) * width / 2, height / 2);
    return height - rise;
  }

  /** Emits the roof faces computed by the last successful {@link #eaveHeight} call. */
  void emit(FootprintRings r, double eaves, double height, long color, int featureId, TileMesh mesh) {
    double[] x = r.x;
    double[] y = r.y;
    double[] z = r.z;
    double zAvg = (z[0] + z[1] + z[2] + z[3]) / 4;
    double ux = (r.ux[0] + r.ux[1] + r.ux[2] + r.ux[3]) / 4;
    double uy = (r.uy[0] + r.uy[1] + r.uy[2] + r.uy[3]) / 4;
    double uz = (r.uz[0] + r.uz[1] + r.uz[2] + r.uz[3]) / 4;
    double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
    ux /= ul;
    uy /= ul;
    uz /= ul;
    // Ridge ends: on the ground under the centre line (the ground's curvature over one building is sub-millimetre),
    // raised along the mean up vector.
    double[][] ridge = new double[2][];
    double[] along = {ridgeS0, ridgeS1};
    for (int k = 0; k < 2; k++) {
      double gx = x[0] + dx * along[k] + px * centreT;
      double gy = y[0] + dy * along[k] + py * centreT;
      ridge[k] = new double[] {gx + ux * height, gy + uy * height, zAvg + uz * height};
    }
    boolean pyramid = ridgeS0 == ridgeS1;
    double[][] eave = new double[4][];
    for (int i = 0; i < 4; i++) {
      eave[i] = new double[] {x[i] + r.ux[i] * eaves, y[i] + r.uy[i] * eaves, z[i] + r.uz[i] * eaves};
    }
    for (int i = 0; i < 4; i++) {
      int j = (i + 1) % 4;
      if (end[i] == end[j]) {
        triangle(eave[i], eave[j], ridge[end[i]], color, featureId, mesh); // hip end
      } else {
        triangle(eave[i], eave[j], ridge[end[j]], color, featureId, mesh); // long side: a trapezoid
        if (!pyramid) {
          triangle(eave[i], ridge[end[j]], ridge[end[i]], color, featureId, mesh);
        }
      }
    }
  }

  private static void triangle(double[] a, double[] b, double[] c, long color, int featureId, TileMesh mesh) {
    double e1x = b[0] - a[0];
    double e1y = b[1] - a[1];
    double e1z = b[2] - a[2];
    double e2x = c[0] - a[0];
    double e2y = c[1] - a[1];
    double e2z = c[2] - a[2];
    double nx = e1y * e2z - e1z * e2y;
    double ny = e1z * e2x - e1x * e2z;
    double nz = e1x * e2y - e1y * e2x;
    int v0 = mesh.addVertex(a[0], a[1], a[2], nx, ny, nz, color, featureId);
    int v1 = mesh.addVertex(b[0], b[1], b[2], nx, ny, nz, color, featureId);
    int v2 = mesh.addVertex(c[0], c[1], c[2], nx, ny, nz, color, featureId);
    mesh.addTriangle(v0, v1, v2);
  }
}
