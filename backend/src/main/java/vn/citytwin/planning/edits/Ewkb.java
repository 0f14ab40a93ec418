package vn.citytwin.planning.edits;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** JTS geometry → PostGIS EWKB (2D, SRID included) for binding as {@code ST_GeomFromEWKB(?)}. */
final class Ewkb {
  private Ewkb() {}

  static byte[] of(Geometry g) {
    return new WKBWriter(2, ByteOrderValues.BIG_ENDIAN, true).write(g);
  }
}
