package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/** The DEM's shape: sea below zero, hills at their heights, low margins that a 1 m rise reaches, a closed basin. */
class DemBuilderTest {
  private static Geography geo;
  private static Dem dem;

  @BeforeAll
  static void build() {
    geo = Geography.build(Anchors.load());
    dem = DemBuilder.build(geo, 2025);
  }

  @Test
  void coversTheExtentSouthRowFirst() {
    assertThat(dem.ncols()).isEqualTo(360);
    assertThat(dem.nrows()).isEqualTo(400);
    byte[] le = dem.littleEndian();
    assertThat(le).hasSize(360 * 400 * 4);
    float first = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).getFloat(0);
    assertThat(first).isEqualTo(dem.at(0, 0));
    // row 0 is the south edge: open sea south-west of the peninsula
    assertThat(dem.at(0, 0)).isLessThan(-10f);
  }

  @Test
  void seaIsBelowZeroAndHillsReachTheirHeights() {
    IndexedPointInAreaLocator sea = new IndexedPointInAreaLocator(
        geo.water.stream().filter(w -> w.kind().equals("sea")).findFirst().orElseThrow().geometry());
    int seaCells = 0;
    for (int r = 0; r < dem.nrows(); r++) {
      for (int c = 0; c < dem.ncols(); c++) {
        double x = LocalFrame.x(dem.west() + (c + 0.5) * dem.cellDeg());
        double y = LocalFrame.y(dem.south() + (r + 0.5) * dem.cellDeg());
        if (sea.locate(new Coordinate(x, y)) == Location.INTERIOR) {
          seaCells++;
          assertThat(dem.at(c, r)).isNegative();
        }
      }
    }
    assertThat(seaCells).isGreaterThan(40_000);
    assertThat(dem.sample(107.072, 10.362)).isCloseTo(245, within(10.0));
    assertThat(dem.sample(107.080, 10.333)).isCloseTo(170, within(10.0));
    // the old centre is flat low land
    assertThat(dem.sample(107.080, 10.349)).isBetween(1.0, 4.5);
  }

  @Test
  void aOneMetreRiseFloodsTheMarginsButNotTheClosedBasin() {
    boolean[] wet = floodFromSea(1.0);
    int n = dem.ncols();
    int wetLand = 0;
    for (int i = 0; i < wet.length; i++) {
      if (wet[i] && dem.heights()[i] > 0) {
        wetLand++;
      }
    }
    assertThat(wetLand).as("land cells below +1 m connected to the sea").isGreaterThan(200);
    int c = (int) ((107.1000 - dem.west()) / dem.cellDeg());
    int r = (int) ((10.3565 - dem.south()) / dem.cellDeg());
    assertThat(dem.at(c, r)).as("Bàu Trũng basin floor").isLessThan(1.0f).isPositive();
    assertThat(wet[r * n + c]).as("the basin is not connected to the sea").isFalse();
  }

  /** Cells reached from the sea through cells below {@code level} (4-neighbourhood). */
  private static boolean[] floodFromSea(double level) {
    int n = dem.ncols();
    boolean[] wet = new boolean[dem.heights().length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < wet.length; i++) {
      if (dem.heights()[i] < -5) {
        wet[i] = true;
        queue.add(i);
      }
    }
    while (!queue.isEmpty()) {
      int i = queue.poll();
      int r = i / n;
      int c = i % n;
      int[] next = {c > 0 ? i - 1 : -1, c < n - 1 ? i + 1 : -1, r > 0 ? i - n : -1, i + n < wet.length ? i + n : -1};
      for (int j : next) {
        if (j >= 0 && !wet[j] && dem.heights()[j] < level) {
          wet[j] = true;
          queue.add(j);
        }
      }
    }
    return wet;
  }
}
