package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.Cql2Token.Kind;

/**
 * The function-call predicates of CQL2/ECQL: spatial ({@code S_*}, ECQL {@code INTERSECTS}, {@code BBOX},
 * {@code DWITHIN}, {@code BEYOND}), temporal ({@code T_*}) and the ECQL feature-id list {@code IN (…)}. Geometry
 * literals are read in the filter CRS.
 */
final class Cql2Functions {
  static final Map<String, SpatialOp> SPATIAL = Map.ofEntries(
      Map.entry("S_INTERSECTS", SpatialOp.INTERSECTS), Map.entry("INTERSECTS", SpatialOp.INTERSECTS),
      Map.entry("S_EQUALS", SpatialOp.EQUALS), Map.entry("EQUALS", SpatialOp.EQUALS),
      Map.entry("S_DISJOINT", SpatialOp.DISJOINT), Map.entry("DISJOINT", SpatialOp.DISJOINT),
      Map.entry("S_TOUCHES", SpatialOp.TOUCHES), Map.entry("TOUCHES", SpatialOp.TOUCHES),
      Map.entry("S_WITHIN", SpatialOp.WITHIN), Map.entry("WITHIN", SpatialOp.WITHIN),
      Map.entry("S_OVERLAPS", SpatialOp.OVERLAPS), Map.entry("OVERLAPS", SpatialOp.OVERLAPS),
      Map.entry("S_CROSSES", SpatialOp.CROSSES), Map.entry("CROSSES", SpatialOp.CROSSES),
      Map.entry("S_CONTAINS", SpatialOp.CONTAINS), Map.entry("CONTAINS", SpatialOp.CONTAINS),
      Map.entry("BBOX", SpatialOp.BBOX),
      Map.entry("DWITHIN", SpatialOp.DWITHIN), Map.entry("S_DWITHIN", SpatialOp.DWITHIN),
      Map.entry("BEYOND", SpatialOp.BEYOND), Map.entry("S_BEYOND", SpatialOp.BEYOND));

  static final Map<String, TemporalOp> TEMPORAL = Map.of(
      "T_AFTER", TemporalOp.AFTER, "T_BEFORE", TemporalOp.BEFORE, "T_DURING", TemporalOp.DURING,
      "T_EQUALS", TemporalOp.EQUALS, "T_INTERSECTS", TemporalOp.INTERSECTS);

  private final Cql2Cursor c;
  private final CrsName crs;

  Cql2Functions(Cql2Cursor cursor, CrsName crs) {
    this.c = cursor;
    this.crs = crs;
  }

  // ---- spatial ------------------------------------------------------------------------------------------------

  Filter spatial() {
    Cql2Token name = c.next();
    SpatialOp op = SPATIAL.get(name.upper());
    c.enter(c.next());
    Filter f;
    if (op == SpatialOp.BBOX) {
      f = ecqlBbox();
    } else {
      Object a = geometryOperand();
      c.expect(Kind.COMMA, "','");
      Cql2Token second = c.peek();
      Object b = geometryOperand();
      if (a instanceof PropertyRef p && b instanceof GeometryLiteral g) {
        f = spatialWithDistance(op, p, g);
      } else if (a instanceof GeometryLiteral g && b instanceof PropertyRef p) {
        f = spatialWithDistance(op.converse(), p, g);
      } else if (a instanceof PropertyRef) {
        throw FilterErrors.atColumn(second.offset(), "comparing two geometry properties is not supported;"
            + " expected a geometry literal");
      } else {
        throw FilterErrors.atColumn(second.offset(), "expected a geometry property name: one argument of "
            + name.text() + " must be a property");
      }
    }
    c.expect(Kind.RPAREN, "')' to close " + name.text() + "(");
    c.leave();
    return f;
  }

