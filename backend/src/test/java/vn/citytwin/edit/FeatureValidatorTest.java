package vn.citytwin.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.FieldType;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerMetadata;
import vn.citytwin.core.error.ApiException;

/** The one validator, table-driven: the same value fits or not whichever writer sent it, in JSON or in text. */
class FeatureValidatorTest {
  static Field f(String name, String pgType) {
    return new Field(name, pgType, FieldType.fromPostgres(pgType), true);
  }

  static Layer layer(GeometryKind kind) {
    return new Layer("things", "city", "things", "id", "geom", kind, 4326, List.of(f("id", "bigint"),
        f("name", "text"), f("levels", "smallint"), f("students", "integer"), f("big", "bigint"),
        f("height", "double precision"), f("open", "boolean"), f("opened", "date"), f("tags", "jsonb"),
        f("other_geom", "geometry")), LayerMetadata.defaults("things"));
  }

  static final Layer POINTS = layer(GeometryKind.POINT);
  static final EditLocator JSON_PATHS = EditLocator.jsonPath("features[1]");

  static Geometry wkt(String wkt) throws Exception {
    Geometry g = new WKTReader().read(wkt);
    g.setSRID(4326);
    return g;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "levels|25|25", "levels|25.0|25", "levels|32767|32767", "students|2147483647|2147483647",
      "big|9007199254740993|9007199254740993", "height|82.5|82.5", "open|true|true", "name|`Tháp A`|Tháp A",
      "opened|`2025-07-01`|2025-07-01", "tags|{\"a\":1}|{\"a\":1}", "tags|[1,2]|[1,2]", "name|null|NULL"})
  void jsonValuesThatFit(String column, String json, String text) {
    Object value = new JsonArray("[" + json.replace('`', '"') + "]").getValue(0);
    assertThat(FeatureValidator.value(POINTS, column, value, ValueSyntax.JSON, JSON_PATHS)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "levels|`5`|must be an integer, got a string", "levels|2.5|must be an integer",
      "levels|40000|between -32768 and 32767 (smallint)", "students|3000000000|between -2147483648 and 2147483647",
      "height|`82.5`|must be a number", "open|1|must be true or false", "name|5|must be a string, got the number 5",
      "opened|20250701|must be a date string", "other_geom|`POINT(0 0)`|second geometry column is not editable",
      "colour|`red`|Unknown property 'colour' of layer 'things' (its properties: name, levels",
      "id|5|is the feature id"})
  void jsonValuesThatDoNotFit(String column, String json, String message) {
    Object value = new JsonArray("[" + json.replace('`', '"') + "]").getValue(0);
    assertThatThrownBy(() -> FeatureValidator.value(POINTS, column, value, ValueSyntax.JSON, JSON_PATHS))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.locator()).isEqualTo("features[1].properties." + column);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "levels|' 25 '|25", "levels|25.0|25", "height|82.5|82.5", "open|1|true", "open|FALSE|false",
      "name|' Tháp A '|' Tháp A '", "opened|2025-07-01|2025-07-01"})
  void textValuesAreReadByTheColumnsType(String column, String text, String bound) {
    assertThat(FeatureValidator.value(POINTS, column, text, ValueSyntax.TEXT, EditLocator.columns(POINTS)))
        .isEqualTo(bound);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "levels|many|must be an integer, got 'many'", "levels|40000|between -32768 and 32767",
      "levels|2.5|must be an integer", "height|NaN|must be a number", "open|yes|must be true or false"})
  void textValuesThatDoNotFit(String column, String text, String message) {
    assertThatThrownBy(() -> FeatureValidator.value(POINTS, column, text, ValueSyntax.TEXT,
        EditLocator.columns(POINTS))).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.locator()).isEqualTo(column);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void singlePartsArePromotedToTheLayersMultiType() throws Exception {
    Geometry square = wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    Geometry multi = FeatureValidator.geometry(layer(GeometryKind.MULTIPOLYGON), square, "geom");
    assertThat(multi.getGeometryType()).isEqualTo("MultiPolygon");
    assertThat(multi.getSRID()).isEqualTo(4326);
    assertThat(FeatureValidator.geometry(layer(GeometryKind.MULTIPOINT), wkt("POINT (1 2)"), "geom")
        .getGeometryType()).isEqualTo("MultiPoint");
    assertThat(FeatureValidator.geometry(layer(GeometryKind.POLYGON), square, "geom")).isSameAs(square);
    Geometry utm = wkt("POINT (700000 1150000)");
    utm.setSRID(32648);
    assertThat(FeatureValidator.geometry(layer(GeometryKind.MULTIPOINT), utm, "geom").getSRID()).isEqualTo(32648);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "POLYGON|POINT (1 2)|holds Polygon geometries, got Point",
      "POINT|MULTIPOINT ((1 2))|holds Point geometries, got MultiPoint",
      "GEOMETRYCOLLECTION|MULTIPOINT ((1 2))|holds GeometryCollection geometries, got MultiPoint",
      "POLYGON|POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))|Invalid geometry: Self-intersection at (0.5 0.5)",
      "MULTIPOLYGON|POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))|Self-intersection",
      "POLYGON|POLYGON EMPTY|the geometry is empty"})
  void wrongTypesAndInvalidGeometriesAreRefused(GeometryKind kind, String wkt, String message) {
    assertThatThrownBy(() -> FeatureValidator.geometry(layer(kind), wkt(wkt), "features[0].geometry"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.locator()).isEqualTo("features[0].geometry");
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void locatorsAreJsonPathsOrColumnNames() {
    assertThat(EditLocator.jsonPath("").property("levels")).isEqualTo("properties.levels");
    assertThat(EditLocator.jsonPath("features[2]").geometry()).isEqualTo("features[2].geometry");
    assertThat(EditLocator.jsonPath("features[2]").rule(List.of("a", "b"))).isEqualTo("features[2].properties");
    assertThat(EditLocator.columns(POINTS).geometry()).isEqualTo("geom");
    assertThat(EditLocator.columns(POINTS).rule(List.of("open_h", "close_h"))).isEqualTo("open_h,close_h");
  }
}
