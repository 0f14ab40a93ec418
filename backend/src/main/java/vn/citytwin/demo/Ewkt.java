package vn.citytwin.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Geometry as EWKT ({@code SRID=4326;…}) in COPY fields. Input is in {@link LocalFrame} metres; output is
 * EPSG:4326 lon/lat with {@link #DECIMALS} decimals (about 1 cm). Polygonal layers are snapped to that grid with
 * JTS before writing, so what PostGIS reads is exactly what was validated.
 */
final class Ewkt {
  static final int DECIMALS = 7;
  private static final PrecisionModel GRID = new PrecisionModel(1e7);
  private static final GeometryFactory GF = new GeometryFactory();

  private Ewkt() {}

  /** A polygonal geometry (local metres) in lon/lat, snapped to the output grid and valid; null when empty. */
  static MultiPolygon multiPolygon(Geometry local) {
    Geometry ll = LocalFrame.toLonLat(local);
    if (!ll.isValid()) {
      ll = GeometryFixer.fix(ll);
    }
    Geometry g = GeometryPrecisionReducer.reduce(ll, GRID);
    if (!g.isValid()) {
      g = GeometryFixer.fix(g);
    }
    g = Geography.polygonal(g);
    if (g.isEmpty()) {
      return null;
    }
    if (g instanceof MultiPolygon mp) {
      return mp;
    }
    if (g instanceof Polygon p) {
      return GF.createMultiPolygon(new Polygon[] {p});
    }
    Polygon[] ps = new Polygon[g.getNumGeometries()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = (Polygon) g.getGeometryN(i);
    }
    return GF.createMultiPolygon(ps);
  }

  /** Writes a lon/lat MultiPolygon. */
  static void multiPolygon(CopyRow row, MultiPolygon mp) {
    row.field().raw("SRID=4326;MULTIPOLYGON(");
    for (int i = 0; i < mp.getNumGeometries(); i++) {
      if (i > 0) {
        row.raw(",");
      }
      Polygon p = (Polygon) mp.getGeometryN(i);
      row.raw("(");
      ring(row, p.getExteriorRing().getCoordinates());
      for (int k = 0; k < p.getNumInteriorRing(); k++) {
        row.raw(",");
        ring(row, p.getInteriorRingN(k).getCoordinates());
      }
      row.raw(")");
    }
    row.raw(")");
  }

  private static void ring(CopyRow row, Coordinate[] cs) {
    row.raw("(");
    for (int i = 0; i < cs.length; i++) {
      if (i > 0) {
        row.raw(",");
      }
      row.fixed(cs[i].x, DECIMALS).raw(" ").fixed(cs[i].y, DECIMALS);
    }
    row.raw(")");
  }

  /** A point given in local metres. */
  static void point(CopyRow row, double x, double y) {
    row.field().raw("SRID=4326;POINT(").fixed(LocalFrame.lon(x), DECIMALS).raw(" ")
        .fixed(LocalFrame.lat(y), DECIMALS).raw(")");
  }

  /** A line string given in local metres. */
  static void line(CopyRow row, Coordinate[] local) {
    row.field().raw("SRID=4326;LINESTRING(");
    for (int i = 0; i < local.length; i++) {
      if (i > 0) {
        row.raw(",");
      }
      row.fixed(LocalFrame.lon(local[i].x), DECIMALS).raw(" ").fixed(LocalFrame.lat(local[i].y), DECIMALS);
    }
    row.raw(")");
  }

  static void line(CopyRow row, LineString local) {
    line(row, local.getCoordinates());
  }

  /** A simple polygon (one ring, closed here) given by local-metre vertex arrays. */
  static void polygon(CopyRow row, double[] xs, double[] ys, int n) {
    row.field().raw("SRID=4326;POLYGON((");
    for (int i = 0; i <= n; i++) {
      int k = i % n;
      if (i > 0) {
        row.raw(",");
      }
      row.fixed(LocalFrame.lon(xs[k]), DECIMALS).raw(" ").fixed(LocalFrame.lat(ys[k]), DECIMALS);
    }
    row.raw("))");
  }
}
