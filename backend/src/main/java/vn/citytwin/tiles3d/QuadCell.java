package vn.citytwin.tiles3d;

import vn.citytwin.core.error.ApiException;

/**
 * A cell of the geographic quadtree the 3D tiles are cut from: the tile grid of the OGC WorldCRS84Quad tile matrix
 * set. Level {@code z} has {@code 2^(z+1)} columns and {@code 2^z} rows of square cells {@code 180 / 2^z} degrees
 * on a side; column 0 starts at longitude −180, row 0 at latitude +90 (rows count southwards). Addresses do not
 * depend on the data, so a content URL names the same ground whatever the data version.
 *
 * <p>A building belongs to the cell that holds the centre of its footprint's bounding box; {@link Tiles3dSql}
 * computes that as the cell's index at a fine level (see {@link #fineColumn}), so Java and SQL never disagree
 * about a building on a cell edge.
 *
 * @throws ApiException (invalid parameter, locator {@code z}, {@code x} or {@code y}) from the constructor when
 *     the level is outside [0, {@link #MAX_LEVEL}] or the column/row outside the level's grid
 */
public record QuadCell(int z, int x, int y) {
  /** Deepest level served (≈ 1.2 m cells): deeper than any sensible leaf. */
  public static final int MAX_LEVEL = 24;

  public QuadCell {
    if (z < 0 || z > MAX_LEVEL) {
      throw ApiException.invalidParameter("z", "Level must be between 0 and " + MAX_LEVEL + ", got " + z);
    }
    if (x < 0 || x >= columns(z)) {
      throw ApiException.invalidParameter("x", "Column must be between 0 and " + (columns(z) - 1) + " at level " + z);
    }
    if (y < 0 || y >= rows(z)) {
      throw ApiException.invalidParameter("y", "Row must be between 0 and " + (rows(z) - 1) + " at level " + z);
    }
  }

  /** Parses path segments; anything but a plain non-negative integer is a 400 naming the segment. */
  public static QuadCell parse(String z, String x, String y) {
    return new QuadCell(integer(z, "z"), integer(x, "x"), integer(y, "y"));
  }

  private static int integer(String s, String locator) {
    if (s == null || !s.matches("\\d{1,9}")) {
      throw ApiException.invalidParameter(locator, "Tile " + locator + " must be a non-negative integer");
    }
    return Integer.parseInt(s);
  }

  public static long columns(int z) {
    return 2L << z;
  }

  public static long rows(int z) {
    return 1L << z;
  }

  /** Side of a cell at level z, degrees. */
  public static double sizeDeg(int z) {
    return 180.0 / (1L << z);
  }

  /** North–south side of a cell at level z in metres (on the equatorial radius: an upper bound for any latitude). */
  public static double sizeMetres(int z) {
    return Math.PI * Ecef.A / (1L << z);
  }

  /** Cells per degree at level z: the factor {@link Tiles3dSql} multiplies degrees by (a power of two over 180). */
  public static double cellsPerDegree(int z) {
    return (1L << z) / 180.0;
  }

  /** The column at level {@code fine} holding longitude {@code lonDeg}, clamped to the grid (same rule as the SQL). */
  public static long fineColumn(double lonDeg, int fine) {
    return Math.max(0, Math.min(columns(fine) - 1, (long) Math.floor((lonDeg + 180) * cellsPerDegree(fine))));
  }

  /** The row at level {@code fine} holding latitude {@code latDeg}, clamped to the grid (same rule as the SQL). */
  public static long fineRow(double latDeg, int fine) {
    return Math.max(0, Math.min(rows(fine) - 1, (long) Math.floor((90 - latDeg) * cellsPerDegree(fine))));
  }

  public double westDeg() {
    return -180 + x * sizeDeg(z);
  }

  public double eastDeg() {
    return -180 + (x + 1) * sizeDeg(z);
  }

  public double northDeg() {
    return 90 - y * sizeDeg(z);
  }

  public double southDeg() {
    return 90 - (y + 1) * sizeDeg(z);
  }

  /** The cell as a region from {@code minHeight} to {@code maxHeight} metres. */
  public BoundingRegion region(double minHeight, double maxHeight) {
    return BoundingRegion.fromDegrees(westDeg(), southDeg(), eastDeg(), northDeg(), minHeight, maxHeight);
  }

  /**
   * The local frame content of this cell is written in: east-north-up at the cell's centre on the ellipsoid.
   * Derived from the address alone, so tileset.json and the content agree even when built apart.
   */
  public LocalFrame frame() {
    return LocalFrame.at((westDeg() + eastDeg()) / 2, (southDeg() + northDeg()) / 2, 0);
  }

  /** The first column of this cell at a deeper level. */
  public long firstColumnAt(int fine) {
    return (long) x << (fine - z);
  }

  /** The first row of this cell at a deeper level. */
  public long firstRowAt(int fine) {
    return (long) y << (fine - z);
  }

  /** The ancestor at level {@code level} ≤ z of the fine cell (column, row) at level {@code fine}. */
  static QuadCell ancestor(long column, long row, int fine, int level) {
    return new QuadCell(level, (int) (column >> (fine - level)), (int) (row >> (fine - level)));
  }

  /** Relative content path {@code z/x/y}. */
  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
