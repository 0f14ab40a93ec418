package vn.citytwin.tiles3d;

/**
 * WGS 84 geodetic ↔ Earth-centred, Earth-fixed (ECEF, EPSG:4978) conversions and the east-north-up frame matrix
 * used as a 3D Tiles tile {@code transform}.
 *
 * <p>Geodetic input is longitude, latitude in degrees (this axis order) and height in metres above the WGS 84
 * ellipsoid (not above mean sea level: the caller adds the geoid undulation if its heights are orthometric). ECEF
 * is in metres. Methods are pure and thread-safe; they accept any finite input and do not validate ranges.
 */
public final class Ecef {
  /** WGS 84 semi-major axis, metres. */
  public static final double A = 6_378_137.0;
  /** WGS 84 flattening. */
  public static final double F = 1.0 / 298.257223563;
  /** First eccentricity squared. */
  public static final double E2 = F * (2.0 - F);
  /** Semi-minor axis, metres. */
  public static final double B = A * (1.0 - F);

  private Ecef() {}

  /** Geodetic (lonDeg, latDeg, hM) → ECEF {x, y, z} in metres. */
  public static double[] fromDegrees(double lonDeg, double latDeg, double hM) {
    double[] out = new double[3];
    fromRadians(Math.toRadians(lonDeg), Math.toRadians(latDeg), hM, out);
    return out;
  }

  /** Geodetic (lon, lat in radians, h metres) → ECEF written into {@code out[0..2]}; allocation-free. */
  public static void fromRadians(double lon, double lat, double h, double[] out) {
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double n = A / Math.sqrt(1.0 - E2 * sinLat * sinLat);
    out[0] = (n + h) * cosLat * Math.cos(lon);
    out[1] = (n + h) * cosLat * Math.sin(lon);
    out[2] = (n * (1.0 - E2) + h) * sinLat;
  }

  /**
   * ECEF (x, y, z) metres → geodetic {lonDeg, latDeg, hM}. Iterates the latitude to 1e-14 rad (sub-millimetre for
   * any point from the Earth's centre region out to geostationary orbit); the height formula is stable at the
   * poles. The Earth's centre itself maps to (0, 90, −b).
   */
  public static double[] toDegrees(double x, double y, double z) {
    double lon = Math.atan2(y, x);
    double p = Math.hypot(x, y);
    // Start from the geocentric-to-geodetic first guess; each step refines with the current prime-vertical radius.
    double lat = Math.atan2(z, p * (1.0 - E2));
    for (int i = 0; i < 20; i++) {
      double sinLat = Math.sin(lat);
      double n = A / Math.sqrt(1.0 - E2 * sinLat * sinLat);
      double next = Math.atan2(z + E2 * n * sinLat, p);
      boolean done = Math.abs(next - lat) < 1e-14;
      lat = next;
      if (done) {
        break;
      }
    }
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    // h = p cosφ + z sinφ − a²/N, written with N so it stays accurate at the poles where p/cosφ would not.
    double h = p * cosLat + z * sinLat - A * Math.sqrt(1.0 - E2 * sinLat * sinLat);
    return new double[] {Math.toDegrees(lon), Math.toDegrees(lat), h};
  }

  /**
   * The 4×4 matrix, column-major as glTF and 3D Tiles store it, taking east-north-up coordinates (metres) at the
   * given origin to ECEF: columns are the east, north and up unit vectors and the origin's ECEF position.
   */
  public static double[] enuToEcefMatrix(double lonDeg, double latDeg, double hM) {
    double lon = Math.toRadians(lonDeg);
    double lat = Math.toRadians(latDeg);
    double sinLon = Math.sin(lon);
    double cosLon = Math.cos(lon);
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double[] o = new double[3];
    fromRadians(lon, lat, hM, o);
    return new double[] {
      -sinLon, cosLon, 0, 0,
      -sinLat * cosLon, -sinLat * sinLon, cosLat, 0,
      cosLat * cosLon, cosLat * sinLon, sinLat, 0,
      o[0], o[1], o[2], 1
    };
  }
}
