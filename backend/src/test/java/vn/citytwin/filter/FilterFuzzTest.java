package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * Property test with a fixed seed: generated, mutated and random CQL2/ECQL and FES inputs. Whatever the input,
 * parse(), toSql() and the evaluator throw nothing but clean ApiExceptions (never the safety net); and whenever SQL
 * is produced, its text is made only of field expressions, placeholders and fixed SQL words (so no literal from the
 * input can be in it), has one {@code ?} per parameter, and binds every literal of the filter.
 */
class FilterFuzzTest {
  private static final long SEED = 20261123L;

  private static final Set<String> SQL_WORDS = Set.of("AND", "OR", "NOT", "COALESCE", "FALSE", "TRUE", "IS",
      "NULL", "LIKE", "IN", "BETWEEN", "lower", "CAST", "AS", "text", "COLLATE", "ST_GeomFromWKB", "ST_Transform",
      "ST_Intersects", "ST_Equals", "ST_Disjoint", "ST_Touches", "ST_Within", "ST_Overlaps", "ST_Crosses",
      "ST_Contains", "ST_DWithin", "ST_Expand", "geography", "F");
  private static final Pattern SQL_TOKEN = Pattern.compile(
      "\\s+|\\?|\\(|\\)|,|::|&&|<>|<=|>=|=|<|>|\"C\"|[A-Za-z_]+");

  private static final String[] NUM_PROPS = {"height", "levels", "id"};
  private static final String[] STR_PROPS = {"name", "use_type"};
  private static final String[] ALL_PROPS = {"height", "levels", "id", "name", "use_type", "built", "updated",
      "is_public", "\"name\"", "unknown_prop", "geom"};
  private static final String[] SPATIAL = {"S_INTERSECTS", "S_EQUALS", "S_DISJOINT", "S_TOUCHES", "S_WITHIN",
      "S_OVERLAPS", "S_CROSSES", "S_CONTAINS", "INTERSECTS", "WITHIN", "CONTAINS"};
  private static final String[] UNITS = {"meters", "kilometers", "feet", "statute miles", "degrees", "'m'", "parsecs"};
  private static final String[] SNIPPETS = {"(", ")", "'", "\"", ",", " AND ", " OR ", "NOT ", "-", "1e999", "POINT(",
      "))", "%", "\\", "\u0000", "é", "∑", "\uD83D\uDE00", "99999999999999999999", " IS NULL", "BBOX(",
      "'EPSG:3857'", "NaN", "..", ";", "--", "/*", "?", "$1", "LIKE", "IN (", "DATE('", "TIMESTAMP(", "<", ">",
      "&", "<!DOCTYPE x>", "&amp;", "]]>", "<![CDATA[", "</fes:Filter>", "<fes:Not>", "srsName=\"EPSG:3857\" ",
      "<gml:pos>1 2</gml:pos>", "Infinity", "0x1p3", " ", "\n", "\t"};

  private final Random rnd = new Random(SEED);
  private int sqlProduced;
  private int parseErrors;

  // ---- the checks ----------------------------------------------------------------------------------------------

  private void check(String input, Function<String, Filter> parser) {
    Filter f;
    try {
      f = parser.apply(input);
    } catch (ApiException e) {
      assertClean(e, input);
      parseErrors++;
      return;
    } catch (Throwable t) {
      throw new AssertionError("parse threw " + t + " for input: " + input, t);
    }
    try {
      SqlFragment sql = FilterSqlWriter.toSql(f, TestFields.BUILDINGS);
      verifySql(sql, f, input);
      sqlProduced++;
    } catch (ApiException e) {
      assertClean(e, input);
    } catch (Throwable t) {
      throw new AssertionError("toSql threw " + t + " for input: " + input, t);
    }
    try {
      FilterEvaluator.test(f, randomFeature()::get, randomFootprint());
      FilterProperties.referenced(f);
    } catch (ApiException e) {
      assertClean(e, input);
    } catch (Throwable t) {
      throw new AssertionError("evaluation threw " + t + " for input: " + input, t);
    }
  }

