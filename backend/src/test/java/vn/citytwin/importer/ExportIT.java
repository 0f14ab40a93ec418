package vn.citytwin.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.testing.Http;

/**
 * Round trips: a layer imported from CSV is exported in each format through {@code GET /api/layers/{id}/export},
 * the file imported again as a new layer, and the two layers compared row by row — same count, same names and
 * numbers, geometries within 1e-7° (1 cm).
 */
class ExportIT {
  static ImporterFixture f;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    f = new ImporterFixture("export", Map.of());
    f.importDone(GisFiles.write(dir, "poi.csv", ImportIT.POI_CSV), Map.of("layer", "poi", "srs", "EPSG:4326"));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static Path download(String query, String file) throws Exception {
    HttpResponse<byte[]> r = f.http.get("/api/layers/poi/export?" + query);
    assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    return Files.write(dir.resolve(file), r.body());
  }

  /** Rows of the re-imported layer matching the original by name, values and place. */
  static long matching(String layer, boolean typedNumbers) throws Exception {
    String numbers = typedNumbers ? " AND a.levels = b.levels::int AND a.height = b.height::float8" : "";
    return Long.parseLong(f.rows("SELECT count(*) FROM city.poi a JOIN city." + layer + " b ON a.name = b.name"
        + " WHERE ST_Distance(a.geom, b.geom) < 1e-7" + numbers).get(0));
  }

  @ParameterizedTest
  @CsvSource({"gpkg,poi.gpkg,true", "shp,poi_shp.zip,true", "flatgeobuf,poi.fgb,true", "kml,poi.kml,false",
      "geojson,poi.geojson,true", "csv,poi_export.csv,true"})
  void roundTrip(String format, String file, boolean typed) throws Exception {
    Path exported = download("format=" + format, file);
    String layer = "back_" + format;
    f.importDone(exported, format.equals("csv") ? Map.of("layer", layer, "srs", "EPSG:4326")
        : Map.of("layer", layer));
    assertThat(f.rows("SELECT count(*) FROM city." + layer)).containsExactly("3");
    assertThat(matching(layer, typed)).isEqualTo(3);
  }

  @Test
  void streamedGeoJsonHonoursTheFilter() throws Exception {
    HttpResponse<byte[]> r = f.http.get("/api/layers/poi/export?format=geojson&filter=levels%20%3E%201");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("geo+json");
    JsonObject fc = Http.json(r);
    assertThat(fc.getJsonArray("features")).hasSize(2);
  }

  @Test
  void vn2000ExportGoesBackWithTheSameTransformation() throws Exception {
    Path gpkg = download("format=gpkg&srs=EPSG:5899&filter=name%20%3D%20%27B%E1%BA%A1ch%20Dinh%27", "vn.gpkg");
    // TM-3 107°45' metres in the file: Bạch Dinh (107.0716 E) lies about 74 km west of the central meridian.
    GdalProcess.Result info = new GdalProcess("", 60).run("ogrinfo", java.util.List.of("-al", gpkg.toString()),
        Map.of(), null, null);
    assertThat(info.stdout()).containsPattern("POINT \\(42\\d{4}\\.\\d+ 114\\d{4}\\.\\d+\\)");
    f.importDone(gpkg, Map.of("layer", "back_vn2000", "srs", "EPSG:5899"));
    assertThat(matching("back_vn2000", true)).isEqualTo(1);
  }

  @Test
  void theLayerListsItsDownloads() {
    JsonObject layer = f.http.getJson("/api/layers/poi");
    assertThat(layer.getJsonArray("links").stream().map(o -> (JsonObject) o)
        .filter(l -> "enclosure".equals(l.getString("rel"))).map(l -> l.getString("href")).toList())
        .anyMatch(h -> h.endsWith("/api/layers/poi/export?format=gpkg"))
        .anyMatch(h -> h.endsWith("/api/layers/poi/export?format=shp"));
  }

  @Test
  void badExportRequestsAreJson4xx() throws Exception {
    HttpResponse<byte[]> format = f.http.get("/api/layers/poi/export?format=dwg");
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(Http.json(format).getString("locator")).isEqualTo("format");
    HttpResponse<byte[]> layer = f.http.get("/api/layers/nothing/export?format=gpkg");
    assertThat(layer.statusCode()).isEqualTo(404);
    HttpResponse<byte[]> srs = f.http.get("/api/layers/poi/export?format=gpkg&srs=EPSG:999999");
    assertThat(srs.statusCode()).isEqualTo(400);
    assertThat(Http.json(srs).getString("locator")).isEqualTo("srs");
  }
}
