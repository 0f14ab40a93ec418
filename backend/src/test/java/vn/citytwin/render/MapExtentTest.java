package vn.citytwin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MapExtentTest {
  @Test
  void projectedScaleUsesTheStandardPixel() {
    // 256 px over 256 * 0.28 m: exactly 1:1000
    MapExtent e = new MapExtent(0, 0, 256 * 0.28, 100, 256, 256, false);
    assertThat(e.scaleDenominator()).isCloseTo(1000, within(1e-6));
  }

  @Test
  void geographicScaleTakesADegreeAtTheMidLatitude() {
    // 0.01 degree of longitude at 10.35 N over 256 px
    MapExtent e = new MapExtent(107.07, 10.34, 107.08, 10.36, 256, 512, true);
    double metres = 0.01 * Math.PI / 180 * 6378137 * Math.cos(Math.toRadians(10.35));
    assertThat(e.metresPerPixel()).isCloseTo(metres / 256, within(1e-9));
    assertThat(e.scaleDenominator()).isCloseTo(metres / 256 / 0.00028, within(1e-6));
    // about 1:15,300 here
    assertThat(e.scaleDenominator()).isBetween(15000.0, 15700.0);
  }

  @Test
  void rejectsEmptyExtentsAndSizes() {
    assertThatThrownBy(() -> new MapExtent(1, 0, 1, 1, 10, 10, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MapExtent(0, 0, 1, 1, 0, 10, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MapExtent(0, 0, Double.NaN, 1, 10, 10, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
