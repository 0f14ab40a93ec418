package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcefTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0, 0, 6378137, 0, 0",
    "90, 0, 0, 0, 6378137, 0",
    "0, 90, 0, 0, 0, 6356752.314245179",
    "180, 0, 100, -6378237, 0, 0",
    "0, -90, -50, 0, 0, -6356702.314245179"
  })
  void knownPoints(double lon, double lat, double h, double x, double y, double z) {
    double[] p = Ecef.fromDegrees(lon, lat, h);

    assertThat(p[0]).isCloseTo(x, within(1e-6));
    assertThat(p[1]).isCloseTo(y, within(1e-6));
    assertThat(p[2]).isCloseTo(z, within(1e-6));
  }

  @Test
  void vungTauMatchesAnIndependentReference() {
    // Reference from the closed-form WGS 84 formulas evaluated separately (N = a / sqrt(1 − e² sin²φ)).
    double lat = Math.toRadians(10.35);
    double lon = Math.toRadians(107.08);
    double n = 6378137.0 / Math.sqrt(1 - 0.00669437999014 * Math.pow(Math.sin(lat), 2));
    double[] p = Ecef.fromDegrees(107.08, 10.35, 12.5);

    assertThat(p[0]).isCloseTo((n + 12.5) * Math.cos(lat) * Math.cos(lon), within(1e-3));
    assertThat(p[1]).isCloseTo((n + 12.5) * Math.cos(lat) * Math.sin(lon), within(1e-3));
    assertThat(p[2]).isCloseTo((n * (1 - 0.00669437999014) + 12.5) * Math.sin(lat), within(1e-3));
  }

  @Test
  void roundTripIsSubMillimetreEverywhere() {
    for (double lat = -90; lat <= 90; lat += 7.5) {
      for (double lon = -180; lon < 180; lon += 37.3) {
        for (double h : new double[] {-400, 0, 3.7, 8848, 35_786_000}) {
          double[] p = Ecef.fromDegrees(lon, lat, h);
          double[] g = Ecef.toDegrees(p[0], p[1], p[2]);
          double[] back = Ecef.fromDegrees(g[0], g[1], g[2]);
          assertThat(Math.hypot(Math.hypot(back[0] - p[0], back[1] - p[1]), back[2] - p[2]))
              .as("lon %s lat %s h %s", lon, lat, h).isLessThan(1e-4);
          assertThat(g[2]).isCloseTo(h, within(1e-4));
          assertThat(g[1]).isCloseTo(lat, within(1e-9));
        }
      }
    }
  }

  @Test
  void enuMatrixIsOrthonormalAndMapsUpToHeight() {
    double[] m = Ecef.enuToEcefMatrix(107.08, 10.35, 4);
    for (int c = 0; c < 3; c++) {
      assertThat(m[4 * c] * m[4 * c] + m[4 * c + 1] * m[4 * c + 1] + m[4 * c + 2] * m[4 * c + 2])
          .isCloseTo(1, within(1e-12));
      assertThat(m[4 * c + 3]).isZero();
      for (int d = c + 1; d < 3; d++) {
        assertThat(m[4 * c] * m[4 * d] + m[4 * c + 1] * m[4 * d + 1] + m[4 * c + 2] * m[4 * d + 2])
            .isCloseTo(0, within(1e-12));
      }
    }
    assertThat(m[15]).isEqualTo(1);
    // 100 m up the local z axis is 100 m higher on the ellipsoid; 100 m east keeps the latitude's sign of change.
    double[] up = LocalFrame.at(107.08, 10.35, 4).toEcef(0, 0, 100);
    double[] g = Ecef.toDegrees(up[0], up[1], up[2]);
    assertThat(g[0]).isCloseTo(107.08, within(1e-12));
    assertThat(g[1]).isCloseTo(10.35, within(1e-12));
    assertThat(g[2]).isCloseTo(104, within(1e-6));
    double[] east = LocalFrame.at(107.08, 10.35, 4).toEcef(100, 0, 0);
    assertThat(Ecef.toDegrees(east[0], east[1], east[2])[0]).isGreaterThan(107.08);
  }

  @Test
  void localFrameProjectInvertsToEcef() {
    LocalFrame frame = LocalFrame.at(107.085, 10.352, 0);
    double[] pos = new double[3];
    double[] up = new double[3];
    frame.project(Math.toRadians(107.0801), Math.toRadians(10.3496), 27.25, pos, up);
    double[] ecef = frame.toEcef(pos[0], pos[1], pos[2]);
    double[] g = Ecef.toDegrees(ecef[0], ecef[1], ecef[2]);

    assertThat(g[0]).isCloseTo(107.0801, within(1e-10));
    assertThat(g[1]).isCloseTo(10.3496, within(1e-10));
    assertThat(g[2]).isCloseTo(27.25, within(1e-6));
    assertThat(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]).isCloseTo(1, within(1e-12));
    assertThat(up[2]).isCloseTo(1, within(1e-6)); // 550 m away the normal is still almost the frame's up
  }
}
