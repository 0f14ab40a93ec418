package vn.citytwin.edit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** JTS geometry → PostGIS EWKB (2D, SRID included) for binding as {@code ST_GeomFromEWKB(?)}. */
public final class Ewkb {
  private Ewkb() {}

  /** @param g a geometry with its SRID set (0 is written as EPSG:4326) */
  public static byte[] of(Geometry g) {
    if (g.getSRID() == 0) {
      g = g.copy();
      g.setSRID(4326);
    }
    return new WKBWriter(2, ByteOrderValues.BIG_ENDIAN, true).write(g);
  }
}
