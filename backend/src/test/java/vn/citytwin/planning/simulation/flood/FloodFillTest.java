package vn.citytwin.planning.simulation.flood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import vn.citytwin.planning.simulation.MaskVectorizer;

/** Flood fill and vectorisation on tiny hand-made grids with exactly known answers. */
class FloodFillTest {
  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  /**
   * Rows as drawn, NORTH first (the grid stores row 0 = south, so they are reversed here). Sea (−2) on the west,
   * a beach (0.5), a low coastal strip (0.8), a dyke (3), a basin behind it as low as the strip (0.5, one cell at
   * −1), and high ground (5).
   */
  static final double[][] DYKE = {
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, -1, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
  };

  static DemGrid grid(double[][] northFirst) {
    int nr = northFirst.length;
    int nc = northFirst[0].length;
    float[] h = new float[nr * nc];
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        h[r * nc + c] = (float) northFirst[nr - 1 - r][c];
      }
    }
    return new DemGrid(1, "test", nc, nr, 107.0, 10.3, 0.001, h, "x");
  }

  @Test
  void theBasinBehindTheDykeStaysDryWhileTheEquallyLowStripFloods() {
    DemGrid dem = grid(DYKE);
    FloodFill.Mask m = FloodFill.fill(dem, 1.6, f -> { });
    // beach + strip: 3 columns × 6 rows; the basin (12 cells, as low as the strip) stays dry.
    assertThat(m.floodedCells()).isEqualTo(18);
    for (int r = 0; r < 6; r++) {
      assertThat(m.isFlooded(r, 0)).as("sea is not counted as flooded").isFalse();
      assertThat(m.isFlooded(r, 1)).isTrue();
      assertThat(m.isFlooded(r, 3)).isTrue();
      assertThat(m.isFlooded(r, 4)).as("dyke").isFalse();
      assertThat(m.isFlooded(r, 5)).as("basin").isFalse();
      assertThat(m.isFlooded(r, 6)).as("basin").isFalse();
    }
    assertThat(m.sea().cardinality()).isEqualTo(6);
    // A plain threshold would have said 18 + 12 (+ the −1 cell) = 30.
    int below = 0;
    for (float v : dem.heights()) {
      below += v >= 0 && v < 1.6 ? 1 : 0;
    }
    assertThat(below).isEqualTo(29);
  }

  @Test
  void theLevelDecidesHowFarTheWaterGoes() {
    DemGrid dem = grid(DYKE);
    assertThat(FloodFill.fill(dem, 0.6, f -> { }).floodedCells()).isEqualTo(6);   // the beach only
    assertThat(FloodFill.fill(dem, 0.5, f -> { }).floodedCells()).isZero();      // 0.5 is not below 0.5
    assertThat(FloodFill.fill(dem, 3.5, f -> { }).floodedCells()).isEqualTo(36); // over the dyke, not the hill
  }

  @Test
  void aBreachInTheDykeFloodsTheBasinAndTheInlandDepressionIsNotSea() {
    double[][] breached = copy(DYKE);
    breached[4][4] = 0.2;
    FloodFill.Mask m = FloodFill.fill(grid(breached), 1.6, f -> { });
    assertThat(m.floodedCells()).isEqualTo(18 + 1 + 12);
    assertThat(m.sea().cardinality()).isEqualTo(6); // the −1 cell behind the dyke is not sea
  }

  @Test
  void cellsTouchingOnlyAtACornerDoNotPassWater() {
    double[][] g = {
        {5, 5, 5, 5},
        {5, 5, 0.5, 5},
        {5, 0.5, 5, 5},
        {-1, 5, 5, 5},
    };
    FloodFill.Mask m = FloodFill.fill(grid(g), 2, f -> { });
    assertThat(m.floodedCells()).isZero();
    g[3][1] = 0.5; // now edge-connected to the sea: the first low cell floods, the diagonal one still not
    FloodFill.Mask m2 = FloodFill.fill(grid(g), 2, f -> { });
    assertThat(m2.floodedCells()).isEqualTo(2);
  }

  @Test
  void noDataCellsHoldTheWater() {
    double[][] g = {{-1, Double.NaN, 0.5}};
    assertThat(FloodFill.fill(grid(g), 2, f -> { }).floodedCells()).isZero();
  }

  @Test
  void depthAndAreaStatistics() {
    DemGrid dem = grid(DYKE);
    FloodFill.Mask m = FloodFill.fill(dem, 1.6, f -> { });
    FloodDepth d = FloodDepth.of(dem, m, 1.6);
    assertThat(d.maxDepthM()).isCloseTo(1.1, within(1e-6));
    // 6 cells 1.1 m deep, 12 cells 0.8 m deep (the cells in a row have equal areas; rows nearly so).
    assertThat(d.meanDepthM()).isCloseTo((6 * 1.1 + 12 * 0.8) / 18, within(1e-4));
    double cell = dem.cellAreaM2(0);
    assertThat(cell).isCloseTo(111_195.0 * 111_195.0 * 0.001 * 0.001 * Math.cos(Math.toRadians(10.3005)), within(5.0));
    assertThat(d.areaM2()).isCloseTo(18 * cell, within(18 * cell * 1e-3));
    assertThat(d.areaByDepthM2()[2]).isCloseTo(6 * cell, within(6 * cell * 1e-3)); // 1.1 m: class 1–2 m
    assertThat(d.areaByDepthM2()[1]).isCloseTo(12 * cell, within(12 * cell * 1e-3)); // 0.8 m: class 0.5–1 m
  }

  @Test
  void vectorisedExtentIsTheExactUnionOfTheFloodedCells() {
    DemGrid dem = grid(DYKE);
    FloodFill.Mask m = FloodFill.fill(dem, 1.6, f -> { });
    Geometry g = new MaskVectorizer(GF).polygons(dem.cells(), m.flooded(), f -> { });
    assertThat(g.getNumGeometries()).isEqualTo(1);
    assertThat(g.getArea()).isCloseTo(18 * 1e-6, within(1e-12));
    var e = g.getEnvelopeInternal();
    assertThat(e.getMinX()).isCloseTo(107.001, within(1e-12));
    assertThat(e.getMaxX()).isCloseTo(107.004, within(1e-12));
    assertThat(e.getMinY()).isCloseTo(10.3, within(1e-12));
    assertThat(e.getMaxY()).isCloseTo(10.306, within(1e-12));
    assertThat(((Polygon) g.getGeometryN(0)).getExteriorRing().getNumPoints()).isLessThanOrEqualTo(9);
  }

  @Test
  void vectorisingAnIrregularMaskKeepsHolesAndSeparatePieces() {
    double[][] g = {
        {-1, 0, 0, 0, 0, 9, 0},
        {-1, 0, 9, 9, 0, 9, 0},
        {-1, 0, 0, 0, 0, 9, 0},
    };
    DemGrid dem = grid(g);
    // Column 6 is low but cut off by the ridge at column 5: not flooded. The ring around the 2-cell island is.
    FloodFill.Mask m = FloodFill.fill(dem, 1, f -> { });
    assertThat(m.floodedCells()).isEqualTo(10);
    Geometry v = new MaskVectorizer(GF).polygons(dem.cells(), m.flooded(), f -> { });
    assertThat(v.getArea()).isCloseTo(10 * 1e-6, within(1e-12));
    assertThat(((Polygon) v.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
    FloodFill.Mask none = FloodFill.fill(dem, -5, f -> { });
    assertThat(new MaskVectorizer(GF).polygons(dem.cells(), none.flooded(), f -> { }).isEmpty()).isTrue();
  }

  static double[][] copy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }
}
