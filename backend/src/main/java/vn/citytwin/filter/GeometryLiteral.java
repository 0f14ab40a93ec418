package vn.citytwin.filter;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry literal with its CRS. Coordinates are always in x=east (longitude), y=north (latitude) order,
 * whatever axis order the request used; {@code srid} is the EPSG code (4326 for CRS:84 and when none was given).
 * The geometry is non-empty with finite coordinates. Treat it as immutable.
 */
public record GeometryLiteral(Geometry geometry, int srid) {
  /** The default CRS of literals and the CRS layer geometries are stored in. */
  public static final int WGS84 = 4326;

  public GeometryLiteral {
    Objects.requireNonNull(geometry, "geometry");
    if (srid <= 0) {
      throw new IllegalArgumentException("srid must be positive");
    }
    if (geometry.isEmpty()) {
      throw new IllegalArgumentException("geometry literal is empty");
    }
  }
}
