package vn.citytwin.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.Cql2Token.Kind;

/**
 * Hand-written recursive-descent parser for CQL2 text (Basic CQL2, Advanced Comparison, Basic Spatial, Spatial
 * Functions, Property-Property, CASEI, temporal T_* on instants) and the ECQL forms GeoServer users type:
 * {@code INTERSECTS(geom, POLYGON((…)))}, {@code BBOX(geom, minx, miny, maxx, maxy[, 'EPSG:xxxx'])},
 * {@code DWITHIN(geom, POINT(…), 100, meters)}, {@code BEYOND}, {@code IN ('layer.1', …)} (feature ids),
 * {@code ILIKE}, {@code !=}, {@code INCLUDE}/{@code EXCLUDE}. Keywords are case-insensitive; property names may be
 * double-quoted.
 *
 * <p>Geometry literals are read in the filter CRS (CRS84, x=longitude, unless another is given) and stored
 * x=east/y=north with that CRS's EPSG code. Input longer than {@link #MAX_LENGTH} characters or nested deeper than
 * {@link #MAX_DEPTH} levels is rejected.
 *
 * <p>Throws only {@link ApiException} (INVALID_PARAMETER, locator {@code filter}); messages give the 1-based
 * column and what was expected.
 */
public final class Cql2Parser {
  /** Longest filter text accepted, in characters. */
  public static final int MAX_LENGTH = 262_144;
  /** Deepest nesting of parentheses, NOT and functions accepted. */
  public static final int MAX_DEPTH = 64;

