package vn.citytwin.demo;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/** Smooth value noise in [−1, 1] over an envelope of the local plane: a square lattice, smoothstep-interpolated. */
final class ValueNoise {
  private final int nx;
  private final int ny;
  private final double spacing;
  private final double[] v;

  ValueNoise(SplittableRandom rnd, Envelope env, double spacing) {
    this.spacing = spacing;
    this.nx = (int) Math.ceil(env.getMaxX() / spacing) + 2;
    this.ny = (int) Math.ceil(env.getMaxY() / spacing) + 2;
    v = new double[nx * ny];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextDouble() * 2 - 1;
    }
  }

  double at(double x, double y) {
    double fx = Math.min(nx - 2.000001, Math.max(0, x / spacing));
    double fy = Math.min(ny - 2.000001, Math.max(0, y / spacing));
    int c = (int) fx;
    int r = (int) fy;
    double tx = smooth(fx - c);
    double ty = smooth(fy - r);
    double a = v[r * nx + c] * (1 - tx) + v[r * nx + c + 1] * tx;
    double b = v[(r + 1) * nx + c] * (1 - tx) + v[(r + 1) * nx + c + 1] * tx;
    return a * (1 - ty) + b * ty;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }
}