  private static void assertClean(ApiException e, String input) {
    if (e.kind() != ErrorKind.INVALID_PARAMETER || !"filter".equals(e.locator()) || e.getCause() != null
        || e.getMessage() == null || e.getMessage().isBlank()
        || e.getMessage().equals(FilterErrors.UNEXPECTED)) {
      throw new AssertionError("unclean error for input: " + input, e);
    }
  }

  private static void verifySql(SqlFragment sql, Filter f, String input) {
    String text = sql.sql();
    long placeholders = text.chars().filter(c -> c == '?').count();
    assertThat(placeholders).as("placeholders for %s", input).isEqualTo(sql.params().size());
    String skeleton = text;
    for (FieldRef field : TestFields.FIELDS) {
      skeleton = skeleton.replace(field.sqlExpression(), " F ");
    }
    Matcher m = SQL_TOKEN.matcher(skeleton);
    int at = 0;
    while (at < skeleton.length()) {
      if (!m.find(at) || m.start() != at) {
        fail("SQL holds text outside the SQL vocabulary at " + at + ": " + text + "\ninput: " + input);
      }
      String token = m.group();
      if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
        if (!SQL_WORDS.contains(token)) {
          fail("SQL holds the word '" + token + "' from nowhere: " + text + "\ninput: " + input);
        }
      }
      at = m.end();
    }
    for (Object expected : expectedParams(f)) {
      boolean found = sql.params().stream().anyMatch(p -> p instanceof byte[] b && expected instanceof byte[] e
          ? Arrays.equals(b, e) : p.equals(expected));
      if (!found) {
        fail("literal " + expected + " is not among the parameters " + sql.params() + "\ninput: " + input);
      }
    }
  }

  /** The parameter each literal of {@code f} must be bound as (folded, id and constant predicates excepted). */
  private static List<Object> expectedParams(Filter f) {
    List<Object> out = new ArrayList<>();
    collect(f, out);
    return out;
  }

  private static void collect(Filter f, List<Object> out) {
    if (f instanceof Filter.And a) {
      a.filters().forEach(x -> collect(x, out));
    } else if (f instanceof Filter.Or o) {
      o.filters().forEach(x -> collect(x, out));
    } else if (f instanceof Filter.Not n) {
      collect(n.filter(), out);
    } else if (f instanceof Filter.Comparison c) {
      scalar(List.of(c.left(), c.right()), out);
    } else if (f instanceof Filter.Between b) {
      scalar(List.of(b.value(), b.lower(), b.upper()), out);
    } else if (f instanceof Filter.In in) {
      List<Expression> all = new ArrayList<>(in.list());
      all.add(0, in.value());
      scalar(all, out);
    } else if (f instanceof Filter.Like l && l.value() instanceof PropertyRef) {
      out.add(l.pattern());
    } else if (f instanceof Filter.Spatial s) {
      out.add(new WKBWriter(2).write(s.geometry().geometry()));
      out.add(s.geometry().srid());
      if (s.distance() != null) {
        out.add(s.distance().unit().isAngular() ? s.distance().value() : s.distance().metres());
      }
    } else if (f instanceof Filter.Temporal t) {
      FieldRef field = TestFields.BUILDINGS.resolve(t.property().name()).orElseThrow();
      // Only the bounds an operator looks at are bound: AFTER reads the end, BEFORE and EQUALS the start.
      Object start = t.op() == TemporalOp.AFTER ? null : t.start();
      Object end = t.op() == TemporalOp.BEFORE || t.op() == TemporalOp.EQUALS ? null : t.end();
      for (Object bound : new Object[] {start, end}) {
        if (bound != null) {
          out.add(LiteralBinder.bind(bound, field.type(), field.name()));
        }
      }
    }
  }

  private static void scalar(List<Expression> operands, List<Object> out) {
    FieldRef context = operands.stream().filter(e -> e instanceof PropertyRef)
        .map(e -> TestFields.BUILDINGS.resolve(((PropertyRef) e).name()).orElseThrow()).findFirst().orElse(null);
    if (context == null) {
      return;
    }
    for (Expression e : operands) {
      if (e instanceof Literal l) {
        out.add(LiteralBinder.bind(l.value(), context.type(), context.name()));
      }
    }
  }

  // ---- the runs ----------------------------------------------------------------------------------------------

  @Test
  void generatedCqlTranslatesSafely() {
    for (int i = 0; i < 4000; i++) {
      check(cqlPredicate(0), Cql2Parser::parse);
    }
    assertThat(sqlProduced).as("generated filters that made SQL").isGreaterThan(1500);
  }

  @Test
  void mutatedCqlOnlyFailsCleanly() {
    for (int i = 0; i < 6000; i++) {
      check(mutate(cqlPredicate(0)), Cql2Parser::parse);
    }
    assertThat(parseErrors).as("mutations rejected").isGreaterThan(1000);
    assertThat(sqlProduced).as("mutations still valid").isGreaterThan(300);
  }

  @Test
  void randomTokenSoupOnlyFailsCleanly() {
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + rnd.nextInt(25);
      for (int k = 0; k < n; k++) {
        b.append(pick(rnd.nextBoolean() ? SNIPPETS : ALL_PROPS)).append(rnd.nextInt(4) == 0 ? "" : " ");
        if (rnd.nextInt(5) == 0) {
          b.append(pick(new String[] {"=", "<>", ">=", "30", "'x1'", "AND", "OR", "NOT", "BETWEEN", "IN", "LIKE",
              "IS", "NULL", "TRUE", "S_INTERSECTS", "DWITHIN", "POLYGON((0 0, 1 0, 1 1, 0 0))", "CASEI"}));
        }
      }
      check(b.toString(), Cql2Parser::parse);
    }
    for (int i = 0; i < 1000; i++) {
      char[] chars = new char[rnd.nextInt(40)];
      for (int k = 0; k < chars.length; k++) {
        chars[k] = (char) rnd.nextInt(rnd.nextBoolean() ? 128 : 0xFFFF);
      }
      check(new String(chars), Cql2Parser::parse);
    }
  }

  @Test
  void generatedAndMutatedFesTranslateSafely() {
    for (int i = 0; i < 2000; i++) {
      check(fesDocument(), FesParser::parse);
    }
    int made = sqlProduced;
    assertThat(made).as("generated FES filters that made SQL").isGreaterThan(800);
    for (int i = 0; i < 4000; i++) {
      check(mutate(fesDocument()), FesParser::parse);
    }
    assertThat(parseErrors).as("FES mutations rejected").isGreaterThan(1000);
  }

  /** The WFS entry: unnamed geometry literals in the feature type's default CRS, latitude first. */
  @Test
  void fesWithALatitudeFirstDefaultCrsTranslatesSafely() {
    CrsName latFirst = CrsName.lookup("urn:ogc:def:crs:EPSG::4326").orElseThrow();
    for (int i = 0; i < 1000; i++) {
      check(fesDocument(), xml -> FesParser.parse(xml, latFirst));
    }
    assertThat(sqlProduced).as("generated FES filters that made SQL").isGreaterThan(400);
    for (int i = 0; i < 1000; i++) {
      check(mutate(fesDocument()), xml -> FesParser.parse(xml, latFirst));
    }
    assertThat(parseErrors).as("FES mutations rejected").isGreaterThan(250);
  }

  // ---- CQL generator -------------------------------------------------------------------------------------------

  private String cqlPredicate(int depth) {
    int r = rnd.nextInt(100);
    if (depth < 3 && r < 18) {
      return "(" + cqlPredicate(depth + 1) + (rnd.nextBoolean() ? " AND " : " or ") + cqlPredicate(depth + 1) + ")";
    }
    if (depth < 3 && r < 24) {
      return "NOT " + cqlPredicate(depth + 1);
    }
    switch (rnd.nextInt(14)) {
      case 0:
      case 1: {
        String p = pick(NUM_PROPS);
        return p + " " + pick(new String[] {"=", "<>", "<", "<=", ">", ">=", "!="}) + " " + numberOrWrong();
      }
      case 2: {
        String p = pick(STR_PROPS);
        return (rnd.nextBoolean() ? "\"" + p + "\"" : p) + " " + pick(new String[] {"=", "<>", "<", ">="}) + " "
            + quoted(randomText());
      }
      case 3:
        return pick(STR_PROPS) + (rnd.nextBoolean() ? " NOT" : "") + pick(new String[] {" LIKE ", " ILIKE "})
            + quoted(randomText());
      case 4:
        return pick(NUM_PROPS) + (rnd.nextBoolean() ? " NOT" : "") + " BETWEEN " + numberOrWrong() + " AND "
            + numberOrWrong();
      case 5:
        return rnd.nextBoolean() ? pick(STR_PROPS) + " IN (" + quoted(randomText()) + ", " + quoted(randomText())
            + ")" : pick(NUM_PROPS) + " IN (" + numberOrWrong() + ", " + numberOrWrong() + ")";
      case 6:
        return pick(ALL_PROPS) + (rnd.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      case 7:
        return pick(SPATIAL) + "(" + (rnd.nextInt(10) == 0 ? pick(ALL_PROPS) : "geom") + ", " + wkt() + ")";
      case 8: {
        double x = lon();
        double y = lat();
        String crs = pick(new String[] {"", ", 'EPSG:4326'", ", 'urn:ogc:def:crs:EPSG::4326'", ", 'EPSG:3857'",
            ", 'CRS:84'"});
        return "BBOX(geom, " + x + ", " + y + ", " + (x + rnd.nextDouble()) + ", " + (y + rnd.nextDouble()) + crs
            + ")";
      }
      case 9:
        return pick(new String[] {"DWITHIN", "BEYOND"}) + "(geom, POINT(" + lon() + " " + lat() + "), "
            + rnd.nextInt(5000) + ", " + pick(UNITS) + ")";
      case 10:
        return pick(new String[] {"T_AFTER", "T_BEFORE", "T_DURING", "T_INTERSECTS", "T_EQUALS"}) + "("
            + pick(new String[] {"built", "updated"}) + ", " + pick(new String[] {"DATE('2019-0" + (1 + rnd.nextInt(9))
            + "-1" + rnd.nextInt(10) + "')", "TIMESTAMP('2020-05-01T0" + rnd.nextInt(10) + ":00:00Z')",
            "INTERVAL('2018-01-01', '..')", "INTERVAL('..', '2021-12-31T23:59:59Z')"}) + ")";
      case 11:
        return "IN ('buildings." + rnd.nextInt(100) + "', '" + pick(new String[] {"roads.", "buildings.", ""})
            + rnd.nextInt(100) + "')";
      case 12:
        return "CASEI(" + pick(STR_PROPS) + ") = " + quoted(randomText());
      default:
        return pick(new String[] {"built > DATE('2015-0" + (1 + rnd.nextInt(9)) + "-01')", "is_public = TRUE",
            "updated < '2020-01-01T00:00:00Z'", "INCLUDE", "height > levels", "1 = " + rnd.nextInt(3)});
    }
  }

  private String numberOrWrong() {
    return switch (rnd.nextInt(8)) {
      case 0 -> quoted(randomText());
      case 1 -> "'" + rnd.nextInt(1000) + "'";
      case 2 -> "-" + rnd.nextInt(1000) + "." + rnd.nextInt(100);
      case 3 -> rnd.nextInt(100) + "e" + rnd.nextInt(5);
      default -> String.valueOf(rnd.nextInt(100_000));
    };
  }

  /** Text that always holds a digit, so it could never pass for SQL vocabulary. */
  private String randomText() {
    String alphabet = "ab xyzĐũ%_\\'\"?;-()=<>,.:Kháchsạn";
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(10);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    b.insert(rnd.nextInt(b.length() + 1), (char) ('0' + rnd.nextInt(10)));
    return b.toString();
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private double lon() {
    return rnd.nextInt(4) == 0 ? Math.round((rnd.nextDouble() * 358 - 179) * 1e4) / 1e4
        : 107.05 + Math.round(rnd.nextDouble() * 1e4) / 1e5;
  }

  private double lat() {
    return rnd.nextInt(4) == 0 ? Math.round((rnd.nextDouble() * 160 - 80) * 1e4) / 1e4
        : 10.32 + Math.round(rnd.nextDouble() * 1e4) / 1e5;
  }

  private String wkt() {
    double x = lon();
    double y = lat();
    double d = 0.001 + rnd.nextInt(100) / 1e4;
    String ring = "(" + x + " " + y + ", " + (x + d) + " " + y + ", " + (x + d) + " " + (y + d) + ", " + x + " " + y
        + ")";
    return switch (rnd.nextInt(7)) {
      case 0 -> "POINT(" + x + " " + y + ")";
      case 1 -> "LINESTRING(" + x + " " + y + ", " + (x + d) + " " + (y + d) + ")";
      case 2 -> "POLYGON(" + ring + ")";
      case 3 -> "MULTIPOINT((" + x + " " + y + "), (" + (x + d) + " " + y + "))";
      case 4 -> "MULTIPOLYGON((" + ring + "))";
      case 5 -> "GEOMETRYCOLLECTION(POINT(" + x + " " + y + "), LINESTRING(" + x + " " + y + ", " + (x + d) + " "
          + y + "))";
      default -> "BBOX(" + x + ", " + y + ", " + (x + d) + ", " + (y + d) + ")";
    };
  }

  // ---- FES generator -------------------------------------------------------------------------------------------

  private String fesDocument() {
    boolean fes2 = rnd.nextBoolean();
    String p = fes2 ? "fes" : "ogc";
    String ns = fes2 ? "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\""
        : "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"";
    return "<" + p + ":Filter " + ns + ">" + fesOperator(p, fes2, 0) + "</" + p + ":Filter>";
  }

  private String fesOperator(String p, boolean fes2, int depth) {
    String ref = fes2 ? "ValueReference" : "PropertyName";
    if (depth < 3 && rnd.nextInt(5) == 0) {
      String op = pick(new String[] {"And", "Or"});
      return "<" + p + ":" + op + ">" + fesOperator(p, fes2, depth + 1) + fesOperator(p, fes2, depth + 1) + "</"
          + p + ":" + op + ">";
    }
    if (depth < 3 && rnd.nextInt(8) == 0) {
      return "<" + p + ":Not>" + fesOperator(p, fes2, depth + 1) + "</" + p + ":Not>";
    }
    String prop = "<" + p + ":" + ref + ">" + pick(new String[] {"height", "levels", "name", "use_type", "built",
        "ns:name", "unknown_prop"}) + "</" + p + ":" + ref + ">";
    String lit = "<" + p + ":Literal>" + xml(rnd.nextBoolean() ? randomText() : String.valueOf(rnd.nextInt(500)))
        + "</" + p + ":Literal>";
    switch (rnd.nextInt(8)) {
      case 0:
      case 1: {
        String op = pick(new String[] {"PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
            "PropertyIsGreaterThanOrEqualTo"});
        return "<" + p + ":" + op + (rnd.nextBoolean() ? " matchCase=\"false\"" : "") + ">" + prop + lit + "</" + p
            + ":" + op + ">";
      }
      case 2:
        return "<" + p + ":PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">" + prop + lit + "</" + p
            + ":PropertyIsLike>";
      case 3:
        return "<" + p + ":PropertyIsBetween>" + prop + "<" + p + ":LowerBoundary>" + lit + "</" + p
            + ":LowerBoundary><" + p + ":UpperBoundary>" + lit + "</" + p + ":UpperBoundary></" + p
            + ":PropertyIsBetween>";
      case 4:
        return "<" + p + ":PropertyIsNull>" + prop + "</" + p + ":PropertyIsNull>";
      case 5:
        return fes2 ? "<fes:ResourceId rid=\"buildings." + rnd.nextInt(50) + "\"/>"
            : "<ogc:FeatureId fid=\"buildings." + rnd.nextInt(50) + "\"/>";
      case 6: {
        String srs = pick(new String[] {"urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "EPSG:3857", "CRS:84"});
        double x = lon();
        double y = lat();
        return "<" + p + ":BBOX><" + p + ":" + ref + ">geom</" + p + ":" + ref + "><gml:Envelope srsName=\"" + srs
            + "\"><gml:lowerCorner>" + x + " " + y + "</gml:lowerCorner><gml:upperCorner>" + (x + 0.01) + " "
            + (y + 0.01) + "</gml:upperCorner></gml:Envelope></" + p + ":BBOX>";
      }
      default: {
        String op = pick(new String[] {"Intersects", "Within", "Contains", "Disjoint", "DWithin", "Beyond"});
        boolean dist = op.equals("DWithin") || op.equals("Beyond");
        return "<" + p + ":" + op + "><" + p + ":" + ref + ">geom</" + p + ":" + ref + "><gml:Polygon><gml:exterior>"
            + "<gml:LinearRing><gml:posList>107.08 10.35 107.09 10.35 107.09 10.36 107.08 10.35</gml:posList>"
            + "</gml:LinearRing></gml:exterior></gml:Polygon>"
            + (dist ? "<" + p + ":Distance " + (fes2 ? "uom" : "units") + "=\"" + pick(new String[] {"m", "km", "ft",
            "deg"}) + "\">" + rnd.nextInt(1000) + "</" + p + ":Distance>" : "") + "</" + p + ":" + op + ">";
      }
    }
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---- mutation, features ------------------------------------------------------------------------------------

  private String mutate(String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = b.length() == 0 ? 0 : rnd.nextInt(b.length() + 1);
      switch (rnd.nextInt(5)) {
        case 0 -> {
          int end = Math.min(b.length(), at + 1 + rnd.nextInt(6));
          b.delete(at, end);
        }
        case 1 -> b.insert(at, pick(SNIPPETS));
        case 2 -> {
          int end = Math.min(b.length(), at + rnd.nextInt(12));
          b.insert(at, b.substring(at, end));
        }
        case 3 -> {
          if (b.length() > 1) {
            int i = rnd.nextInt(b.length() - 1);
            char c = b.charAt(i);
            b.setCharAt(i, b.charAt(i + 1));
            b.setCharAt(i + 1, c);
          }
        }
        default -> b.setLength(Math.min(b.length(), at));
      }
    }
    return b.toString();
  }

  private Map<String, Object> randomFeature() {
    Map<String, Object> p = new HashMap<>();
    if (rnd.nextInt(5) > 0) {
      p.put("height", rnd.nextDouble() * 100);
    }
    if (rnd.nextInt(5) > 0) {
      p.put("levels", rnd.nextInt(40));
    }
    if (rnd.nextInt(5) > 0) {
      p.put("name", randomText());
    }
    p.put("use_type", pick(new String[] {"hotel", "office", "residential"}));
    p.put("id", (long) rnd.nextInt(100));
    p.put("built", java.sql.Date.valueOf("2010-01-01").toLocalDate().plusDays(rnd.nextInt(5000)));
    p.put("is_public", rnd.nextBoolean());
    return p;
  }

  private Geometry randomFootprint() {
    if (rnd.nextInt(8) == 0) {
      return null;
    }
    double x = lon();
    double y = lat();
    try {
      return new WKTReader().read("POLYGON((" + x + " " + y + ", " + (x + 0.0005) + " " + y + ", " + (x + 0.0005)
          + " " + (y + 0.0005) + ", " + x + " " + (y + 0.0005) + ", " + x + " " + y + "))");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private String pick(String[] options) {
    return options[rnd.nextInt(options.length)];
  }
}
