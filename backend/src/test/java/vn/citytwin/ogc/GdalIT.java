package vn.citytwin.ogc;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * A real GIS client against the running server: GDAL's WFS and OAPIF drivers copy every public layer out with
 * ogr2ogr, push attribute and spatial filters to the server (checked in GDAL's debug log of the URLs it fetched)
 * and get exactly the features PostGIS selects, with coordinates in the right axis order; GDAL's WFS-T inserts and
 * deletes round-trip. GDAL (gdal-bin) must be installed: without it the test fails, it does not skip.
 */
class GdalIT {
  static TestDatabase db;
  static CityTwinServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("gdal");
    server = TestServer.start(db.jdbcUrl(), Map.of("wfs.transactions.enabled", "true",
        "features.max.limit", "1000"));
    base = "http://127.0.0.1:" + server.port();
    FeatureFixtures.load(db);
    Identities.user(db, "gis-gdal", "mat-khau-gis-admin", Role.GIS_ADMIN);
    Identities.user(db, "viewer-qgis", "mat-khau-viewer-1", Role.VIEWER);
    try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
      st.execute("INSERT INTO city.cameras (id, code, kind, ward, geom) VALUES"
          + " (1, 'CAM-001', 'traffic', 'Phường Vũng Tàu', ST_GeomFromText('POINT(107.08 10.35)', 4326))");
    }
    server.catalog().reloadNow();
  }

  /** GDAL's way of sending HTTP Basic credentials (what QGIS stores for WMS/WFS connections too). */
  static String[] basic(String userPwd, String... command) {
    List<String> cmd = new ArrayList<>();
    cmd.add(command[0]);
    cmd.addAll(List.of("--config", "GDAL_HTTP_USERPWD", userPwd, "--config", "GDAL_HTTP_AUTH", "BASIC"));
    cmd.addAll(Arrays.asList(command).subList(1, command.length));
    return cmd.toArray(String[]::new);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  record Run(int exit, String output) {}

  static Run gdal(Path dir, String... command) throws Exception {
    List<String> cmd = new ArrayList<>(Arrays.asList(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError("GDAL is not installed (apt-get install gdal-bin): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  static JsonArray features(Path file) throws IOException {
    return new JsonObject(Files.readString(file)).getJsonArray("features");
  }

  /** Feature counts of every layer in a GeoPackage, from ogrinfo's summary. */
  static Map<String, Long> counts(Path dir, Path gpkg) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    Run info = gdal(dir, "ogrinfo", "-ro", "-al", "-so", gpkg.toString());
    assertThat(info.exit()).as(info.output()).isZero();
    Matcher m = Pattern.compile("Layer name: (.+)\\n(?:.*\\n)*?Feature Count: (\\d+)").matcher(info.output());
    while (m.find()) {
      counts.put(m.group(1).trim(), Long.parseLong(m.group(2)));
    }
    return counts;
  }

  @Test
  void ogr2ogrCopiesEveryLayerThroughWfsAndOapif(@TempDir Path dir) throws Exception {
    Run wfs = gdal(dir, "ogr2ogr", "-f", "GPKG", "wfs.gpkg", "WFS:" + base + "/wfs");
    assertThat(wfs.exit()).as(wfs.output()).isZero();
    Run oapif = gdal(dir, "ogr2ogr", "-f", "GPKG", "oapif.gpkg", "OAPIF:" + base + "/ogc");
    assertThat(oapif.exit()).as(oapif.output()).isZero();
    Map<String, Long> viaWfs = counts(dir, dir.resolve("wfs.gpkg"));
    Map<String, Long> viaOapif = counts(dir, dir.resolve("oapif.gpkg"));
    int publicLayers = server.publicLayers().size();
    assertThat(viaWfs).hasSize(publicLayers);
    for (var layer : server.publicLayers()) {
      long expected = FeatureFixtures.count(db, "SELECT count(*) FROM city.\"" + layer.table() + "\"");
      assertThat(viaWfs.get("citytwin:" + vn.citytwin.ogc.XmlNames.ncName(layer.id()))).as(layer.id())
          .isEqualTo(expected);
      if (expected > 0) { // GDAL's OAPIF driver cannot describe an empty collection, and skips it
        assertThat(viaOapif.get(layer.id())).as(layer.id()).isEqualTo(expected);
      }
    }
    assertThat(viaWfs.get("citytwin:buildings")).isEqualTo(FeatureFixtures.BUILDINGS);
  }

  @Test
  void attributeAndSpatialFiltersRunOnTheServer(@TempDir Path dir) throws Exception {
    String where = "height > 30 AND use_type = 'hotel'";
    long expected = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE " + where);
    Run wfs = gdal(dir, "ogr2ogr", "--debug", "on", "-f", "GeoJSON", "wfs.geojson", "WFS:" + base + "/wfs",
        "citytwin:buildings", "-where", where);
    assertThat(wfs.exit()).as(wfs.output()).isZero();
    assertThat(wfs.output()).contains("REQUEST=GetFeature").contains("FILTER=")
        .contains("PropertyIsGreaterThan");
    JsonArray viaWfs = features(dir.resolve("wfs.geojson"));
    assertThat(viaWfs).hasSize((int) expected);

    Run oapif = gdal(dir, "ogr2ogr", "--debug", "on", "-f", "GeoJSON", "oapif.geojson", "OAPIF:" + base + "/ogc",
        "buildings", "-where", where);
    assertThat(oapif.exit()).as(oapif.output()).isZero();
    assertThat(oapif.output()).contains("/ogc/collections/buildings/items?").contains("filter=");
    JsonArray viaOapif = features(dir.resolve("oapif.geojson"));
    assertThat(viaOapif).hasSize((int) expected);

    // the same features, at the same place (axis order right in both protocols)
    JsonObject a = viaWfs.getJsonObject(0);
    JsonObject b = viaOapif.stream().map(JsonObject.class::cast)
        .filter(f -> f.getJsonObject("properties").getString("address")
            .equals(a.getJsonObject("properties").getString("address"))).findFirst().orElseThrow();
    assertThat(a.getJsonObject("geometry")).isEqualTo(b.getJsonObject("geometry"));
    double lon = a.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).getJsonArray(0)
        .getDouble(0);
    assertThat(lon).isBetween(107.0, 107.2);

    long inBox = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE geom &&"
        + " ST_MakeEnvelope(107.07, 10.34, 107.075, 10.345, 4326)");
    Run spat = gdal(dir, "ogr2ogr", "--debug", "on", "-f", "GeoJSON", "box.geojson", "OAPIF:" + base + "/ogc",
        "buildings", "-spat", "107.07", "10.34", "107.075", "10.345");
    assertThat(spat.exit()).as(spat.output()).isZero();
    assertThat(spat.output()).contains("/ogc/collections/buildings/items?").contains("bbox=107.0");
    assertThat(features(dir.resolve("box.geojson"))).hasSize((int) inBox);
    Run spatWfs = gdal(dir, "ogr2ogr", "--debug", "on", "-f", "GeoJSON", "wbox.geojson", "WFS:" + base + "/wfs",
        "citytwin:buildings", "-spat", "107.07", "10.34", "107.075", "10.345");
    assertThat(spatWfs.exit()).as(spatWfs.output()).isZero();
    assertThat(spatWfs.output()).contains("BBOX");
    assertThat(features(dir.resolve("wbox.geojson"))).hasSize((int) inBox);
  }

  @Test
  void wfsTransactionsRoundTripThroughGdal(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("new.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
        + "\"Feature\",\"properties\":{\"name\":\"GDAL tower\",\"use_type\":\"office\",\"levels\":9,\"height\":29.7},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[107.09,10.36],[107.0903,10.36],[107.0903,10.3603],"
        + "[107.09,10.3603],[107.09,10.36]]]}}]}");
    // GDAL 3.6 reads WFS 2.0 insert results the 1.1.0 way, so its transactions speak 1.1.0
    String wfs = "WFS:" + base + "/wfs?VERSION=1.1.0";
    // Anonymous clients may not write; GDAL signs in with HTTP Basic as a GIS admin.
    Run refused = gdal(dir, "ogr2ogr", "-update", "-append", wfs, "new.geojson", "-nln", "citytwin:buildings");
    assertThat(refused.exit()).as(refused.output()).isNotZero();
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE name = 'GDAL tower'")).isZero();
    Run insert = gdal(dir, basic("gis-gdal:mat-khau-gis-admin", "ogr2ogr", "-update", "-append", wfs, "new.geojson",
        "-nln", "citytwin:buildings"));
    assertThat(insert.exit()).as(insert.output()).isZero();
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE name = 'GDAL tower'"
        + " AND ST_XMin(geom) = 107.09 AND ST_YMin(geom) = 10.36")).isEqualTo(1);
    Run delete = gdal(dir, basic("gis-gdal:mat-khau-gis-admin", "ogrinfo", "-update", wfs, "-sql",
        "DELETE FROM citytwin:buildings WHERE name = 'GDAL tower'"));
    assertThat(delete.exit()).as(delete.output()).isZero();
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE name = 'GDAL tower'"))
        .isZero();
  }

  @Test
  void basicAuthFromGdalOpensInternalLayers(@TempDir Path dir) throws Exception {
    String wfs = "WFS:" + base + "/wfs";
    Run anonymous = gdal(dir, "ogrinfo", "-ro", "-so", wfs);
    assertThat(anonymous.exit()).as(anonymous.output()).isZero();
    assertThat(anonymous.output()).contains("citytwin:buildings").doesNotContain("cameras");
    Run viewer = gdal(dir, basic("viewer-qgis:mat-khau-viewer-1", "ogrinfo", "-ro", "-al", "-so", wfs,
        "citytwin:cameras"));
    assertThat(viewer.exit()).as(viewer.output()).isZero();
    assertThat(viewer.output()).contains("Feature Count: 1");
    Run wrong = gdal(dir, basic("viewer-qgis:sai-mat-khau", "ogrinfo", "-ro", "-so", wfs));
    assertThat(wrong.exit()).as(wrong.output()).isNotZero();
    Run oapif = gdal(dir, basic("viewer-qgis:mat-khau-viewer-1", "ogrinfo", "-ro", "-al", "-so",
        "OAPIF:" + base + "/ogc", "cameras"));
    assertThat(oapif.exit()).as(oapif.output()).isZero();
    assertThat(oapif.output()).contains("Feature Count: 1");
  }
}
