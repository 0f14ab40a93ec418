package vn.citytwin.ogc.wms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** JTS geometry to a GeoJSON (RFC 7946) geometry object, coordinates as given (x first). */
final class GeoJsonGeometry {
  private GeoJsonGeometry() {}

  /** The GeoJSON geometry, or null for a null or empty geometry. */
  static JsonObject of(Geometry g) {
    if (g == null || g.isEmpty()) {
      return null;
    }
    if (g instanceof Point p) {
      return geom("Point", coord(p.getCoordinate()));
    }
    if (g instanceof LineString l) {
      return geom("LineString", coords(l.getCoordinates()));
    }
    if (g instanceof Polygon p) {
      return geom("Polygon", rings(p));
    }
    if (g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon) {
      JsonArray parts = new JsonArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        parts.add(part instanceof Point p ? coord(p.getCoordinate())
            : part instanceof Polygon p ? rings(p) : coords(part.getCoordinates()));
      }
      return geom(g.getGeometryType(), parts);
    }
    if (g instanceof GeometryCollection gc) {
      JsonArray members = new JsonArray();
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        JsonObject m = of(gc.getGeometryN(i));
        if (m != null) {
          members.add(m);
        }
      }
      return new JsonObject().put("type", "GeometryCollection").put("geometries", members);
    }
    throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
  }

  private static JsonObject geom(String type, JsonArray coordinates) {
    return new JsonObject().put("type", type).put("coordinates", coordinates);
  }

  private static JsonArray rings(Polygon p) {
    JsonArray rings = new JsonArray().add(coords(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings.add(coords(p.getInteriorRingN(i).getCoordinates()));
    }
    return rings;
  }

  private static JsonArray coords(Coordinate[] cs) {
    JsonArray a = new JsonArray();
    for (Coordinate c : cs) {
      a.add(coord(c));
    }
    return a;
  }

  private static JsonArray coord(Coordinate c) {
    return new JsonArray().add(round(c.x)).add(round(c.y));
  }

  /** Nine decimals: below a millimetre in degrees, and no float noise in metres. */
  private static double round(double v) {
    return Math.round(v * 1e9) / 1e9;
  }
}
