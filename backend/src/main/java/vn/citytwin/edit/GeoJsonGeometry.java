package vn.citytwin.edit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.CrsName;

/**
 * The one GeoJSON geometry reader (scenario edits, OGC API – Features Part 4 bodies, planning and simulation
 * parameters): a GeoJSON geometry object (RFC 7946 §3.1) into a JTS geometry, x = east and y = north. By default
 * the coordinates are longitude/latitude in degrees (SRID 4326); a body in another CRS (Part 4 {@code Content-Crs})
 * gives its {@link CrsName}, whose axis order is undone. A third ordinate is dropped: the city layers are 2D
 * (heights are attributes).
 *
 * <p>Every structural problem (unknown type, a position that is not two finite numbers, in degrees a longitude
 * outside [-180, 180] or latitude outside [-90, 90], a line with fewer than 2 positions, a ring that is not closed
 * or has fewer than 4 positions, an empty geometry) is an invalid-parameter {@link ApiException} whose locator is
 * the given one. Topological validity (self-intersections…) is the validator's: {@link FeatureValidator#geometry}.
 */
public final class GeoJsonGeometry {
  /** EPSG:4326 with full double precision. */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private final String locator;
  private final CrsName crs;

  private GeoJsonGeometry(String locator, CrsName crs) {
    this.locator = locator;
    this.crs = crs;
  }

  /**
   * Reads longitude/latitude (RFC 7946).
   *
   * @param locator where the geometry sits in the request, e.g. {@code features[2].geometry}
   */
  public static Geometry read(JsonObject geometry, String locator) {
    return read(geometry, CrsName.CRS84, locator);
  }

  /**
   * Reads coordinates written in {@code crs} axis order (latitude first for {@code EPSG:4326}'s URI).
   *
   * @return x = east, y = north, with {@code crs}'s SRID
   */
  public static Geometry read(JsonObject geometry, CrsName crs, String locator) {
    Geometry g = new GeoJsonGeometry(locator, crs).geometry(geometry, 0);
    g.setSRID(crs.srid());
    return g;
  }

  private Geometry geometry(JsonObject g, int depth) {
    Object type = g.getValue("type");
    if (!(type instanceof String t)) {
      throw fail("a GeoJSON geometry needs a string 'type'");
    }
    if (t.equals("GeometryCollection")) {
      if (depth > 0) {
        throw fail("nested GeometryCollections are not supported");
      }
      JsonArray members = array(g.getValue("geometries"), "'geometries' must be an array");
      List<Geometry> parts = new ArrayList<>();
      for (Object m : members) {
        if (!(m instanceof JsonObject mo)) {
          throw fail("every member of 'geometries' must be a geometry object");
        }
        parts.add(geometry(mo, depth + 1));
      }
      if (parts.isEmpty()) {
        throw fail("the geometry is empty");
      }
      return FACTORY.createGeometryCollection(parts.toArray(new Geometry[0]));
    }
    JsonArray coords = array(g.getValue("coordinates"), "'coordinates' must be an array");
    return switch (t) {
      case "Point" -> FACTORY.createPoint(position(coords));
      case "LineString" -> line(coords);
      case "Polygon" -> polygon(coords);
      case "MultiPoint" -> FACTORY.createMultiPoint(nonEmpty(coords).stream()
          .map(p -> FACTORY.createPoint(position(array(p, "a MultiPoint holds positions")))).toArray(Point[]::new));
      case "MultiLineString" -> FACTORY.createMultiLineString(nonEmpty(coords).stream()
          .map(l -> line(array(l, "a MultiLineString holds lines"))).toArray(LineString[]::new));
      case "MultiPolygon" -> FACTORY.createMultiPolygon(nonEmpty(coords).stream()
          .map(p -> polygon(array(p, "a MultiPolygon holds polygons"))).toArray(Polygon[]::new));
      default -> throw fail("unknown GeoJSON geometry type '" + t + "'");
    };
  }

  private LineString line(JsonArray coords) {
    Coordinate[] pts = positions(coords);
    if (pts.length < 2) {
      throw fail("a LineString needs at least 2 positions");
    }
    return FACTORY.createLineString(pts);
  }

  private Polygon polygon(JsonArray rings) {
    List<LinearRing> parsed = new ArrayList<>();
    for (Object r : nonEmpty(rings)) {
      Coordinate[] pts = positions(array(r, "a Polygon holds rings (arrays of positions)"));
      if (pts.length < 4) {
        throw fail("a polygon ring needs at least 4 positions");
      }
      if (!pts[0].equals2D(pts[pts.length - 1])) {
        throw fail("a polygon ring must be closed (first position = last position)");
      }
      parsed.add(FACTORY.createLinearRing(pts));
    }
    return FACTORY.createPolygon(parsed.get(0), parsed.subList(1, parsed.size()).toArray(new LinearRing[0]));
  }

  private Coordinate[] positions(JsonArray coords) {
    Coordinate[] out = new Coordinate[coords.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = position(array(coords.getValue(i), "expected an array of positions"));
    }
    return out;
  }

  private Coordinate position(JsonArray p) {
    if (p.size() < 2 || p.size() > 3) {
      throw fail("a position is [longitude, latitude] (an optional third value is ignored)");
    }
    double a = number(p.getValue(0));
    double b = number(p.getValue(1));
    if (p.size() == 3) {
      number(p.getValue(2));
    }
    double x = crs.northFirst() ? b : a;
    double y = crs.northFirst() ? a : b;
    if (crs.srid() == 4326 && (x < -180 || x > 180 || y < -90 || y > 90)) {
      throw fail("position [" + x + ", " + y + "] is not a longitude/latitude in degrees (EPSG:4326)");
    }
    return new Coordinate(x, y);
  }

  private double number(Object v) {
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw fail("coordinates must be finite numbers");
  }

  private JsonArray nonEmpty(JsonArray a) {
    if (a.isEmpty()) {
      throw fail("the geometry is empty");
    }
    return a;
  }

  private JsonArray array(Object v, String message) {
    if (v instanceof JsonArray a) {
      return a;
    }
    if (v instanceof List<?> list) {
      return new JsonArray(new ArrayList<>(list));
    }
    throw fail(message);
  }

  private ApiException fail(String message) {
    return ApiException.invalidParameter(locator, "Invalid geometry: " + message);
  }
}
