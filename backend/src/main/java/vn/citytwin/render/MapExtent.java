package vn.citytwin.render;

/**
 * The map to draw: a world rectangle in the target CRS and the image size. x is east (longitude), y north
 * (latitude), whatever the CRS's axis order: the WMS swaps axes before building this. Projected CRS units are
 * metres.
 *
 * @param crsIsGeographic true when x/y are degrees (EPSG:4326, CRS:84)
 * @throws IllegalArgumentException when the rectangle is empty or not finite, or a size is not positive
 */
public record MapExtent(double minX, double minY, double maxX, double maxY, int width, int height,
    boolean crsIsGeographic) {

  /** OGC standardized rendering pixel: 0.28 mm. */
  public static final double PIXEL_SIZE_M = 0.00028;
  /** WGS 84 semi-major axis, for degrees to metres. */
  private static final double EARTH_RADIUS_M = 6378137.0;

  public MapExtent {
    if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
      throw new IllegalArgumentException("extent must be finite");
    }
    if (!(maxX > minX && maxY > minY)) {
      throw new IllegalArgumentException("extent must have minX < maxX and minY < maxY");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
  }

  /**
   * Ground metres per pixel across the image width. For a geographic CRS, a degree of longitude is taken at the
   * extent's middle latitude: 6378137 m × π/180 × cos(lat).
   */
  public double metresPerPixel() {
    double unitsPerPixel = (maxX - minX) / width;
    if (!crsIsGeographic) {
      return unitsPerPixel;
    }
    double midLat = Math.max(-89.9, Math.min(89.9, (minY + maxY) / 2));
    return unitsPerPixel * Math.toRadians(1) * EARTH_RADIUS_M * Math.cos(Math.toRadians(midLat));
  }

  /** OGC scale denominator (0.28 mm pixel), as used by Min/MaxScaleDenominator and GetMap. */
  public double scaleDenominator() {
    return metresPerPixel() / PIXEL_SIZE_M;
  }
}
