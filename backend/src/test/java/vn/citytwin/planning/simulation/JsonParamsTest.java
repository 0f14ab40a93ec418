package vn.citytwin.planning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

/** Geometry parameters: WKT, or GeoJSON read by the edit model's one reader (its structural errors, located). */
class JsonParamsTest {
  static JsonParams params(String body) {
    return new JsonParams(new JsonObject(body), Set.of("area"));
  }

  @Test
  void geoJsonAndWktGiveTheSameLonLatGeometry() {
    String ring = "[[107.07,10.34],[107.08,10.34],[107.08,10.35],[107.07,10.35],[107.07,10.34]]";
    var fromJson = params("{\"area\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}").geometry("area");
    var fromWkt = params("{\"area\":\"POLYGON((107.07 10.34,107.08 10.34,107.08 10.35,107.07 10.35,107.07 10.34))\"}")
        .geometry("area");
    assertThat(fromJson.equalsExact(fromWkt)).isTrue();
    assertThat(fromJson.getSRID()).isEqualTo(4326);
    assertThat(params("{}").geometry("area")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}|ring must be closed",
      "{\"type\":\"Point\",\"coordinates\":[200,10]}|not a longitude/latitude",
      "{\"type\":\"Circle\",\"coordinates\":[0,0]}|unknown GeoJSON geometry type",
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}|not a valid geometry",
      "5|must be WKT text or a GeoJSON geometry"})
  void badGeometriesNameTheParameter(String json, String message) {
    assertThatThrownBy(() -> params("{\"area\":" + json + "}").geometry("area"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.locator()).isEqualTo("area");
          assertThat(e.getMessage()).contains(message);
        });
  }
}