  private Filter spatialWithDistance(SpatialOp op, PropertyRef p, GeometryLiteral g) {
    if (!op.needsDistance()) {
      return new Filter.Spatial(op, p, g, null);
    }
    c.expect(Kind.COMMA, "',' and a distance");
    Cql2Token at = c.peek();
    double value = c.signedNumber();
    if (value < 0) {
      throw FilterErrors.atColumn(at.offset(), "distance must not be negative");
    }
    c.expect(Kind.COMMA, "',' and distance units (meters, kilometers, feet, statute miles, nautical miles, degrees)");
    Cql2Token u = c.next();
    StringBuilder unit = new StringBuilder(u.text());
    if (u.is(Kind.IDENT)) {
      while (c.peek().is(Kind.IDENT)) {
        unit.append(' ').append(c.next().text());
      }
    } else if (!u.is(Kind.STRING)) {
      throw FilterErrors.atColumn(u.offset(), "expected distance units but found " + u.describe());
    }
    DistanceUnit du = DistanceUnit.lookup(unit.toString()).orElseThrow(() -> FilterErrors.atColumn(u.offset(),
        "unknown distance units " + FilterErrors.quote(unit.toString())
        + "; expected meters, kilometers, feet, statute miles, nautical miles or degrees"));
    return new Filter.Spatial(op, p, g, new Distance(value, du));
  }

  /** ECQL {@code BBOX(prop, minx, miny, maxx, maxy[, 'crs'])}; the opening parenthesis is consumed. */
  private Filter ecqlBbox() {
    Cql2Token propToken = c.peek();
    Object prop = geometryOperand();
    if (!(prop instanceof PropertyRef p)) {
      throw FilterErrors.atColumn(propToken.offset(), "expected a geometry property name as first argument of"
          + " BBOX");
    }
    Cql2Token first = null;
    double[] v = new double[4];
    for (int k = 0; k < 4; k++) {
      c.expect(Kind.COMMA, k == 0 ? "',' and minx" : "',' and four numbers minx, miny, maxx, maxy");
      first = first == null ? c.peek() : first;
      v[k] = c.signedNumber();
    }
    Cql2Token corner = first;
    CrsName boxCrs = crs;
    if (c.accept(Kind.COMMA)) {
      Cql2Token name = c.expect(Kind.STRING, "a quoted CRS name such as 'EPSG:4326'");
      boxCrs = CrsName.lookup(name.text()).orElseThrow(() -> FilterErrors.atColumn(name.offset(),
          "unknown CRS " + FilterErrors.quote(name.text()) + "; expected e.g. 'EPSG:4326'"));
    }
    GeometryLiteral box = Geometries.box(v[0], v[1], v[2], v[3], boxCrs,
        m -> FilterErrors.atColumn(corner.offset(), m));
    return new Filter.Spatial(SpatialOp.BBOX, p, box, null);
  }

  /** A property name (PropertyRef) or a geometry literal (GeometryLiteral): WKT, BBOX(…) or ENVELOPE(…). */
  private Object geometryOperand() {
    Cql2Token t = c.next();
    if (t.is(Kind.WKT)) {
      return Geometries.fromWkt(t.text(), crs, m -> FilterErrors.atColumn(t.offset(), m));
    }
    if (t.is(Kind.QUOTED_IDENT)) {
      return new PropertyRef(t.text());
    }
    if (t.is(Kind.IDENT)) {
      if (c.peek().is(Kind.LPAREN) && (t.isKeyword("BBOX") || t.isKeyword("ENVELOPE"))) {
        return boxLiteral(t);
      }
      if (!Cql2Cursor.RESERVED.contains(t.upper())) {
        return new PropertyRef(t.text());
      }
    }
    throw FilterErrors.atColumn(t.offset(), "expected a geometry property or a geometry literal"
        + " (POINT(…), POLYGON(…), BBOX(…)) but found " + t.describe());
  }

  /**
   * CQL2 {@code BBOX(x1, y1, x2, y2)} or {@code BBOX(x1, y1, z1, x2, y2, z2)} in the filter CRS; ECQL
   * {@code ENVELOPE(west, east, north, south)}.
   */
  private GeometryLiteral boxLiteral(Cql2Token keyword) {
    c.next();
    List<Double> v = new ArrayList<>();
    do {
      v.add(c.signedNumber());
    } while (c.accept(Kind.COMMA) && v.size() < 6);
    c.expect(Kind.RPAREN, "')'");
    java.util.function.Function<String, ApiException> err = m -> FilterErrors.atColumn(keyword.offset(), m);
    if (keyword.isKeyword("ENVELOPE")) {
      if (v.size() != 4) {
        throw err.apply("ENVELOPE needs 4 numbers (west, east, north, south)");
      }
      // Edges are named by direction, so the CRS axis order does not apply.
      return Geometries.box(v.get(0), v.get(3), v.get(1), v.get(2), new CrsName(crs.srid(), false), err);
    }
    if (v.size() == 4) {
      return Geometries.box(v.get(0), v.get(1), v.get(2), v.get(3), crs, err);
    }
    if (v.size() == 6) {
      return Geometries.box(v.get(0), v.get(1), v.get(3), v.get(4), crs, err);
    }
    throw err.apply("BBOX needs 4 numbers (minx, miny, maxx, maxy) or 6 with heights");
  }

