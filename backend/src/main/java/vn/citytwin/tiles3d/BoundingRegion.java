package vn.citytwin.tiles3d;

/**
 * A 3D Tiles {@code region} bounding volume: west, south, east, north in radians (EPSG:4979 longitude/latitude)
 * and minimum/maximum height in metres above the WGS 84 ellipsoid. Regions crossing the antimeridian
 * (west &gt; east) are not supported by this project's tiling and are rejected.
 *
 * @throws IllegalArgumentException from the constructor for non-finite values, west &gt; east, south &gt; north,
 *     minHeight &gt; maxHeight or latitudes outside [−π/2, π/2]
 */
public record BoundingRegion(double west, double south, double east, double north, double minHeight, double maxHeight) {
  public BoundingRegion {
    if (!(Double.isFinite(west) && Double.isFinite(south) && Double.isFinite(east) && Double.isFinite(north)
        && Double.isFinite(minHeight) && Double.isFinite(maxHeight))) {
      throw new IllegalArgumentException("region values must be finite");
    }
    if (west > east || south > north || minHeight > maxHeight) {
      throw new IllegalArgumentException("region must have west <= east, south <= north, minHeight <= maxHeight");
    }
    if (south < -Math.PI / 2 || north > Math.PI / 2) {
      throw new IllegalArgumentException("region latitudes must lie within [-pi/2, pi/2]");
    }
  }

  /** A region from degrees (lon/lat) and metres. */
  public static BoundingRegion fromDegrees(double westDeg, double southDeg, double eastDeg, double northDeg,
      double minHeight, double maxHeight) {
    return new BoundingRegion(Math.toRadians(westDeg), Math.toRadians(southDeg), Math.toRadians(eastDeg),
        Math.toRadians(northDeg), minHeight, maxHeight);
  }

  /** True if {@code other} lies inside this region, allowing {@code epsRad} radians and {@code epsM} metres of slack. */
  public boolean contains(BoundingRegion other, double epsRad, double epsM) {
    return other.west >= west - epsRad && other.east <= east + epsRad
        && other.south >= south - epsRad && other.north <= north + epsRad
        && other.minHeight >= minHeight - epsM && other.maxHeight <= maxHeight + epsM;
  }

  /** The smallest region containing both. */
  public BoundingRegion union(BoundingRegion other) {
    return new BoundingRegion(Math.min(west, other.west), Math.min(south, other.south), Math.max(east, other.east),
        Math.max(north, other.north), Math.min(minHeight, other.minHeight), Math.max(maxHeight, other.maxHeight));
  }

  /** The six numbers in the order tileset.json expects. */
  public double[] toArray() {
    return new double[] {west, south, east, north, minHeight, maxHeight};
  }
}
