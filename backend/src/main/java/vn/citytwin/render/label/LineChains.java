package vn.citytwin.render.label;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins pixel polylines that meet end to end (within half a pixel) into longer chains, so a street stored as
 * many segments gets one label on its longest stretch (the "group" option).
 */
final class LineChains {
  private static final double TOLERANCE = 0.5;

  private LineChains() {
  }

  static List<double[]> merge(List<double[]> parts) {
    List<double[]> pool = new ArrayList<>(parts);
    List<double[]> out = new ArrayList<>();
    while (!pool.isEmpty()) {
      double[] chain = pool.remove(pool.size() - 1);
      boolean grown = true;
      while (grown) {
        grown = false;
        for (int i = 0; i < pool.size(); i++) {
          double[] p = pool.get(i);
          double[] joined = join(chain, p);
          if (joined != null) {
            chain = joined;
            pool.remove(i);
            grown = true;
            break;
          }
        }
      }
      out.add(chain);
    }
    return out;
  }

  /** a followed by b, in whichever orientation makes them meet; null when no end meets. */
  private static double[] join(double[] a, double[] b) {
    if (near(a, a.length - 2, b, 0)) {
      return concat(a, b);
    }
    if (near(a, a.length - 2, b, b.length - 2)) {
      return concat(a, reverse(b));
    }
    if (near(a, 0, b, b.length - 2)) {
      return concat(b, a);
    }
    if (near(a, 0, b, 0)) {
      return concat(reverse(b), a);
    }
    return null;
  }

  private static boolean near(double[] a, int i, double[] b, int j) {
    return Math.abs(a[i] - b[j]) <= TOLERANCE && Math.abs(a[i + 1] - b[j + 1]) <= TOLERANCE;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 2];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 2, out, a.length, b.length - 2);
    return out;
  }

  private static double[] reverse(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i += 2) {
      out[a.length - 2 - i] = a[i];
      out[a.length - 1 - i] = a[i + 1];
    }
    return out;
  }
}
