package vn.citytwin.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.CrsName;

class GeoJsonGeometryTest {

  static Geometry read(String json) {
    return GeoJsonGeometry.read(new JsonObject(json), "features[0].geometry");
  }

  @Test
  void readsEveryTypeAsLonLatWithSrid4326() {
    assertThat(read("{\"type\":\"Point\",\"coordinates\":[107.08,10.35]}").toText()).isEqualTo("POINT (107.08 10.35)");
    assertThat(read("{\"type\":\"Point\",\"coordinates\":[107.08,10.35,12.5]}").getCoordinate().getZ()).isNaN();
    assertThat(read("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}").getGeometryType()).isEqualTo("LineString");
    Geometry p = read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.8,0.1],[0.8,0.7],[0.2,0.1]]]}");
    assertThat(p.getSRID()).isEqualTo(4326);
    assertThat(((org.locationtech.jts.geom.Polygon) p).getNumInteriorRing()).isEqualTo(1);
    assertThat(read("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}").getNumGeometries())
        .isEqualTo(1);
    assertThat(read("{\"type\":\"MultiPoint\",\"coordinates\":[[0,0],[1,1]]}").getNumGeometries()).isEqualTo(2);
    assertThat(read("{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,1]]]}").getGeometryType())
        .isEqualTo("MultiLineString");
    assertThat(read("{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[0,0]}]}")
        .getGeometryType()).isEqualTo("GeometryCollection");
  }

  @Test
  void aBodyInAnotherCrsIsReadInItsAxisOrderWithItsSrid() {
    JsonObject point = new JsonObject("{\"type\":\"Point\",\"coordinates\":[10.35,107.08]}");
    Geometry latFirst = GeoJsonGeometry.read(point, new CrsName(4326, true), "geometry");
    assertThat(latFirst.toText()).isEqualTo("POINT (107.08 10.35)");
    assertThat(latFirst.getSRID()).isEqualTo(4326);
    Geometry utm = GeoJsonGeometry.read(new JsonObject("{\"type\":\"Point\",\"coordinates\":[700000,1150000]}"),
        new CrsName(32648, false), "geometry");
    assertThat(utm.toText()).isEqualTo("POINT (700000 1150000)"); // metres: no longitude/latitude bounds
    assertThat(utm.getSRID()).isEqualTo(32648);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"Circle\",\"coordinates\":[0,0]}|unknown GeoJSON geometry type",
      "{\"coordinates\":[0,0]}|needs a string 'type'",
      "{\"type\":\"Point\",\"coordinates\":[0]}|a position is",
      "{\"type\":\"Point\",\"coordinates\":[\"0\",1]}|finite numbers",
      "{\"type\":\"Point\",\"coordinates\":[200,10]}|not a longitude/latitude",
      "{\"type\":\"Point\",\"coordinates\":[10,95]}|not a longitude/latitude",
      "{\"type\":\"LineString\",\"coordinates\":[[0,0]]}|at least 2 positions",
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}|must be closed",
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}|at least 4 positions",
      "{\"type\":\"Polygon\",\"coordinates\":[]}|empty",
      "{\"type\":\"MultiPolygon\",\"coordinates\":[]}|empty",
      "{\"type\":\"Polygon\",\"coordinates\":5}|'coordinates' must be an array"})
  void structuralErrorsNameTheLocator(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.locator()).isEqualTo("features[0].geometry");
      assertThat(e.getMessage()).contains(message);
      assertThat(e.httpStatus()).isEqualTo(400);
    });
  }
}