  // ---- temporal and ids ---------------------------------------------------------------------------------------

  Filter temporal() {
    Cql2Token name = c.next();
    TemporalOp op = TEMPORAL.get(name.upper());
    c.enter(c.next());
    Cql2Token first = c.peek();
    Object a = temporalOperand();
    c.expect(Kind.COMMA, "','");
    Object b = temporalOperand();
    c.expect(Kind.RPAREN, "')' to close " + name.text() + "(");
    c.leave();
    if (a instanceof PropertyRef p && b instanceof Object[] bounds) {
      return new Filter.Temporal(op, p, bounds[0], bounds[1]);
    }
    if (a instanceof Object[] bounds && b instanceof PropertyRef p && op != TemporalOp.DURING) {
      TemporalOp swapped = op == TemporalOp.AFTER ? TemporalOp.BEFORE
          : op == TemporalOp.BEFORE ? TemporalOp.AFTER : op;
      return new Filter.Temporal(swapped, p, bounds[0], bounds[1]);
    }
    throw FilterErrors.atColumn(first.offset(), name.text() + " needs a date/timestamp property first and"
        + " a DATE(…), TIMESTAMP(…) or INTERVAL(…, …) literal second");
  }

  /** A PropertyRef, or the bounds {start, end} of an instant or interval ({@code '..'} is open). */
  private Object temporalOperand() {
    Cql2Token t = c.peek();
    if (t.is(Kind.QUOTED_IDENT) || (t.is(Kind.IDENT) && !c.peek(1).is(Kind.LPAREN))) {
      c.next();
      return new PropertyRef(t.text());
    }
    if (t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) {
      c.next();
      Object v = c.temporalLiteral(t);
      return new Object[] {v, v};
    }
    if (t.isKeyword("INTERVAL")) {
      c.next();
      c.expect(Kind.LPAREN, "'('");
      Object start = intervalBound();
      c.expect(Kind.COMMA, "','");
      Object end = intervalBound();
      c.expect(Kind.RPAREN, "')'");
      return new Object[] {start, end};
    }
    throw FilterErrors.atColumn(t.offset(), "expected a property, DATE(…), TIMESTAMP(…) or INTERVAL(…) but"
        + " found " + t.describe());
  }

  private Object intervalBound() {
    Cql2Token t = c.peek();
    if (t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) {
      c.next();
      return c.temporalLiteral(t);
    }
    Cql2Token s = c.expect(Kind.STRING, "a quoted date, timestamp or '..'");
    if (s.text().equals("..") || s.text().isEmpty()) {
      return null;
    }
    Object v = Values.parseTemporal(s.text());
    if (v == null) {
      throw FilterErrors.atColumn(s.offset(), "invalid interval bound " + FilterErrors.quote(s.text())
          + ": expected YYYY-MM-DD, an RFC 3339 timestamp or '..'");
    }
    return v;
  }

  /** ECQL feature-id filter {@code IN ('layer.1', 'layer.2')}. */
  Filter resourceIds() {
    c.next();
    c.enter(c.next());
    List<String> ids = new ArrayList<>();
    do {
      Cql2Token t = c.next();
      if (t.is(Kind.STRING) || t.is(Kind.NUMBER)) {
        ids.add(t.text());
      } else {
        throw FilterErrors.atColumn(t.offset(), "expected a quoted feature id such as 'buildings.42' but found "
            + t.describe());
      }
    } while (c.accept(Kind.COMMA));
    c.expect(Kind.RPAREN, "',' or ')'");
    c.leave();
    return new Filter.ResourceId(ids);
  }
}
