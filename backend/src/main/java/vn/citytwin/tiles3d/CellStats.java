package vn.citytwin.tiles3d;

/**
 * What the database says about the buildings of one fine quadtree cell (those whose footprint's bounding-box
 * centre lies in it): how many, the union of their footprints' bounding boxes (degrees, EPSG:4326 lon/lat) and
 * the lowest ground and highest top (metres above the WGS 84 ellipsoid).
 *
 * @param column the cell's column at the fine level
 * @param row the cell's row at the fine level (rows count southwards)
 * @throws IllegalArgumentException if count &lt; 1 or the box or heights are not ordered
 */
public record CellStats(long column, long row, long count, double westDeg, double southDeg, double eastDeg,
    double northDeg, double minHeightM, double maxHeightM) {

  public CellStats {
    if (count < 1) {
      throw new IllegalArgumentException("a cell with statistics holds at least one building");
    }
    if (!(westDeg <= eastDeg && southDeg <= northDeg && minHeightM <= maxHeightM)) {
      throw new IllegalArgumentException("cell box or heights out of order");
    }
  }

  /** The bounding region of the cell's buildings. */
  public BoundingRegion region() {
    return BoundingRegion.fromDegrees(westDeg, southDeg, eastDeg, northDeg, minHeightM, maxHeightM);
  }
}
