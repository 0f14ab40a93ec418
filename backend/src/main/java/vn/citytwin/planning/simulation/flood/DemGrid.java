package vn.citytwin.planning.simulation.flood;

import vn.citytwin.planning.simulation.MaskVectorizer;
import vn.citytwin.planning.simulation.LocalPlane;

/**
 * A ground elevation grid as stored in {@code terrain.dem}: {@code heights[row * ncols + col]}, row 0 at the south
 * edge, column 0 at the west edge; cell (row, col) spans longitudes {@code west + col·cellDeg … + cellDeg} and
 * latitudes {@code south + row·cellDeg … + cellDeg}. Heights are metres above mean sea level, negative offshore;
 * NaN means no data.
 *
 * @param checksum identifies the stored grid (md5 of the bytes), for caches
 */
public record DemGrid(int id, String name, int ncols, int nrows, double west, double south, double cellDeg,
                      float[] heights, String checksum) {

  public DemGrid {
    if (ncols <= 0 || nrows <= 0 || heights.length != (long) ncols * nrows || !(cellDeg > 0)) {
      throw new IllegalArgumentException("grid of " + ncols + "x" + nrows + " cells with " + heights.length
          + " heights and cell size " + cellDeg);
    }
  }

  /** The grid's cells (lon/lat degrees) for {@link MaskVectorizer}. */
  public MaskVectorizer.Grid cells() {
    return new MaskVectorizer.Grid(ncols, nrows, west, south, cellDeg);
  }

  public float height(int row, int col) {
    return heights[row * ncols + col];
  }

  public double east() {
    return west + ncols * cellDeg;
  }

  public double north() {
    return south + nrows * cellDeg;
  }

  /**
   * Area of one cell of a row on the sphere of {@link LocalPlane#EARTH_RADIUS_M}, m²:
   * {@code R² · Δλ · (sin φ₂ − sin φ₁)}. Cells of one row share it.
   */
  public double cellAreaM2(int row) {
    double r = LocalPlane.EARTH_RADIUS_M;
    double lat1 = Math.toRadians(south + row * cellDeg);
    double lat2 = Math.toRadians(south + (row + 1) * cellDeg);
    return r * r * Math.toRadians(cellDeg) * (Math.sin(lat2) - Math.sin(lat1));
  }
}
