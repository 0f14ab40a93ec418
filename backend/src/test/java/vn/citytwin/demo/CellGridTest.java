package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class CellGridTest {
  @Test
  void footprintsMustLieInsideOneCodeAwayFromItsBorder() throws Exception {
    CellGrid g = new CellGrid(new Envelope(0, 100, 0, 100), 4);
    Geometry left = new WKTReader().read("POLYGON((10 10, 50 10, 50 90, 10 90, 10 10))");
    Geometry right = new WKTReader().read("POLYGON((50 10, 90 10, 90 90, 50 90, 50 10))");
    g.fill(left, 1);
    g.fill(right, 2);
    assertThat(g.codeAt(30, 50)).isEqualTo(1);
    assertThat(g.codeAt(70, 50)).isEqualTo(2);
    assertThat(g.codeAt(5, 5)).isZero();
    g.clearBorders();
    double[] xs = new double[4];
    double[] ys = new double[4];
    Shapes.corners(30, 50, 5, 5, 1, 0, xs, ys);
    assertThat(g.uniform(xs, ys)).isEqualTo(1);
    Shapes.corners(50, 50, 5, 5, 1, 0, xs, ys);
    assertThat(g.uniform(xs, ys)).as("straddles two codes").isZero();
    Shapes.corners(47, 50, 1.5, 1.5, 1, 0, xs, ys);
    assertThat(g.uniform(xs, ys)).as("touches the cleared border").isZero();
    Shapes.corners(12, 50, 4, 4, 1, 0, xs, ys);
    assertThat(g.uniform(xs, ys)).as("reaches outside").isZero();
    double c = Math.sqrt(0.5);
    Shapes.corners(70, 50, 8, 3, c, c, xs, ys);
    assertThat(g.uniform(xs, ys)).as("rotated, inside").isEqualTo(2);
  }
}