  private static final Map<String, SpatialOp> SPATIAL = Map.ofEntries(
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

  private static final Map<String, TemporalOp> TEMPORAL = Map.of(
      "T_AFTER", TemporalOp.AFTER, "T_BEFORE", TemporalOp.BEFORE, "T_DURING", TemporalOp.DURING,
      "T_EQUALS", TemporalOp.EQUALS, "T_INTERSECTS", TemporalOp.INTERSECTS);

  private static final java.util.Set<String> RESERVED = java.util.Set.of("AND", "OR", "NOT", "LIKE", "ILIKE",
      "BETWEEN", "IN", "IS", "NULL");

  private final List<Cql2Token> tokens;
  private final CrsName crs;
  private int pos;
  private int depth;

  private Cql2Parser(List<Cql2Token> tokens, CrsName crs) {
    this.tokens = tokens;
    this.crs = crs;
  }

  /** Parses CQL2 text / ECQL with geometry literals in CRS84. */
  public static Filter parse(String text) {
    return parse(text, CrsName.CRS84);
  }

  /**
   * Parses CQL2 text / ECQL with geometry literals in {@code filterCrs} (OGC API Features {@code filter-crs}).
   *
   * @throws ApiException INVALID_PARAMETER (locator {@code filter}) for null, blank, too long or malformed text
   */
  public static Filter parse(String text, CrsName filterCrs) {
    if (text == null || text.isBlank()) {
      throw FilterErrors.invalid("Empty filter: expected a predicate such as height > 30");
    }
    if (text.length() > MAX_LENGTH) {
      throw FilterErrors.invalid("Filter text is too long (more than " + MAX_LENGTH + " characters)");
    }
    try {
      return new Cql2Parser(Cql2Lexer.tokenize(text), filterCrs == null ? CrsName.CRS84 : filterCrs).all();
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw FilterErrors.unexpected(e);
    }
  }

  private Filter all() {
    Filter f = orExpr();
    if (!peek().is(Kind.EOF)) {
      throw expected("AND, OR or end of input");
    }
    return f;
  }

  private Filter orExpr() {
    List<Filter> parts = new ArrayList<>();
    parts.add(andExpr());
    while (peek().isKeyword("OR")) {
      next();
      parts.add(andExpr());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
  }

  private Filter andExpr() {
    List<Filter> parts = new ArrayList<>();
    parts.add(notExpr());
    while (peek().isKeyword("AND")) {
      next();
      parts.add(notExpr());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
  }

  private Filter notExpr() {
    if (peek().isKeyword("NOT")) {
      Cql2Token not = next();
      enter(not);
      Filter f = notExpr();
      depth--;
      return new Filter.Not(f);
    }
    return primary();
  }

  private Filter primary() {
    Cql2Token t = peek();
    if (t.is(Kind.LPAREN)) {
      enter(next());
      Filter f = orExpr();
      expect(Kind.RPAREN, "')'");
      depth--;
      return f;
    }
    if (t.is(Kind.IDENT)) {
      String word = t.upper();
      boolean call = peek(1).is(Kind.LPAREN);
      if (call && SPATIAL.containsKey(word)) {
        return spatial();
      }
      if (call && TEMPORAL.containsKey(word)) {
        return temporal();
      }
      if (call && word.equals("IN")) {
        return resourceIds();
      }
      if (endsPrimary(peek(1))) {
        switch (word) {
          case "TRUE", "INCLUDE" -> {
            next();
            return Filter.INCLUDE;
          }
          case "FALSE", "EXCLUDE" -> {
            next();
            return Filter.EXCLUDE;
          }
          default -> { }
        }
      }
    }
    return predicate();
  }

  private static boolean endsPrimary(Cql2Token t) {
    return t.is(Kind.EOF) || t.is(Kind.RPAREN) || t.isKeyword("AND") || t.isKeyword("OR");
  }

  /** A scalar operand and whether it was wrapped in CASEI(). */
  private record Operand(Expression expr, boolean caseInsensitive, int offset) {}

  private Filter predicate() {
    Operand left = scalar();
    Cql2Token t = peek();
    if (t.is(Kind.OP)) {
      next();
      Operand right = scalar();
      return new Filter.Comparison(op(t), left.expr(), right.expr(),
          !(left.caseInsensitive() || right.caseInsensitive()));
    }
    boolean not = false;
    if (t.isKeyword("NOT")) {
      next();
      not = true;
      t = peek();
    }
    Filter f;
    if (t.isKeyword("LIKE") || t.isKeyword("ILIKE")) {
      next();
      Operand pattern = scalar();
      if (!(pattern.expr() instanceof Literal lit) || !(lit.value() instanceof String p)) {
        throw FilterErrors.atColumn(pattern.offset(), "expected a quoted pattern after LIKE");
      }
      if (LikePattern.danglingEscape(p)) {
        throw FilterErrors.atColumn(pattern.offset(), "LIKE pattern ends with the escape character '\\'");
      }
      boolean matchCase = !(t.isKeyword("ILIKE") || left.caseInsensitive() || pattern.caseInsensitive());
      f = new Filter.Like(left.expr(), p, matchCase);
    } else if (t.isKeyword("BETWEEN")) {
      next();
      Operand lower = scalar();
      expectKeyword("AND");
      Operand upper = scalar();
      f = new Filter.Between(left.expr(), lower.expr(), upper.expr());
    } else if (t.isKeyword("IN")) {
      next();
      expect(Kind.LPAREN, "'(' after IN");
      List<Expression> list = new ArrayList<>();
      do {
        list.add(scalar().expr());
      } while (accept(Kind.COMMA));
      expect(Kind.RPAREN, "',' or ')'");
      f = new Filter.In(left.expr(), list);
    } else if (!not && t.isKeyword("IS")) {
      next();
      boolean isNot = false;
      if (peek().isKeyword("NOT")) {
        next();
        isNot = true;
      }
      expectKeyword("NULL");
      f = new Filter.IsNull(left.expr());
      not = isNot;
    } else {
      throw expected(not ? "LIKE, ILIKE, BETWEEN or IN after NOT"
          : "a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
    }
    return not ? new Filter.Not(f) : f;
  }

  private static ComparisonOp op(Cql2Token t) {
    return switch (t.text()) {
      case "=" -> ComparisonOp.EQ;
      case "<>", "!=" -> ComparisonOp.NE;
      case "<" -> ComparisonOp.LT;
      case "<=" -> ComparisonOp.LE;
      case ">" -> ComparisonOp.GT;
      default -> ComparisonOp.GE;
    };
  }

  private Operand scalar() {
    Cql2Token t = next();
    switch (t.kind()) {
      case STRING:
        return new Operand(new Literal(t.text()), false, t.offset());
      case NUMBER:
        return new Operand(new Literal(number(t, false)), false, t.offset());
      case MINUS:
      case PLUS: {
        Cql2Token n = next();
        if (!n.is(Kind.NUMBER)) {
          throw FilterErrors.atColumn(n.offset(), "expected a number after '" + t.text() + "' but found "
              + n.describe());
        }
        return new Operand(new Literal(number(n, t.is(Kind.MINUS))), false, t.offset());
      }
      case QUOTED_IDENT:
        return new Operand(new PropertyRef(t.text()), false, t.offset());
      case IDENT:
        return identOperand(t);
      case WKT:
        throw FilterErrors.atColumn(t.offset(), "a geometry literal can only be used inside a spatial predicate"
            + " such as S_INTERSECTS(geom, " + FilterErrors.quote(t.text()) + ")");
      default:
        throw FilterErrors.atColumn(t.offset(), "expected a property name or a literal but found "
            + t.describe());
    }
  }

  private Operand identOperand(Cql2Token t) {
    String word = t.upper();
    if (peek().is(Kind.LPAREN)) {
      switch (word) {
        case "DATE", "TIMESTAMP" -> {
          return new Operand(new Literal(temporalLiteral(t)), false, t.offset());
        }
        case "CASEI" -> {
          enter(next());
          Operand inner = scalar();
          expect(Kind.RPAREN, "')' to close CASEI(");
          depth--;
          return new Operand(inner.expr(), true, t.offset());
        }
        default -> throw FilterErrors.atColumn(t.offset(), "function " + FilterErrors.quote(t.text())
            + " is not supported here (supported: DATE, TIMESTAMP, CASEI)");
      }
    }
    if (word.equals("TRUE") || word.equals("FALSE")) {
      return new Operand(new Literal(word.equals("TRUE")), false, t.offset());
    }
    if (RESERVED.contains(word)) {
      throw FilterErrors.atColumn(t.offset(), "expected a property name or a literal but found keyword "
          + word + " (quote a property with that name: \"" + t.text() + "\")");
    }
    return new Operand(new PropertyRef(t.text()), false, t.offset());
  }

  /** DATE('YYYY-MM-DD') → LocalDate, TIMESTAMP('…Z') → Instant; the keyword token is already consumed. */
  private Object temporalLiteral(Cql2Token keyword) {
    expect(Kind.LPAREN, "'('");
    Cql2Token s = expect(Kind.STRING, "a quoted date or timestamp");
    expect(Kind.RPAREN, "')'");
    try {
      if (keyword.isKeyword("DATE")) {
        return LocalDate.parse(s.text().trim());
      }
    } catch (DateTimeParseException e) {
      throw FilterErrors.atColumn(s.offset(), "invalid date " + FilterErrors.quote(s.text())
          + ": expected YYYY-MM-DD");
    }
    Instant i = Values.parseInstant(s.text());
    if (i == null) {
      throw FilterErrors.atColumn(s.offset(), "invalid timestamp " + FilterErrors.quote(s.text())
          + ": expected an RFC 3339 date-time such as 2024-05-01T08:00:00Z");
    }
    return i;
  }

  private Object number(Cql2Token t, boolean negative) {
    String text = negative ? "-" + t.text() : t.text();
    boolean integral = t.text().chars().allMatch(c -> c >= '0' && c <= '9');
    try {
      if (integral) {
        return Long.parseLong(text);
      }
      double d = Double.parseDouble(text);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw FilterErrors.atColumn(t.offset(), "number " + FilterErrors.quote(text) + " is out of range");
    }
  }

  private double signedNumber() {
    Cql2Token t = peek();
    Object n;
    if (t.is(Kind.MINUS) || t.is(Kind.PLUS)) {
      next();
      Cql2Token d = expect(Kind.NUMBER, "a number");
      n = number(d, t.is(Kind.MINUS));
    } else {
      n = number(expect(Kind.NUMBER, "a number"), false);
    }
    return ((Number) n).doubleValue();
  }

  // ---- spatial ------------------------------------------------------------------------------------------------

  private Filter spatial() {
    Cql2Token name = next();
    SpatialOp op = SPATIAL.get(name.upper());
    enter(next());
    Filter f;
    if (op == SpatialOp.BBOX) {
      f = ecqlBbox();
    } else {
      Object a = geometryOperand();
      expect(Kind.COMMA, "','");
      Cql2Token second = peek();
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
    expect(Kind.RPAREN, "')' to close " + name.text() + "(");
    depth--;
    return f;
  }

  private Filter spatialWithDistance(SpatialOp op, PropertyRef p, GeometryLiteral g) {
    if (!op.needsDistance()) {
      return new Filter.Spatial(op, p, g, null);
    }
    expect(Kind.COMMA, "',' and a distance");
    Cql2Token at = peek();
    double value = signedNumber();
    if (value < 0) {
      throw FilterErrors.atColumn(at.offset(), "distance must not be negative");
    }
    expect(Kind.COMMA, "',' and distance units (meters, kilometers, feet, statute miles, nautical miles, degrees)");
    Cql2Token u = next();
    StringBuilder unit = new StringBuilder(u.text());
    if (u.is(Kind.IDENT)) {
      while (peek().is(Kind.IDENT)) {
        unit.append(' ').append(next().text());
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
    Cql2Token propToken = peek();
    Object prop = geometryOperand();
    if (!(prop instanceof PropertyRef p)) {
      throw FilterErrors.atColumn(propToken.offset(), "expected a geometry property name as first argument of"
          + " BBOX");
    }
    Cql2Token first = null;
    double[] v = new double[4];
    for (int k = 0; k < 4; k++) {
      expect(Kind.COMMA, k == 0 ? "',' and minx" : "',' and four numbers minx, miny, maxx, maxy");
      first = first == null ? peek() : first;
      v[k] = signedNumber();
    }
    Cql2Token corner = first;
    CrsName boxCrs = crs;
    if (accept(Kind.COMMA)) {
      Cql2Token c = expect(Kind.STRING, "a quoted CRS name such as 'EPSG:4326'");
      boxCrs = CrsName.lookup(c.text()).orElseThrow(() -> FilterErrors.atColumn(c.offset(),
          "unknown CRS " + FilterErrors.quote(c.text()) + "; expected e.g. 'EPSG:4326'"));
    }
    GeometryLiteral box = Geometries.box(v[0], v[1], v[2], v[3], boxCrs,
        m -> FilterErrors.atColumn(corner.offset(), m));
    return new Filter.Spatial(SpatialOp.BBOX, p, box, null);
  }

  /** A property name (PropertyRef) or a geometry literal (GeometryLiteral): WKT, BBOX(…) or ENVELOPE(…). */
  private Object geometryOperand() {
    Cql2Token t = next();
    if (t.is(Kind.WKT)) {
      return Geometries.fromWkt(t.text(), crs, m -> FilterErrors.atColumn(t.offset(), m));
    }
    if (t.is(Kind.QUOTED_IDENT)) {
      return new PropertyRef(t.text());
    }
    if (t.is(Kind.IDENT)) {
      if (peek().is(Kind.LPAREN) && (t.isKeyword("BBOX") || t.isKeyword("ENVELOPE"))) {
        return boxLiteral(t);
      }
      if (!RESERVED.contains(t.upper())) {
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
    next();
    List<Double> v = new ArrayList<>();
    do {
      v.add(signedNumber());
    } while (accept(Kind.COMMA) && v.size() < 6);
    expect(Kind.RPAREN, "')'");
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

  private Filter temporal() {
    Cql2Token name = next();
    TemporalOp op = TEMPORAL.get(name.upper());
    enter(next());
    Cql2Token first = peek();
    Object a = temporalOperand();
    expect(Kind.COMMA, "','");
    Object b = temporalOperand();
    expect(Kind.RPAREN, "')' to close " + name.text() + "(");
    depth--;
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
    Cql2Token t = peek();
    if (t.is(Kind.QUOTED_IDENT) || (t.is(Kind.IDENT) && !peek(1).is(Kind.LPAREN))) {
      next();
      return new PropertyRef(t.text());
    }
    if (t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) {
      next();
      Object v = temporalLiteral(t);
      return new Object[] {v, v};
    }
    if (t.isKeyword("INTERVAL")) {
      next();
      expect(Kind.LPAREN, "'('");
      Object start = intervalBound();
      expect(Kind.COMMA, "','");
      Object end = intervalBound();
      expect(Kind.RPAREN, "')'");
      return new Object[] {start, end};
    }
    throw FilterErrors.atColumn(t.offset(), "expected a property, DATE(…), TIMESTAMP(…) or INTERVAL(…) but"
        + " found " + t.describe());
  }

  private Object intervalBound() {
    Cql2Token t = peek();
    if (t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) {
      next();
      return temporalLiteral(t);
    }
    Cql2Token s = expect(Kind.STRING, "a quoted date, timestamp or '..'");
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
  private Filter resourceIds() {
    next();
    enter(next());
    List<String> ids = new ArrayList<>();
    do {
      Cql2Token t = next();
      if (t.is(Kind.STRING) || t.is(Kind.NUMBER)) {
        ids.add(t.text());
      } else {
        throw FilterErrors.atColumn(t.offset(), "expected a quoted feature id such as 'buildings.42' but found "
            + t.describe());
      }
    } while (accept(Kind.COMMA));
    expect(Kind.RPAREN, "',' or ')'");
    depth--;
    return new Filter.ResourceId(ids);
  }

  // ---- token plumbing -----------------------------------------------------------------------------------------

  private Cql2Token peek() {
    return tokens.get(pos);
  }

  private Cql2Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Cql2Token next() {
    Cql2Token t = tokens.get(pos);
    if (!t.is(Kind.EOF)) {
      pos++;
    }
    return t;
  }

  private boolean accept(Kind k) {
    if (peek().is(k)) {
      next();
      return true;
    }
    return false;
  }

  private Cql2Token expect(Kind k, String what) {
    if (!peek().is(k)) {
      throw expected(what);
    }
    return next();
  }

  private void expectKeyword(String keyword) {
    if (!peek().isKeyword(keyword)) {
      throw expected(keyword);
    }
    next();
  }

  private ApiException expected(String what) {
    Cql2Token t = peek();
    return FilterErrors.atColumn(t.offset(), "expected " + what + " but found " + t.describe());
  }

  private void enter(Cql2Token at) {
    if (++depth > MAX_DEPTH) {
      throw FilterErrors.atColumn(at.offset(), "filter is nested too deeply (more than " + MAX_DEPTH
          + " levels)");
    }
  }
}
