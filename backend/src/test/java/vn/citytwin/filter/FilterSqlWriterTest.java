package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.io.WKBReader;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

class FilterSqlWriterTest {

  /** Params rendered for comparison: WKB as its WKT, everything else as value:Type. */
  private static List<String> show(List<Object> params) {
    List<String> out = new ArrayList<>();
    for (Object p : params) {
      if (p instanceof byte[] wkb) {
        try {
          out.add(new WKBReader().read(wkb).toText());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      } else {
        out.add(p + ":" + p.getClass().getSimpleName());
      }
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("height > 30", "t.\"height\" > ?", List.of("30.0:Double")),
        Arguments.of("levels >= '3'", "t.\"levels\" >= ?", List.of("3:Long")),
        Arguments.of("levels > 2.5", "t.\"levels\" > ?", List.of("2.5:Double")),
        Arguments.of("levels = 3.0", "t.\"levels\" = ?", List.of("3:Long")),
        Arguments.of("use_type = 'hotel' AND height > 30", "(t.\"use_type\" = ? AND t.\"height\" > ?)",
            List.of("hotel:String", "30.0:Double")),
        Arguments.of("use_type = 'a' OR NOT name IS NULL",
            "(t.\"use_type\" = ? OR NOT COALESCE(t.\"name\" IS NULL, FALSE))", List.of("a:String")),
        Arguments.of("name < 'M'", "t.\"name\" COLLATE \"C\" < ? COLLATE \"C\"", List.of("M:String")),
        Arguments.of("name = 42", "t.\"name\" = ?", List.of("42:String")),
        Arguments.of("CASEI(name) = 'hotel'", "lower(t.\"name\") = lower(?)", List.of("hotel:String")),
        Arguments.of("name LIKE 'Vũng%'", "t.\"name\" LIKE ?", List.of("Vũng%:String")),
        Arguments.of("name ILIKE 'a\\_%'", "lower(t.\"name\") LIKE lower(?)", List.of("a\\_%:String")),
        Arguments.of("levels LIKE '1%'", "CAST(t.\"levels\" AS text) LIKE ?", List.of("1%:String")),
        Arguments.of("height BETWEEN 10 AND 20", "t.\"height\" BETWEEN ? AND ?", List.of("10.0:Double", "20.0:Double")),
        Arguments.of("name BETWEEN 'A' AND 'C'", "t.\"name\" COLLATE \"C\" BETWEEN ? COLLATE \"C\" AND ? COLLATE \"C\"",
            List.of("A:String", "C:String")),
        Arguments.of("use_type IN ('hotel', 'office')", "t.\"use_type\" IN (?, ?)",
            List.of("hotel:String", "office:String")),
        Arguments.of("built > DATE('2020-01-01')", "t.\"built\" > ?", List.of("2020-01-01:Date")),
        Arguments.of("built > '2020-01-01'", "t.\"built\" > ?", List.of("2020-01-01:Date")),
        Arguments.of("updated < TIMESTAMP('2024-05-01T08:00:00Z')", "t.\"updated\" < ?",
            List.of("2024-05-01T08:00Z:OffsetDateTime")),
        Arguments.of("updated < DATE('2024-05-01')", "t.\"updated\" < ?", List.of("2024-05-01T00:00Z:OffsetDateTime")),
        Arguments.of("is_public = 'true'", "t.\"is_public\" = ?", List.of("true:Boolean")),
        Arguments.of("name IS NULL", "t.\"name\" IS NULL", List.of()),
        Arguments.of("geom IS NULL", "t.\"geom\" IS NULL", List.of()),
        Arguments.of("1 = 1", "TRUE", List.of()),
        Arguments.of("'30' = 30", "TRUE", List.of()),
        Arguments.of("'a' = 'b'", "FALSE", List.of()),
        Arguments.of("'abc' LIKE 'a%'", "TRUE", List.of()),
        Arguments.of("INCLUDE", "TRUE", List.of()),
        Arguments.of("height > levels", "t.\"height\" > t.\"levels\"", List.of()),
        Arguments.of("IN ('buildings.1', 'roads.2', '3', 'buildings.x', 'citytwin:buildings.4')",
            "t.\"id\" IN (?, ?, ?)", List.of("1:Long", "3:Long", "4:Long")),
        Arguments.of("IN ('roads.2')", "FALSE", List.of()),
        Arguments.of("S_INTERSECTS(geom, POINT(107 10))", "ST_Intersects(t.\"geom\", ST_GeomFromWKB(?, ?))",
            List.of("POINT (107 10)", "4326:Integer")),
        Arguments.of("S_WITHIN(geom, POLYGON((0 0, 1 0, 1 1, 0 0)))", "ST_Within(t.\"geom\", ST_GeomFromWKB(?, ?))",
            List.of("POLYGON ((0 0, 1 0, 1 1, 0 0))", "4326:Integer")),
        Arguments.of("BBOX(geom, 107, 10, 108, 11)",
            "(t.\"geom\" && ST_GeomFromWKB(?, ?) AND ST_Intersects(t.\"geom\", ST_GeomFromWKB(?, ?)))",
            List.of("POLYGON ((107 10, 107 11, 108 11, 108 10, 107 10))", "4326:Integer",
                "POLYGON ((107 10, 107 11, 108 11, 108 10, 107 10))", "4326:Integer")),
        Arguments.of("BBOX(geom, 11900000, 1150000, 11920000, 1160000, 'EPSG:3857')",
            "(t.\"geom\" && ST_Transform(ST_GeomFromWKB(?, ?), ?) AND ST_Intersects(t.\"geom\","
                + " ST_Transform(ST_GeomFromWKB(?, ?), ?)))",
            List.of("POLYGON ((11900000 1150000, 11900000 1160000, 11920000 1160000, 11920000 1150000,"
                + " 11900000 1150000))", "3857:Integer", "4326:Integer",
                "POLYGON ((11900000 1150000, 11900000 1160000, 11920000 1160000, 11920000 1150000,"
                + " 11900000 1150000))", "3857:Integer", "4326:Integer")),
        Arguments.of("DWITHIN(geom, POINT(107.08 10.35), 1.5, kilometers)",
            "(t.\"geom\" && ST_Expand(ST_GeomFromWKB(?, ?), ?, ?) AND ST_DWithin((t.\"geom\")::geography,"
                + " (ST_GeomFromWKB(?, ?))::geography, ?))", null),
        Arguments.of("BEYOND(geom, POINT(107.08 10.35), 100, feet)",
            "NOT ST_DWithin((t.\"geom\")::geography, (ST_GeomFromWKB(?, ?))::geography, ?)",
            List.of("POINT (107.08 10.35)", "4326:Integer", "30.48:Double")),
        Arguments.of("DWITHIN(geom, POINT(179.999 10), 1000, meters)",
            "ST_DWithin((t.\"geom\")::geography, (ST_GeomFromWKB(?, ?))::geography, ?)",
            List.of("POINT (179.999 10)", "4326:Integer", "1000.0:Double")),
        Arguments.of("DWITHIN(geom, POINT(1 2), 0.5, degrees)", "ST_DWithin(t.\"geom\", ST_GeomFromWKB(?, ?), ?)",
            List.of("POINT (1 2)", "4326:Integer", "0.5:Double")),
        Arguments.of("T_AFTER(built, DATE('2020-01-01'))", "t.\"built\" > ?", List.of("2020-01-01:Date")),
        Arguments.of("T_DURING(updated, INTERVAL('2024-01-01T00:00:00Z', '..'))", "(t.\"updated\" > ?)",
            List.of("2024-01-01T00:00Z:OffsetDateTime")),
        Arguments.of("T_INTERSECTS(built, INTERVAL('..', '..'))", "t.\"built\" IS NOT NULL", List.of()),
        Arguments.of("T_BEFORE(built, INTERVAL('..', '2020-01-01'))", "FALSE", List.of()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void writesSqlWithBoundParameters(String cql, String sql, List<String> params) {
    if (sql == null) {
      return;
    }
    SqlFragment f = FilterSqlWriter.toSql(Cql2Parser.parse(cql), TestFields.BUILDINGS);
    assertThat(f.sql()).isEqualTo(sql);
    if (params != null) {
      assertThat(show(f.params())).containsExactlyElementsOf(params);
    }
    assertThat(f.sql().chars().filter(c -> c == '?').count()).isEqualTo(f.params().size());
  }

  @Test
  void dwithinPrefilterMarginCoversTheDistance() {
    SqlFragment f = FilterSqlWriter.toSql(Cql2Parser.parse("DWITHIN(geom, POINT(107.08 10.35), 1.5, kilometers)"),
        TestFields.BUILDINGS);
    double dx = (Double) f.params().get(2);
    double dy = (Double) f.params().get(3);
    assertThat(f.params().get(6)).isEqualTo(1500.0);
    // 1.5 km is 0.013562° of latitude and 0.013696° of longitude at 10.35°N on WGS 84; margins must not be smaller.
    assertThat(dy).isBetween(0.013562, 0.0137);
    assertThat(dx).isBetween(0.013696, 0.0139);
  }

  @Test
  void fesLiteralsAreCoercedToTheFieldType() {
    Filter f = FesParser.parse("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And>"
        + "<fes:PropertyIsGreaterThan><fes:ValueReference>height</fes:ValueReference><fes:Literal> 30.5 </fes:Literal>"
        + "</fes:PropertyIsGreaterThan><fes:PropertyIsEqualTo matchCase=\"false\"><fes:ValueReference>use_type"
        + "</fes:ValueReference><fes:Literal>Hotel</fes:Literal></fes:PropertyIsEqualTo>"
        + "<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>name"
        + "</fes:ValueReference><fes:Literal>50%*</fes:Literal></fes:PropertyIsLike>"
        + "<fes:ResourceId rid=\"buildings.42\"/></fes:And></fes:Filter>");
    SqlFragment sql = FilterSqlWriter.toSql(f, TestFields.BUILDINGS);
    assertThat(sql.sql()).isEqualTo("(t.\"height\" > ? AND lower(t.\"use_type\") = lower(?) AND t.\"name\" LIKE ?"
        + " AND t.\"id\" IN (?))");
    assertThat(sql.params()).containsExactly(30.5, "Hotel", "50\\%%", 42L);
  }

  @Test
  void defaultGeometryIsUsedWhenNoPropertyIsNamed() {
    Filter f = FesParser.parse("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
        + "xmlns:gml=\"http://www.opengis.net/gml/3.2\"><fes:Intersects><gml:Point><gml:pos>1 2</gml:pos></gml:Point>"
        + "</fes:Intersects></fes:Filter>");
    assertThat(FilterSqlWriter.toSql(f, TestFields.BUILDINGS).sql())
        .isEqualTo("ST_Intersects(t.\"geom\", ST_GeomFromWKB(?, ?))");
  }

  @Test
  void dateParamsAreSqlDates() {
    SqlFragment f = FilterSqlWriter.toSql(Cql2Parser.parse("built = DATE('2020-02-29')"), TestFields.BUILDINGS);
    assertThat(f.params()).containsExactly(Date.valueOf("2020-02-29"));
    SqlFragment g = FilterSqlWriter.toSql(Cql2Parser.parse("built = TIMESTAMP('2020-02-29T10:00:00Z')"),
        TestFields.BUILDINGS);
    assertThat(g.params()).containsExactly(OffsetDateTime.of(2020, 2, 29, 10, 0, 0, 0, ZoneOffset.UTC));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("height > 'abc'", "Property 'height' is a number, but the filter compares it with the text 'abc'"
            + " (expected a number)"),
        Arguments.of("levels IN (1, 'two')", "Property 'levels' is an integer, but the filter compares it with the"
            + " text 'two'"),
        Arguments.of("xyz = 1", "Unknown property 'xyz'; valid properties include: id, name, height, levels,"
            + " use_type, built, updated, is_public, …"),
        Arguments.of("S_INTERSECTS(name, POINT(1 2))", "Property 'name' is text, not a geometry; spatial operators"
            + " need a geometry property such as 'geom'"),
        Arguments.of("geom = 3", "Property 'geom' is a geometry; use a spatial operator"),
        Arguments.of("height LIKE '1%'", "LIKE needs a text property, but 'height' is a number"),
        Arguments.of("name > height", "Cannot compare property 'name' (text) with property 'height' (a number)"),
        Arguments.of("built > 'yesterday'", "Property 'built' is a date, but the filter compares it with the text"
            + " 'yesterday'"),
        Arguments.of("built > '0000-01-01'", "out of range"),
        Arguments.of("is_public = 'maybe'", "Property 'is_public' is a boolean"),
        Arguments.of("T_AFTER(name, DATE('2020-01-01'))", "temporal operators need a date or timestamp property"),
        Arguments.of("height > 1e400", "out of range"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejectsWithClearMessages(String cql, String message) {
    assertThatThrownBy(() -> FilterSqlWriter.toSql(Cql2Parser.parse(cql), TestFields.BUILDINGS))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETER);
          assertThat(e.locator()).isEqualTo("filter");
        })
        .hasMessageContaining(message);
  }

  @Test
  void resourceIdNeedsAnIdProperty() {
    FieldResolver noId = FieldResolver.of("x", List.of(new FieldRef("name", "t.\"name\"", FieldType.STRING)));
    assertThatThrownBy(() -> FilterSqlWriter.toSql(Cql2Parser.parse("IN ('x.1')"), noId))
        .isInstanceOf(ApiException.class).hasMessageContaining("no 'id' property");
    assertThatThrownBy(() -> FilterSqlWriter.toSql(Cql2Parser.parse("BBOX(geom, 0, 0, 1, 1)"), noId))
        .isInstanceOf(ApiException.class).hasMessageContaining("Unknown property 'geom'; valid properties include:"
            + " name");
    Filter defaultGeom = new Filter.Spatial(SpatialOp.INTERSECTS, null,
        ((Filter.Spatial) Cql2Parser.parse("S_INTERSECTS(g, POINT(1 2))")).geometry(), null);
    assertThatThrownBy(() -> FilterSqlWriter.toSql(defaultGeom, noId))
        .isInstanceOf(ApiException.class).hasMessageContaining("This layer has no geometry");
  }

  @Test
  void stringIdsBindTheIdPart() {
    FieldResolver r = FieldResolver.of("roads", List.of(new FieldRef("id", "r.\"id\"", FieldType.STRING)));
    SqlFragment f = FilterSqlWriter.toSql(Cql2Parser.parse("IN ('roads.a-1', 'b')"), r);
    assertThat(f.sql()).isEqualTo("r.\"id\" IN (?, ?)");
    assertThat(f.params()).containsExactly("a-1", "b");
  }

  @Test
  void handBuiltDeepTreesAreRejectedNotOverflowed() {
    Filter f = new Filter.Comparison(ComparisonOp.EQ, new PropertyRef("height"), new Literal(1L));
    for (int i = 0; i < 100_000; i++) {
      f = new Filter.Not(f);
    }
    Filter deep = f;
    assertThatThrownBy(() -> FilterSqlWriter.toSql(deep, TestFields.BUILDINGS)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply");
    assertThatThrownBy(() -> FilterEvaluator.test(deep, n -> null, null)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void sqlHoldsNoLiteralText() {
    SqlFragment f = FilterSqlWriter.toSql(Cql2Parser.parse(
        "name = 'x''); DROP TABLE t; --' OR use_type LIKE '%?%' OR height > 12345"), TestFields.BUILDINGS);
    assertThat(f.sql()).doesNotContain("DROP", "12345", "'").matches("[^0-9]*");
    assertThat(Arrays.asList(f.params().toArray())).containsExactly("x'); DROP TABLE t; --", "%?%", 12345.0);
  }
}
