package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import vn.citytwin.core.error.ApiException;

class FilterEvaluatorTest {
  /** A 20 m square building near Bãi Sau, Vũng Tàu. */
  private static final String SQUARE = "POLYGON((107.0800 10.3500, 107.0802 10.3500, 107.0802 10.3502,"
      + " 107.0800 10.3502, 107.0800 10.3500))";

  private static Map<String, Object> hotel() {
    Map<String, Object> p = new HashMap<>();
    p.put("id", 42L);
    p.put("name", "Khách sạn 50% Biển_Xanh");
    p.put("height", 35.5);
    p.put("levels", 9);
    p.put("use_type", "hotel");
    p.put("built", java.sql.Date.valueOf("2015-06-01"));
    p.put("is_public", Boolean.FALSE);
    p.put("name_null", null);
    return p;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("height > 30", true),
        Arguments.of("height > 35.5", false),
        Arguments.of("height >= '35.5'", true),
        Arguments.of("levels = 9.0", true),
        Arguments.of("levels > 8.5", true),
        Arguments.of("levels = '9'", true),
        Arguments.of("use_type = 'hotel' AND height > 30", true),
        Arguments.of("use_type = 'HOTEL'", false),
        Arguments.of("CASEI(use_type) = 'HOTEL'", true),
        Arguments.of("use_type <> 'office'", true),
        Arguments.of("use_type < 'i'", true),
        Arguments.of("use_type < 'H'", false),
        Arguments.of("missing > 3", false),
        Arguments.of("NOT missing > 3", true),
        Arguments.of("missing <> 3", false),
        Arguments.of("missing IS NULL", true),
        Arguments.of("name IS NOT NULL", true),
        Arguments.of("name LIKE 'Khách%'", true),
        Arguments.of("name LIKE 'khách%'", false),
        Arguments.of("name ILIKE 'KHÁCH%'", true),
        Arguments.of("name LIKE '%50\\%%'", true),
        Arguments.of("name LIKE '%40\\%%'", false),
        Arguments.of("name LIKE '%Biển\\_Xanh'", true),
        Arguments.of("name LIKE '%Biển_Xanh'", true),
        Arguments.of("name LIKE 'Kh_ch s_n%'", true),
        Arguments.of("name LIKE '.*'", false),
        Arguments.of("levels LIKE '9'", true),
        Arguments.of("height BETWEEN 30 AND 40", true),
        Arguments.of("height BETWEEN 40 AND 30", false),
        Arguments.of("levels NOT BETWEEN 1 AND 8", true),
        Arguments.of("use_type IN ('office', 'hotel')", true),
        Arguments.of("levels IN (1, 2, '9')", true),
        Arguments.of("levels IN (1, 2)", false),
        Arguments.of("built > DATE('2015-01-01')", true),
        Arguments.of("built > '2015-06-01'", false),
        Arguments.of("built = DATE('2015-06-01')", true),
        Arguments.of("built < TIMESTAMP('2015-06-01T00:00:01Z')", true),
        Arguments.of("is_public = false", true),
        Arguments.of("is_public = 'true'", false),
        Arguments.of("height > levels", true),
        Arguments.of("1 = 1", true),
        Arguments.of("'30' = 30", true),
        Arguments.of("IN ('buildings.42')", true),
        Arguments.of("IN ('buildings.41', '42')", true),
        Arguments.of("IN ('buildings.x')", false),
        Arguments.of("T_AFTER(built, DATE('2015-01-01'))", true),
        Arguments.of("T_BEFORE(built, DATE('2015-01-01'))", false),
        Arguments.of("T_DURING(built, INTERVAL('2015-01-01', '..'))", true),
        Arguments.of("T_DURING(built, INTERVAL('2015-06-01', '..'))", false),
        Arguments.of("T_INTERSECTS(built, INTERVAL('2015-06-01', '2015-06-01'))", true),
        Arguments.of("S_INTERSECTS(geom, POINT(107.0801 10.3501))", true),
        Arguments.of("S_CONTAINS(geom, POINT(107.0801 10.3501))", true),
        Arguments.of("S_WITHIN(geom, BBOX(107.07, 10.34, 107.09, 10.36))", true),
        Arguments.of("S_WITHIN(POINT(107.0801 10.3501), geom)", true),
        Arguments.of("S_DISJOINT(geom, POINT(107.1 10.4))", true),
        Arguments.of("S_TOUCHES(geom, LINESTRING(107.0802 10.3500, 107.0810 10.3500))", true),
        Arguments.of("S_CROSSES(geom, LINESTRING(107.0801 10.3499, 107.0801 10.3510))", true),
        Arguments.of("S_OVERLAPS(geom, POLYGON((107.0801 10.3501, 107.0810 10.3501, 107.0810 10.3510,"
            + " 107.0801 10.3501)))", true),
        Arguments.of("S_EQUALS(geom, " + SQUARE + ")", true),
        Arguments.of("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(0 0), POINT(107.0801 10.3501)))", true),
        Arguments.of("S_CONTAINS(geom, GEOMETRYCOLLECTION(POINT(107.0801 10.3501), POINT(107.08015 10.35015)))", true),
        Arguments.of("BBOX(geom, 107.0801, 10.3501, 107.09, 10.36)", true),
        Arguments.of("BBOX(geom, 107.081, 10.351, 107.09, 10.36)", false),
        Arguments.of("BBOX(geom, 11920000, 1158000, 11921000, 1159000, 'EPSG:3857')", true),
        // 0.001° of longitude is about 109.5 m at 10.35°N; the square's east edge is 0.0008° (87.6 m) away.
        Arguments.of("DWITHIN(geom, POINT(107.0810 10.3501), 90, meters)", true),
        Arguments.of("DWITHIN(geom, POINT(107.0810 10.3501), 85, meters)", false),
        Arguments.of("BEYOND(geom, POINT(107.0810 10.3501), 85, meters)", true),
        Arguments.of("DWITHIN(geom, POINT(107.0810 10.3501), 0.1, kilometers)", true),
        Arguments.of("DWITHIN(geom, POINT(107.0810 10.3501), 280, feet)", false),
        Arguments.of("DWITHIN(geom, POINT(107.0810 10.3501), 0.0009, degrees)", true),
        Arguments.of("DWITHIN(geom, POINT(107.0810 10.3501), 0.0007, degrees)", false),
        Arguments.of("INCLUDE", true),
        Arguments.of("EXCLUDE", false));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("cases")
  void evaluates(String cql, boolean expected) throws Exception {
    Geometry square = new WKTReader().read(SQUARE);
    Map<String, Object> p = hotel();
    assertThat(FilterEvaluator.test(Cql2Parser.parse(cql), p::get, square)).isEqualTo(expected);
  }

