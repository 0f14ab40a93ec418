package vn.citytwin.tiles3d;

/**
 * A local east-north-up (ENU) Cartesian frame tangent to the WGS 84 ellipsoid at an origin: x east, y north, z up,
 * in metres. Tile content is written in such a frame (small numbers that fit float32 without jitter), and
 * {@link #enuToEcef()} becomes the tile's {@code transform} in tileset.json.
 *
 * <p>Conversions go through ECEF, so they are exact (no flat-earth approximation): a point converted to local
 * coordinates and back through the matrix lands where it started to within floating-point rounding. The frame is
 * immutable and thread-safe. Choose the origin from the tile's quadtree bounds (not from its buildings) so that
 * tileset.json can state the transform before any content is built.
 */
public final class LocalFrame {
  private final double lonDeg;
  private final double latDeg;
  private final double heightM;
  private final double[] matrix;
  private final double ox;
  private final double oy;
  private final double oz;

  private LocalFrame(double lonDeg, double latDeg, double heightM) {
    this.lonDeg = lonDeg;
    this.latDeg = latDeg;
    this.heightM = heightM;
    this.matrix = Ecef.enuToEcefMatrix(lonDeg, latDeg, heightM);
    this.ox = matrix[12];
    this.oy = matrix[13];
    this.oz = matrix[14];
  }

  /**
   * The frame at an origin given in degrees (lon, lat) and metres above the ellipsoid.
   *
   * @throws IllegalArgumentException if a value is not finite or the latitude is outside [−90, 90]
   */
  public static LocalFrame at(double lonDeg, double latDeg, double heightM) {
    if (!Double.isFinite(lonDeg) || !Double.isFinite(latDeg) || !Double.isFinite(heightM)
        || Math.abs(latDeg) > 90) {
      throw new IllegalArgumentException("invalid frame origin " + lonDeg + ", " + latDeg + ", " + heightM);
    }
    return new LocalFrame(lonDeg, latDeg, heightM);
  }

  /** The frame at the centre of a region (longitude/latitude midpoint, height 0 on the ellipsoid). */
  public static LocalFrame centredOn(BoundingRegion region) {
    return at(Math.toDegrees((region.west() + region.east()) / 2), Math.toDegrees((region.south() + region.north()) / 2), 0);
  }

  public double lonDeg() {
    return lonDeg;
  }

  public double latDeg() {
    return latDeg;
  }

  public double heightM() {
    return heightM;
  }

  /** ENU → ECEF as a 4×4 column-major matrix (a fresh copy): the tile {@code transform}. */
  public double[] enuToEcef() {
    return matrix.clone();
  }

  /**
   * Converts a geodetic point (radians, metres above the ellipsoid) to local ENU metres in {@code pos[0..2]}, and
   * writes the ellipsoid's outward normal at that point, expressed in this frame, to {@code up[0..2]} (unit length).
   * Moving a point along {@code up} changes only its ellipsoidal height, which is how walls are extruded exactly.
   */
  public void project(double lon, double lat, double h, double[] pos, double[] up) {
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double sinLon = Math.sin(lon);
    double cosLon = Math.cos(lon);
    double n = Ecef.A / Math.sqrt(1.0 - Ecef.E2 * sinLat * sinLat);
    double dx = (n + h) * cosLat * cosLon - ox;
    double dy = (n + h) * cosLat * sinLon - oy;
    double dz = (n * (1.0 - Ecef.E2) + h) * sinLat - oz;
    pos[0] = dot(0, dx, dy, dz);
    pos[1] = dot(4, dx, dy, dz);
    pos[2] = dot(8, dx, dy, dz);
    double ux = cosLat * cosLon;
    double uy = cosLat * sinLon;
    double uz = sinLat;
    up[0] = dot(0, ux, uy, uz);
    up[1] = dot(4, ux, uy, uz);
    up[2] = dot(8, ux, uy, uz);
  }

  /** Local ENU metres → ECEF metres {x, y, z}. */
  public double[] toEcef(double e, double n, double u) {
    return new double[] {
      matrix[0] * e + matrix[4] * n + matrix[8] * u + ox,
      matrix[1] * e + matrix[5] * n + matrix[9] * u + oy,
      matrix[2] * e + matrix[6] * n + matrix[10] * u + oz
    };
  }

  // Column c of the matrix is the east (0), north (4) or up (8) unit vector; ECEF → ENU is its transpose.
  private double dot(int column, double x, double y, double z) {
    return matrix[column] * x + matrix[column + 1] * y + matrix[column + 2] * z;
  }
}
