package vn.citytwin.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The elevation grid stored as {@code terrain.dem}: float32 metres above mean sea level (negative offshore),
 * row-major with row 0 at the SOUTH edge and column 0 at the WEST edge; cell centres at
 * {@code west + (col + 0.5) · cellDeg}, {@code south + (row + 0.5) · cellDeg} (EPSG:4326 degrees).
 */
record Dem(int ncols, int nrows, double west, double south, double cellDeg, float[] heights) {

  float at(int col, int row) {
    return heights[row * ncols + col];
  }

  /** Bilinear height between cell centres at (lon, lat) in degrees; clamped to the grid at its edges. */
  double sample(double lon, double lat) {
    double fx = (lon - west) / cellDeg - 0.5;
    double fy = (lat - south) / cellDeg - 0.5;
    fx = Math.max(0, Math.min(ncols - 1.000001, fx));
    fy = Math.max(0, Math.min(nrows - 1.000001, fy));
    int c = (int) fx;
    int r = (int) fy;
    double tx = fx - c;
    double ty = fy - r;
    double h00 = at(c, r);
    double h10 = at(c + 1, r);
    double h01 = at(c, r + 1);
    double h11 = at(c + 1, r + 1);
    return (h00 * (1 - tx) + h10 * tx) * (1 - ty) + (h01 * (1 - tx) + h11 * tx) * ty;
  }

  /** Height at a point of the {@link LocalFrame} plane. */
  double sampleLocal(double x, double y) {
    return sample(LocalFrame.lon(x), LocalFrame.lat(y));
  }

  /** The {@code heights} column: float32 little-endian, row-major, row 0 south. */
  byte[] littleEndian() {
    ByteBuffer b = ByteBuffer.allocate(heights.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float h : heights) {
      b.putFloat(h);
    }
    return b.array();
  }
}
