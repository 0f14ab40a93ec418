package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FootprintTriangulatorTest {

  /** Rings as {x0, y0, x1, y1, …}; shell counter-clockwise, holes clockwise, no closing point. */
  record Poly(double[] xs, double[] ys, int[] ringStart, int ringCount) {
    static Poly of(double[]... rings) {
      int n = 0;
      for (double[] r : rings) {
        n += r.length / 2;
      }
      double[] xs = new double[n];
      double[] ys = new double[n];
      int[] starts = new int[rings.length + 1];
      int k = 0;
      for (int r = 0; r < rings.length; r++) {
        starts[r] = k;
        for (int i = 0; i < rings[r].length; i += 2) {
          xs[k] = rings[r][i];
          ys[k] = rings[r][i + 1];
          k++;
        }
      }
      starts[rings.length] = k;
      return new Poly(xs, ys, starts, rings.length);
    }

    int vertexCount() {
      return ringStart[ringCount];
    }
  }

  static final Poly L_WITH_HOLE = Poly.of(
      new double[] {0, 0, 30, 0, 30, 10, 12, 10, 12, 25, 0, 25},
      new double[] {3, 3, 3, 7, 8, 7, 8, 3});
  static final Poly CONVEX = Poly.of(new double[] {0, 0, 10, 0, 12, 5, 6, 9, -1, 4});

  @ParameterizedTest
  @EnumSource(FootprintTriangulator.Method.class)
  void concavePolygonWithHoleGivesNMinus2Plus2hCounterClockwiseTriangles(FootprintTriangulator.Method method) {
    int[] tris = new FootprintTriangulator(method).triangulate(L_WITH_HOLE.xs, L_WITH_HOLE.ys,
        L_WITH_HOLE.ringStart, L_WITH_HOLE.ringCount);

    assertThat(tris).isNotNull();
    assertThat(tris.length / 3).isEqualTo(L_WITH_HOLE.vertexCount() - 2 + 2 * 1);
    double area = 0;
    for (int t = 0; t < tris.length; t += 3) {
      double a2 = cross(L_WITH_HOLE, tris[t], tris[t + 1], tris[t + 2]);
      assertThat(a2).as("triangle %d counter-clockwise", t / 3).isPositive();
      area += a2 / 2;
    }
    // L: 30×10 + 12×15 = 480, hole 5×4 = 20
    assertThat(area).isCloseTo(460.0, within(1e-9));
  }

  @Test
  void convexRingIsFanned() {
    int[] tris = FootprintTriangulator.defaultTriangulator().triangulate(CONVEX.xs, CONVEX.ys, CONVEX.ringStart, 1);

    assertThat(tris).containsExactly(0, 1, 2, 0, 2, 3, 0, 3, 4);
  }

  @Test
  void selfIntersectingRingIsRefused() {
    Poly bowTie = Poly.of(new double[] {0, 0, 10, 10, 10, 0, 0, 10});

    assertThat(FootprintTriangulator.defaultTriangulator().triangulate(bowTie.xs, bowTie.ys, bowTie.ringStart, 1))
        .isNull();
  }

  @Test
  void holeOutsideShellIsRefused() {
    Poly p = Poly.of(new double[] {0, 0, 10, 0, 10, 10, 0, 10}, new double[] {20, 20, 20, 25, 25, 25, 25, 20});

    assertThat(FootprintTriangulator.defaultTriangulator().triangulate(p.xs, p.ys, p.ringStart, 2)).isNull();
  }

  /**
   * The measurement behind the default: both JTS methods on the same concave footprints (star-shaped rings of
   * 12–40 vertices, half with a hole). Prints the timings; asserts both give the same triangle count and area.
   */
  @Test
  void measureJtsMethods() {
    Random rnd = new Random(7);
    List<Poly> polys = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int n = 12 + rnd.nextInt(29);
      double[] shell = new double[2 * n];
      for (int k = 0; k < n; k++) {
        double ang = 2 * Math.PI * k / n;
        double r = k % 2 == 0 ? 20 : 10 + rnd.nextDouble() * 6;
        shell[2 * k] = r * Math.cos(ang);
        shell[2 * k + 1] = r * Math.sin(ang);
      }
      polys.add(i % 2 == 0 ? Poly.of(shell) : Poly.of(shell, new double[] {-2, -2, -2, 2, 2, 2, 2, -2}));
    }
    long[] nanos = new long[2];
    for (int round = 0; round < 6; round++) {
      for (FootprintTriangulator.Method m : FootprintTriangulator.Method.values()) {
        FootprintTriangulator tr = new FootprintTriangulator(m);
        long t0 = System.nanoTime();
        for (Poly p : polys) {
          int[] tris = tr.triangulate(p.xs, p.ys, p.ringStart, p.ringCount);
          assertThat(tris).isNotNull();
          assertThat(tris.length / 3).isEqualTo(p.vertexCount() - 2 + 2 * (p.ringCount - 1));
        }
        if (round >= 3) { // first rounds warm the JIT
          nanos[m.ordinal()] += System.nanoTime() - t0;
        }
      }
    }
    System.out.printf("triangulate 3×%d concave footprints: ear clipping %.1f µs/polygon, constrained Delaunay %.1f µs/polygon%n",
        polys.size(), nanos[0] / 3e3 / polys.size(), nanos[1] / 3e3 / polys.size());
  }

  private static double cross(Poly p, int a, int b, int c) {
    return (p.xs[b] - p.xs[a]) * (p.ys[c] - p.ys[a]) - (p.xs[c] - p.xs[a]) * (p.ys[b] - p.ys[a]);
  }
}
