package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

class BuildingTableTest {
  @Test
  void notchedLotsBecomeValidLShapesInsideTheirRectangle() {
    LotStore lots = new LotStore(new Envelope(0, 1000, 0, 1000));
    double c = Math.cos(0.4);
    double s = Math.sin(0.4);
    for (int shape = 0; shape <= 4; shape++) {
      int i = lots.add(500, 500, 10, 6, c, s, LotStore.Kind.STREET, Fabric.SUBURBAN, 0, 0, 0, 1, 0);
      if (shape > 0) {
        lots.notch(i, shape, 0.4, 0.5);
      }
      double[] xs = new double[6];
      double[] ys = new double[6];
      int n = BuildingTable.outline(lots, i, xs, ys);
      Coordinate[] ring = new Coordinate[n + 1];
      for (int k = 0; k <= n; k++) {
        ring[k] = new Coordinate(xs[k % n], ys[k % n]);
      }
      Polygon p = GeoJson.GF.createPolygon(ring);
      assertThat(p.isValid()).as("shape %d", shape).isTrue();
      assertThat(n).isEqualTo(shape == 0 ? 4 : 6);
      double full = 20 * 12;
      assertThat(p.getArea()).isCloseTo(shape == 0 ? full : full - 8 * 6, within(1e-3));
      assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(ring)).isTrue();
    }
  }
}
