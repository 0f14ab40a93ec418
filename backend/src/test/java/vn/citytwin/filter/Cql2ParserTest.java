package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

class Cql2ParserTest {

  static Stream<Arguments> basicCql2() {
    return Stream.of(
        Arguments.of("height > 30", "GT(height, 30)"),
        Arguments.of("height >= 30.5", "GE(height, 30.5)"),
        Arguments.of("height < -3", "LT(height, -3)"),
        Arguments.of("height <= -3.5e2", "LE(height, -350.0)"),
        Arguments.of("use_type = 'hotel'", "EQ(use_type, 'hotel')"),
        Arguments.of("use_type <> 'hotel'", "NE(use_type, 'hotel')"),
        Arguments.of("name = 'O''Brien'", "EQ(name, 'O'Brien')"),
        Arguments.of("name = ''", "EQ(name, '')"),
        Arguments.of("\"height\" > 30", "GT(height, 30)"),
        Arguments.of("\"Tên \"\"tòa\"\" nhà\" = 'x'", "EQ(Tên \"tòa\" nhà, 'x')"),
        Arguments.of("30 < height", "LT(30, height)"),
        Arguments.of("height > levels", "GT(height, levels)"),
        Arguments.of("height > 30 AND use_type = 'hotel'", "AND(GT(height, 30), EQ(use_type, 'hotel'))"),
        Arguments.of("a = 1 OR b = 2 AND c = 3", "OR(EQ(a, 1), AND(EQ(b, 2), EQ(c, 3)))"),
        Arguments.of("(a = 1 OR b = 2) AND c = 3", "AND(OR(EQ(a, 1), EQ(b, 2)), EQ(c, 3))"),
        Arguments.of("a = 1 AND b = 2 AND c = 3", "AND(EQ(a, 1), EQ(b, 2), EQ(c, 3))"),
        Arguments.of("NOT a = 1", "NOT(EQ(a, 1))"),
        Arguments.of("NOT (a = 1 OR b = 2)", "NOT(OR(EQ(a, 1), EQ(b, 2)))"),
        Arguments.of("not a = 1 and b = 2", "AND(NOT(EQ(a, 1)), EQ(b, 2))"),
        Arguments.of("name IS NULL", "ISNULL(name)"),
        Arguments.of("name is not null", "NOT(ISNULL(name))"),
        Arguments.of("flag = TRUE", "EQ(flag, true)"),
        Arguments.of("flag = false", "EQ(flag, false)"),
        Arguments.of("built > DATE('2020-01-01')", "GT(built, DATE(2020-01-01))"),
        Arguments.of("updated < TIMESTAMP('2024-05-01T08:00:00Z')", "LT(updated, TIMESTAMP(2024-05-01T08:00:00Z))"),
        Arguments.of("updated < TIMESTAMP('2024-05-01T15:00:00+07:00')",
            "LT(updated, TIMESTAMP(2024-05-01T08:00:00Z))"),
        Arguments.of("TRUE", "INCLUDE"),
        Arguments.of("false", "EXCLUDE"),
        Arguments.of("INCLUDE", "INCLUDE"),
        Arguments.of("EXCLUDE OR a = 1", "OR(EXCLUDE, EQ(a, 1))"),
        Arguments.of("date = 3", "EQ(date, 3)"),
        Arguments.of("ns:height > 3", "GT(ns:height, 3)"));
  }

  static Stream<Arguments> advancedComparison() {
    return Stream.of(
        Arguments.of("name LIKE 'Vũng%'", "LIKE(name, 'Vũng%')"),
        Arguments.of("name NOT LIKE '_a%'", "NOT(LIKE(name, '_a%'))"),
        Arguments.of("name LIKE '100\\%'", "LIKE(name, '100\\%')"),
        Arguments.of("name ILIKE 'hotel%'", "LIKE(name, 'hotel%', ci)"),
        Arguments.of("height BETWEEN 10 AND 20", "BETWEEN(height, 10, 20)"),
        Arguments.of("height NOT BETWEEN 10 AND 20.5", "NOT(BETWEEN(height, 10, 20.5))"),
        Arguments.of("height BETWEEN 10 AND 20 AND a = 1", "AND(BETWEEN(height, 10, 20), EQ(a, 1))"),
        Arguments.of("use_type IN ('hotel', 'office')", "IN(use_type, ['hotel', 'office'])"),
        Arguments.of("levels NOT IN (1, 2, 3)", "NOT(IN(levels, [1, 2, 3]))"),
        Arguments.of("CASEI(name) = CASEI('Hotel')", "EQ(name, 'Hotel', ci)"),
        Arguments.of("CASEI(name) LIKE CASEI('ho%')", "LIKE(name, 'ho%', ci)"),
        Arguments.of("name != 'x'", "NE(name, 'x')"));
  }