  @Test
  void namedGeometryPropertyWinsOverTheDefault() throws Exception {
    Geometry far = new WKTReader().read("POINT(0 0)");
    Map<String, Object> p = hotel();
    p.put("footprint", new WKTReader().read(SQUARE));
    Filter f = Cql2Parser.parse("S_INTERSECTS(footprint, POINT(107.0801 10.3501))");
    assertThat(FilterEvaluator.test(f, p::get, far)).isTrue();
    Filter g = Cql2Parser.parse("S_INTERSECTS(geom, POINT(107.0801 10.3501))");
    assertThat(FilterEvaluator.test(g, p::get, far)).isFalse();
    assertThat(FilterEvaluator.test(g, p::get, null)).isFalse();
    assertThat(FilterEvaluator.test(Cql2Parser.parse("BEYOND(geom, POINT(0 0), 1, meters)"), p::get, null)).isFalse();
  }

  @Test
  void likeMatchingIsLinearNotBacktracking() {
    String text = "a".repeat(20_000);
    Filter f = Cql2Parser.parse("name LIKE '" + "%a".repeat(30) + "%b'");
    long start = System.nanoTime();
    assertThat(FilterEvaluator.test(f, n -> text, null)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void literalsInOtherCrsNeedTheDatabase() {
    Filter f = Cql2Parser.parse("BBOX(geom, 0, 0, 1, 1, 'EPSG:32648')");
    assertThatThrownBy(() -> FilterEvaluator.compile(f)).isInstanceOf(ApiException.class)
        .hasMessageContaining("EPSG:32648 cannot be evaluated in memory");
  }

  @Test
  void propertyValueTypesFromJdbcAndJavaTimeAreUnderstood() {
    Filter f = Cql2Parser.parse("built >= DATE('2020-01-01') AND built < TIMESTAMP('2020-01-02T00:00:00Z')");
    assertThat(FilterEvaluator.test(f, n -> LocalDate.of(2020, 1, 1), null)).isTrue();
    assertThat(FilterEvaluator.test(f, n -> java.sql.Timestamp.valueOf("2020-01-01 12:00:00"), null)).isTrue();
    assertThat(FilterEvaluator.test(f, n -> "2020-01-01", null)).isTrue();
    assertThat(FilterEvaluator.test(f, n -> java.time.OffsetDateTime.parse("2020-01-02T06:00:00+07:00"), null))
        .isTrue();
    assertThat(FilterEvaluator.test(f, n -> java.time.OffsetDateTime.parse("2020-01-02T08:00:00+07:00"), null))
        .isFalse();
    Filter n = Cql2Parser.parse("height = 30");
    assertThat(FilterEvaluator.test(n, x -> new java.math.BigDecimal("30.000"), null)).isTrue();
    assertThat(FilterEvaluator.test(n, x -> 30.0f, null)).isTrue();
    assertThat(FilterEvaluator.test(n, x -> Double.NaN, null)).isFalse();
    assertThat(FilterEvaluator.test(n, x -> "thirty", null)).isFalse();
  }

  @Test
  void referencedPropertiesAreCollected() {
    Filter f = Cql2Parser.parse("height > levels AND (name LIKE 'a%' OR S_INTERSECTS(geom, POINT(1 2)))"
        + " AND NOT use_type IN ('a') AND IN ('b.1') AND T_AFTER(built, DATE('2020-01-01'))");
    assertThat(FilterProperties.referenced(f)).containsExactly("height", "levels", "name", "geom", "use_type", "id",
        "built");
    Filter fes = FesParser.parse("<Filter xmlns=\"http://www.opengis.net/ogc\"><BBOX><Envelope xmlns="
        + "\"http://www.opengis.net/gml\"><lowerCorner>0 0</lowerCorner><upperCorner>1 1</upperCorner></Envelope>"
        + "</BBOX></Filter>");
    assertThat(FilterProperties.referenced(fes)).isEmpty();
  }
}
