package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
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

  private final Cql2Cursor c;
  private final Cql2Functions functions;

  private Cql2Parser(List<Cql2Token> tokens, CrsName crs) {
    this.c = new Cql2Cursor(tokens);
    this.functions = new Cql2Functions(c, crs);
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
    if (!c.peek().is(Kind.EOF)) {
      throw c.expected("AND, OR or end of input");
    }
    return f;
  }

  private Filter orExpr() {
    List<Filter> parts = new ArrayList<>();
    parts.add(andExpr());
    while (c.peek().isKeyword("OR")) {
      c.next();
      parts.add(andExpr());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
  }

  private Filter andExpr() {
    List<Filter> parts = new ArrayList<>();
    parts.add(notExpr());
    while (c.peek().isKeyword("AND")) {
      c.next();
      parts.add(notExpr());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
  }

  private Filter notExpr() {
    if (c.peek().isKeyword("NOT")) {
      Cql2Token not = c.next();
      c.enter(not);
      Filter f = notExpr();
      c.leave();
      return new Filter.Not(f);
    }
    return primary();
  }

  private Filter primary() {
    Cql2Token t = c.peek();
    if (t.is(Kind.LPAREN)) {
      c.enter(c.next());
      Filter f = orExpr();
      c.expect(Kind.RPAREN, "')'");
      c.leave();
      return f;
    }
    if (t.is(Kind.IDENT)) {
      String word = t.upper();
      boolean call = c.peek(1).is(Kind.LPAREN);
      if (call && Cql2Functions.SPATIAL.containsKey(word)) {
        return functions.spatial();
      }
      if (call && Cql2Functions.TEMPORAL.containsKey(word)) {
        return functions.temporal();
      }
      if (call && word.equals("IN")) {
        return functions.resourceIds();
      }
      if (endsPrimary(c.peek(1))) {
        switch (word) {
          case "TRUE", "INCLUDE" -> {
            c.next();
            return Filter.INCLUDE;
          }
          case "FALSE", "EXCLUDE" -> {
            c.next();
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
    Cql2Token t = c.peek();
    if (t.is(Kind.OP)) {
      c.next();
      Operand right = scalar();
      return new Filter.Comparison(op(t), left.expr(), right.expr(),
          !(left.caseInsensitive() || right.caseInsensitive()));
    }
    boolean not = false;
    if (t.isKeyword("NOT")) {
      c.next();
      not = true;
      t = c.peek();
    }
    Filter f;
    if (t.isKeyword("LIKE") || t.isKeyword("ILIKE")) {
      c.next();
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
      c.next();
      Operand lower = scalar();
      c.expectKeyword("AND");
      Operand upper = scalar();
      f = new Filter.Between(left.expr(), lower.expr(), upper.expr());
    } else if (t.isKeyword("IN")) {
      c.next();
      c.expect(Kind.LPAREN, "'(' after IN");
      List<Expression> list = new ArrayList<>();
      do {
        list.add(scalar().expr());
      } while (c.accept(Kind.COMMA));
      c.expect(Kind.RPAREN, "',' or ')'");
      f = new Filter.In(left.expr(), list);
    } else if (!not && t.isKeyword("IS")) {
      c.next();
      boolean isNot = false;
      if (c.peek().isKeyword("NOT")) {
        c.next();
        isNot = true;
      }
      c.expectKeyword("NULL");
      f = new Filter.IsNull(left.expr());
      not = isNot;
    } else {
      throw c.expected(not ? "LIKE, ILIKE, BETWEEN or IN after NOT"
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
    Cql2Token t = c.next();
    switch (t.kind()) {
      case STRING:
        return new Operand(new Literal(t.text()), false, t.offset());
      case NUMBER:
        return new Operand(new Literal(c.number(t, false)), false, t.offset());
      case MINUS:
      case PLUS: {
        Cql2Token n = c.next();
        if (!n.is(Kind.NUMBER)) {
          throw FilterErrors.atColumn(n.offset(), "expected a number after '" + t.text() + "' but found "
              + n.describe());
        }
        return new Operand(new Literal(c.number(n, t.is(Kind.MINUS))), false, t.offset());
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
    if (c.peek().is(Kind.LPAREN)) {
      switch (word) {
        case "DATE", "TIMESTAMP" -> {
          return new Operand(new Literal(c.temporalLiteral(t)), false, t.offset());
        }
        case "CASEI" -> {
          c.enter(c.next());
          Operand inner = scalar();
          c.expect(Kind.RPAREN, "')' to close CASEI(");
          c.leave();
          return new Operand(inner.expr(), true, t.offset());
        }
        default -> throw FilterErrors.atColumn(t.offset(), "function " + FilterErrors.quote(t.text())
            + " is not supported here (supported: DATE, TIMESTAMP, CASEI)");
      }
    }
    if (word.equals("TRUE") || word.equals("FALSE")) {
      return new Operand(new Literal(word.equals("TRUE")), false, t.offset());
    }
    if (Cql2Cursor.RESERVED.contains(word)) {
      throw FilterErrors.atColumn(t.offset(), "expected a property name or a literal but found keyword "
          + word + " (quote a property with that name: \"" + t.text() + "\")");
    }
    return new Operand(new PropertyRef(t.text()), false, t.offset());
  }
}