  static Stream<Arguments> spatial() {
    return Stream.of(
        Arguments.of("S_INTERSECTS(geom, POINT(107.08 10.35))", "INTERSECTS(geom, POINT (107.08 10.35) @4326)"),
        Arguments.of("S_INTERSECTS(geom, BBOX(107.0, 10.3, 107.1, 10.4))",
            "INTERSECTS(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of("S_INTERSECTS(geom, BBOX(107.0, 10.3, 0, 107.1, 10.4, 50))",
            "INTERSECTS(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of("s_equals(geom, POINT(1 2))", "EQUALS(geom, POINT (1 2) @4326)"),
        Arguments.of("S_DISJOINT(geom, MULTIPOINT((1 2), (3 4)))", "DISJOINT(geom, MULTIPOINT ((1 2), (3 4)) @4326)"),
        Arguments.of("S_TOUCHES(geom, LINESTRING(0 0, 1 1))", "TOUCHES(geom, LINESTRING (0 0, 1 1) @4326)"),
        Arguments.of("S_WITHIN(geom, POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2)))",
            "WITHIN(geom, POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2)) @4326)"),
        Arguments.of("S_OVERLAPS(geom, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))",
            "OVERLAPS(geom, MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))) @4326)"),
        Arguments.of("S_CROSSES(geom, MULTILINESTRING((0 0, 1 1), (2 2, 3 3)))",
            "CROSSES(geom, MULTILINESTRING ((0 0, 1 1), (2 2, 3 3)) @4326)"),
        Arguments.of("S_CONTAINS(geom, GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 2 2)))",
            "CONTAINS(geom, GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 2 2)) @4326)"),
        Arguments.of("S_WITHIN(POLYGON((0 0, 1 0, 1 1, 0 0)), geom)",
            "CONTAINS(geom, POLYGON ((0 0, 1 0, 1 1, 0 0)) @4326)"),
        Arguments.of("S_INTERSECTS(POINT(1 2), \"the geom\")", "INTERSECTS(the geom, POINT (1 2) @4326)"),
        Arguments.of("S_INTERSECTS(geom, POINT Z(1 2 3))", "INTERSECTS(geom, POINT (1 2) @4326)"));
  }

  static Stream<Arguments> ecql() {
    return Stream.of(
        Arguments.of("INTERSECTS(geom, POLYGON((107 10, 108 10, 108 11, 107 10)))",
            "INTERSECTS(geom, POLYGON ((107 10, 108 10, 108 11, 107 10)) @4326)"),
        Arguments.of("BBOX(geom, 107.0, 10.3, 107.1, 10.4)",
            "BBOX(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of("BBOX(geom, 107.0, 10.3, 107.1, 10.4, 'EPSG:4326')",
            "BBOX(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of("bbox(geom, 10.3, 107.0, 10.4, 107.1, 'urn:ogc:def:crs:EPSG::4326')",
            "BBOX(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of("BBOX(geom, 11900000, 1150000, 11920000, 1160000, 'EPSG:3857')",
            "BBOX(geom, POLYGON ((11900000 1150000, 11900000 1160000, 11920000 1160000, 11920000 1150000,"
                + " 11900000 1150000)) @3857)"),
        Arguments.of("BBOX(geom, 179, -10, -179, 10)",
            "BBOX(geom, MULTIPOLYGON (((179 -10, 179 10, 180 10, 180 -10, 179 -10)),"
                + " ((-180 -10, -180 10, -179 10, -179 -10, -180 -10))) @4326)"),
        Arguments.of("DWITHIN(geom, POINT(107.08 10.35), 100, meters)",
            "DWITHIN(geom, POINT (107.08 10.35) @4326, 100.0 METRE)"),
        Arguments.of("DWITHIN(geom, POINT(107.08 10.35), 1.5, kilometers)",
            "DWITHIN(geom, POINT (107.08 10.35) @4326, 1.5 KILOMETRE)"),
        Arguments.of("BEYOND(geom, POINT(107.08 10.35), 300, feet)",
            "BEYOND(geom, POINT (107.08 10.35) @4326, 300.0 FOOT)"),
        Arguments.of("DWITHIN(geom, POINT(1 2), 2, statute miles)", "DWITHIN(geom, POINT (1 2) @4326, 2.0 STATUTE_MILE)"),
        Arguments.of("DWITHIN(geom, POINT(1 2), 0.01, 'degrees')", "DWITHIN(geom, POINT (1 2) @4326, 0.01 DEGREE)"),
        Arguments.of("S_INTERSECTS(geom, ENVELOPE(107.0, 107.1, 10.4, 10.3))",
            "INTERSECTS(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of("IN ('buildings.1', 'buildings.2')", "ID[buildings.1, buildings.2]"),
        Arguments.of("NOT IN ('buildings.1')", "NOT(ID[buildings.1])"),
        Arguments.of("height > 30 AND INTERSECTS(geom, POINT(1 2))",
            "AND(GT(height, 30), INTERSECTS(geom, POINT (1 2) @4326))"));
  }

  static Stream<Arguments> temporal() {
    return Stream.of(
        Arguments.of("T_AFTER(built, DATE('2020-01-01'))", "T_AFTER(built, 2020-01-01, 2020-01-01)"),
        Arguments.of("T_BEFORE(updated, TIMESTAMP('2024-01-01T00:00:00Z'))",
            "T_BEFORE(updated, 2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z)"),
        Arguments.of("T_DURING(updated, INTERVAL('2024-01-01T00:00:00Z', '..'))",
            "T_DURING(updated, 2024-01-01T00:00:00Z, null)"),
        Arguments.of("T_INTERSECTS(built, INTERVAL('2020-01-01', '2020-12-31'))",
            "T_INTERSECTS(built, 2020-01-01, 2020-12-31)"),
        Arguments.of("T_AFTER(DATE('2020-01-01'), built)", "T_BEFORE(built, 2020-01-01, 2020-01-01)"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource({"basicCql2", "advancedComparison", "spatial", "ecql", "temporal"})
  void parses(String cql, String expected) {
    assertThat(Ast.show(Cql2Parser.parse(cql))).isEqualTo(expected);
  }

  @Test
  void filterCrsWithLatitudeFirstSwapsLiteralAxes() {
    CrsName urn4326 = CrsName.lookup("http://www.opengis.net/def/crs/EPSG/0/4326").orElseThrow();
    assertThat(Ast.show(Cql2Parser.parse("S_INTERSECTS(geom, POINT(10.35 107.08))", urn4326)))
        .isEqualTo("INTERSECTS(geom, POINT (107.08 10.35) @4326)");
    assertThat(Ast.show(Cql2Parser.parse("S_INTERSECTS(geom, BBOX(10.3, 107.0, 10.4, 107.1))", urn4326)))
        .isEqualTo("INTERSECTS(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)");
    CrsName mercator = CrsName.lookup("EPSG:3857").orElseThrow();
    assertThat(Ast.show(Cql2Parser.parse("S_INTERSECTS(geom, POINT(11920000 1158000))", mercator)))
        .isEqualTo("INTERSECTS(geom, POINT (11920000 1158000) @3857)");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("height >", "column 9: expected a property name or a literal but found end of input"),
        Arguments.of("height > 30 AND", "column 16: expected a property name or a literal but found end of input"),
        Arguments.of("(height > 30", "column 13: expected ')' but found end of input"),
        Arguments.of("height 30", "column 8: expected a comparison operator"),
        Arguments.of("name = 'abc", "column 8: string is not closed"),
        Arguments.of("\"name = 'abc'", "column 1: quoted name is not closed"),
        Arguments.of("height > 30 foo", "column 13: expected AND, OR or end of input but found 'foo'"),
        Arguments.of("name $ 3", "column 6: unexpected character '$'"),
        Arguments.of("AND = 3", "column 1: expected a property name or a literal but found keyword AND"),
        Arguments.of("foo(3) = 2", "column 1: function 'foo' is not supported"),
        Arguments.of("height > 99999999999999999999", "column 10: number '99999999999999999999' is out of range"),
        Arguments.of("built > DATE('2020-13-01')", "column 14: invalid date '2020-13-01'"),
        Arguments.of("t > TIMESTAMP('noon')", "column 15: invalid timestamp"),
        Arguments.of("name LIKE 'abc\\'", "column 11: LIKE pattern ends with the escape character"),
        Arguments.of("name LIKE 3", "column 11: expected a quoted pattern after LIKE"),
        Arguments.of("height BETWEEN 1 OR 2", "column 18: expected AND but found 'OR'"),
        Arguments.of("use_type IN ('a' 'b')", "column 18: expected ',' or ')'"),
        Arguments.of("name IS 3", "column 9: expected NULL but found '3'"),
        Arguments.of("S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1)))", "column 20: invalid WKT geometry"),
        Arguments.of("S_INTERSECTS(geom, POLYGON((0 0, 1 0, 0 1, 1 1, 0 0)))",
            "column 20: geometry literal is not valid: Self-intersection"),
        Arguments.of("S_INTERSECTS(geom, POINT(1 2)", "column 30: expected ')' to close S_INTERSECTS("),
        Arguments.of("S_INTERSECTS(geom, POLYGON((0 0, 1 1)", "column 26: geometry literal is not closed"),
        Arguments.of("S_INTERSECTS(geom, POINT EMPTY)", "column 20: empty geometry literal"),
        Arguments.of("S_INTERSECTS(geom, geom2)", "column 20: comparing two geometry properties is not supported"),
        Arguments.of("S_INTERSECTS(POINT(1 2), POINT(1 2))", "column 26: expected a geometry property name"),
        Arguments.of("S_INTERSECTS(geom, 3)", "column 20: expected a geometry property or a geometry literal"),
        Arguments.of("DWITHIN(geom, POINT(1 2), 10, parsecs)", "column 31: unknown distance units 'parsecs'"),
        Arguments.of("DWITHIN(geom, POINT(1 2), -10, meters)", "column 27: distance must not be negative"),
        Arguments.of("BBOX(geom, 1, 2, 3)", "column 19: expected ',' and four numbers"),
        Arguments.of("BBOX(geom, 0, 10, 1, 5)", "column 12: box has its lower corner above its upper corner"),
        Arguments.of("BBOX(geom, 0, 1, 2, 3, 'EPSG:nope')", "column 24: unknown CRS 'EPSG:nope'"),
        Arguments.of("height > POINT(1 2)", "column 10: a geometry literal can only be used inside a spatial"),
        Arguments.of("T_DURING(DATE('2020-01-01'), built)", "column 10: T_DURING needs a date/timestamp property"),
        Arguments.of("T_AFTER(built, INTERVAL('x', '..'))", "column 25: invalid interval bound 'x'"),
        Arguments.of("IN (a)", "column 5: expected a quoted feature id"),
        Arguments.of("", "Empty filter"),
        Arguments.of("   ", "Empty filter"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void reportsErrorsWithColumn(String cql, String message) {
    assertThatThrownBy(() -> Cql2Parser.parse(cql))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETER);
          assertThat(e.locator()).isEqualTo("filter");
          assertThat(e.getCause()).isNull();
        })
        .hasMessageContaining(message);
  }

  @Test
  void rejectsDeepNestingWithoutStackOverflow() {
    String parens = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
    assertThatThrownBy(() -> Cql2Parser.parse(parens)).isInstanceOf(ApiException.class)
        .hasMessageContaining("column 65: filter is nested too deeply (more than 64 levels)");
    String nots = "NOT ".repeat(10_000) + "a = 1";
    assertThatThrownBy(() -> Cql2Parser.parse(nots)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply");
    String casei = "CASEI(".repeat(1000) + "a" + ")".repeat(1000) + " = 1";
    assertThatThrownBy(() -> Cql2Parser.parse(casei)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply");
    String gc = "S_INTERSECTS(geom, " + "GEOMETRYCOLLECTION(".repeat(40) + "POINT(1 2)" + ")".repeat(41);
    assertThatThrownBy(() -> Cql2Parser.parse(gc)).isInstanceOf(ApiException.class)
        .hasMessageContaining("geometry literal nested too deeply");
  }

  @Test
  void nestingUpToTheLimitIsFine() {
    String parens = "(".repeat(64) + "a = 1" + ")".repeat(64);
    assertThat(Ast.show(Cql2Parser.parse(parens))).isEqualTo("EQ(a, 1)");
  }

  @Test
  void longAndChainsDoNotRecurse() {
    String chain = String.join(" AND ", java.util.Collections.nCopies(5000, "a = 1"));
    assertThat(((Filter.And) Cql2Parser.parse(chain)).filters()).hasSize(5000);
  }

  @Test
  void rejectsHugeInput() {
    String huge = "name = '" + "x".repeat(Cql2Parser.MAX_LENGTH) + "'";
    assertThatThrownBy(() -> Cql2Parser.parse(huge)).isInstanceOf(ApiException.class)
        .hasMessageContaining("too long");
    assertThatThrownBy(() -> Cql2Parser.parse(null)).isInstanceOf(ApiException.class);
  }
}
