package vn.citytwin.filter;

import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import vn.citytwin.core.error.ApiException;

/**
 * Builds {@link GeometryLiteral}s from WKT and boxes, in x=east/y=north order. Every check failure goes through
 * the caller's error factory, so CQL errors carry a column and FES errors an element path.
 */
final class Geometries {
  static final GeometryFactory FACTORY = new GeometryFactory();

  private Geometries() {}

  /** Reads WKT written in {@code crs} axis order; rejects empty, non-finite and invalid geometries. */
  static GeometryLiteral fromWkt(String wkt, CrsName crs, Function<String, ApiException> error) {
    Geometry g;
    try {
      g = new WKTReader(FACTORY).read(wkt);
    } catch (ParseException | RuntimeException e) {
      throw error.apply("invalid WKT geometry: " + safeMessage(e));
    }
    return literal(g, crs, error);
  }

  /** Wraps a geometry written in {@code crs} axis order after swapping to x=east and validating it. */
  static GeometryLiteral literal(Geometry g, CrsName crs, Function<String, ApiException> error) {
    if (g.isEmpty()) {
      throw error.apply("empty geometry literal");
    }
    for (Coordinate c : g.getCoordinates()) {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
        throw error.apply("geometry literal has a coordinate that is not a finite number");
      }
    }
    if (crs.northFirst()) {
      g = swapAxes(g);
    }
    TopologyValidationError invalid = new IsValidOp(g).getValidationError();
    if (invalid != null) {
      throw error.apply("geometry literal is not valid: " + invalid.getMessage()
          + (invalid.getCoordinate() != null ? " near " + invalid.getCoordinate().x + " "
          + invalid.getCoordinate().y : ""));
    }
    g.setSRID(crs.srid());
    return new GeometryLiteral(g, crs.srid());
  }

  /**
   * A box from corners given in {@code crs} axis order. In EPSG:4326 a box whose west edge is east of its east
   * edge crosses the antimeridian and becomes two boxes; elsewhere that is an error, as is south above north.
   */
  static GeometryLiteral box(double a1, double b1, double a2, double b2, CrsName crs,
      Function<String, ApiException> error) {
    double minx = crs.northFirst() ? b1 : a1;
    double miny = crs.northFirst() ? a1 : b1;
    double maxx = crs.northFirst() ? b2 : a2;
    double maxy = crs.northFirst() ? a2 : b2;
    for (double v : new double[] {minx, miny, maxx, maxy}) {
      if (!Double.isFinite(v)) {
        throw error.apply("box corner is not a finite number");
      }
    }
    if (miny > maxy) {
      throw error.apply("box has its lower corner above its upper corner (miny " + miny + " > maxy " + maxy + ")");
    }
    Geometry g;
    if (minx > maxx) {
      if (crs.srid() != GeometryLiteral.WGS84 || minx > 180 || maxx < -180) {
        throw error.apply("box has minx " + minx + " > maxx " + maxx);
      }
      Polygon east = (Polygon) FACTORY.toGeometry(new Envelope(minx, 180, miny, maxy));
      Polygon west = (Polygon) FACTORY.toGeometry(new Envelope(-180, maxx, miny, maxy));
      g = FACTORY.createMultiPolygon(new Polygon[] {east, west});
    } else {
      g = FACTORY.toGeometry(new Envelope(minx, maxx, miny, maxy));
    }
    g.setSRID(crs.srid());
    return new GeometryLiteral(g, crs.srid());
  }

  /** A copy of {@code g} with x and y exchanged. */
  static Geometry swapAxes(Geometry g) {
    Geometry copy = g.copy();
    copy.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        double x = seq.getOrdinate(i, 0);
        seq.setOrdinate(i, 0, seq.getOrdinate(i, 1));
        seq.setOrdinate(i, 1, x);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return copy;
  }

  /** A parser message fit for a client: one line, bounded length. */
  static String safeMessage(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replaceAll("\\s+", " ").trim();
    return m.length() > 120 ? m.substring(0, 117) + "..." : m;
  }
}
