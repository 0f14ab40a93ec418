package vn.citytwin.planning.simulation;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A local flat plane in metres around an origin: x east, y north, by the equirectangular approximation on a sphere
 * of the mean Earth radius. Over a few kilometres (one district, the reach of a building's shadow) distances and
 * directions are off by less than 0.1 %, far below what the shadow model needs, and it keeps the geometry in Java
 * without a projection library.
 *
 * <p>Input geometries are EPSG:4326 with x = longitude, y = latitude (degrees). Transforms return new geometries.
 */
public final class LocalPlane {
  /** Mean Earth radius (IUGG), metres. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private final double lon0;
  private final double lat0;
  private final double mPerDegLon;
  private final double mPerDegLat;

  public LocalPlane(double lonDeg, double latDeg) {
    this.lon0 = lonDeg;
    this.lat0 = latDeg;
    this.mPerDegLat = Math.toRadians(1) * EARTH_RADIUS_M;
    this.mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(latDeg));
  }

  /** A plane centred on the geometry's envelope centre. */
  public static LocalPlane around(Geometry lonLat) {
    var c = lonLat.getEnvelopeInternal().centre();
    return new LocalPlane(c.x, c.y);
  }

  public double originLon() {
    return lon0;
  }

  public double originLat() {
    return lat0;
  }

  /** Longitude/latitude (degrees) to local metres. */
  public Geometry toLocal(Geometry lonLat) {
    Geometry g = lonLat.copy();
    g.apply(new Transform(true));
    g.geometryChanged();
    return g;
  }

  /** Local metres to longitude/latitude (degrees). */
  public Geometry toLonLat(Geometry local) {
    Geometry g = local.copy();
    g.apply(new Transform(false));
    g.geometryChanged();
    return g;
  }

  public Coordinate toLocal(double lon, double lat) {
    return new Coordinate((lon - lon0) * mPerDegLon, (lat - lat0) * mPerDegLat);
  }

  public Coordinate toLonLat(double x, double y) {
    return new Coordinate(lon0 + x / mPerDegLon, lat0 + y / mPerDegLat);
  }

  private final class Transform implements CoordinateSequenceFilter {
    private final boolean forward;

    Transform(boolean forward) {
      this.forward = forward;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      double x = seq.getX(i);
      double y = seq.getY(i);
      if (forward) {
        seq.setOrdinate(i, 0, (x - lon0) * mPerDegLon);
        seq.setOrdinate(i, 1, (y - lat0) * mPerDegLat);
      } else {
        seq.setOrdinate(i, 0, lon0 + x / mPerDegLon);
        seq.setOrdinate(i, 1, lat0 + y / mPerDegLat);
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
