package vn.citytwin.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * The generator's working plane: an equirectangular projection of the pilot extent in metres, x east and y north,
 * origin at lon 107.00, lat 10.30 (the south-west corner of the DEM extent). Over the 20 km extent its scale error
 * is below 0.2 %, which is far below what synthetic data needs; every output coordinate is converted back to
 * EPSG:4326 (lon, lat) before it is written.
 */
final class LocalFrame {
  static final double LON0 = 107.0;
  static final double LAT0 = 10.30;
  /** Metres per degree of longitude at latitude 10.4° (WGS 84). */
  static final double MX = 109_500.0;
  /** Metres per degree of latitude at latitude 10.4° (WGS 84). */
  static final double MY = 110_610.0;

  private LocalFrame() {}

  static double x(double lon) {
    return (lon - LON0) * MX;
  }

  static double y(double lat) {
    return (lat - LAT0) * MY;
  }

  static double lon(double x) {
    return LON0 + x / MX;
  }

  static double lat(double y) {
    return LAT0 + y / MY;
  }

  /** A copy of {@code g} (lon/lat) in local metres. */
  static Geometry toLocal(Geometry g) {
    Geometry c = g.copy();
    c.apply(new Transform(true));
    return c;
  }

  /** A copy of {@code g} (local metres) in lon/lat. */
  static Geometry toLonLat(Geometry g) {
    Geometry c = g.copy();
    c.apply(new Transform(false));
    return c;
  }

  private record Transform(boolean toLocal) implements CoordinateSequenceFilter {
    @Override
    public void filter(CoordinateSequence seq, int i) {
      Coordinate c = seq.getCoordinate(i);
      if (toLocal) {
        seq.setOrdinate(i, 0, x(c.x));
        seq.setOrdinate(i, 1, y(c.y));
      } else {
        seq.setOrdinate(i, 0, lon(c.x));
        seq.setOrdinate(i, 1, lat(c.y));
      }
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
