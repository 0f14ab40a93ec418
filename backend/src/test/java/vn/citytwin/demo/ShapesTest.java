package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShapesTest {
  @Test
  void rectanglesOverlapOnlyWhenCloserThanTheGap() {
    // two 10 x 4 boxes side by side along x, 0.5 m apart
    assertThat(Shapes.overlap(0, 0, 5, 2, 1, 0, 10.5, 0, 5, 2, 1, 0, 0.3)).isFalse();
    assertThat(Shapes.overlap(0, 0, 5, 2, 1, 0, 10.5, 0, 5, 2, 1, 0, 0.6)).isTrue();
    assertThat(Shapes.overlap(0, 0, 5, 2, 1, 0, 9, 0, 5, 2, 1, 0, 0)).isTrue();
    // a box rotated 45° whose corner just misses
    double c = Math.sqrt(0.5);
    assertThat(Shapes.overlap(0, 0, 1, 1, 1, 0, 1 + Math.sqrt(2) + 0.2, 0, 1, 1, c, c, 0)).isFalse();
    assertThat(Shapes.overlap(0, 0, 1, 1, 1, 0, 1 + Math.sqrt(2) - 0.2, 0, 1, 1, c, c, 0)).isTrue();
  }

  @Test
  void measuresQuadToSegmentDistance() {
    double[] xs = new double[4];
    double[] ys = new double[4];
    Shapes.corners(0, 0, 2, 1, 1, 0, xs, ys);
    assertThat(Shapes.quadSegmentDistance(xs, ys, -10, 4, 10, 4)).isCloseTo(3, within(1e-9));
    assertThat(Shapes.quadSegmentDistance(xs, ys, -10, 0, 10, 0)).isZero();
    assertThat(Shapes.quadSegmentDistance(xs, ys, 0.5, 0.2, 0.6, 0.3)).isZero();
    assertThat(Shapes.quadSegmentDistance(xs, ys, 5, 4, 8, 8)).isCloseTo(3 * Math.sqrt(2), within(1e-9));
  }
}
