package vn.citytwin.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * VN-2000, the refusals that leave nothing half-made, and the write modes (rejected rows, rollback, concurrent
 * imports), through the real server, GDAL and PostGIS.
 */
class ImportRulesIT {
  /**
   * A control point of VN-2000 / TM-3 107°45' (the Bà Rịa–Vũng Tàu provincial zone: k0 0.9999, false easting
   * 500 000 m) in Vũng Tàu: x = 427 200 m E, y = 1 143 800 m N.
   *
   * <p>Honest source: no published pair of this zone could be found offline, so the WGS 84 coordinates were
   * computed on this machine with PROJ 9.1 (GDAL 3.6 ogr2ogr {@code -ct}) by an explicit pipeline — inverse TM-3,
   * geocentric, {@code +proj=helmert +convention=coordinate_frame} with the values of Decision 05/2007/QĐ-BTNMT as
   * published (= EPSG:6960: dx −191.90441429, dy −39.30318279, dz −111.45032835 m; rx −0.00928836″, ry
   * +0.01975479″, rz −0.00427372″; +0.252906278 ppm) — which does not go through {@code +towgs84} and its sign
   * convention. For comparison on the same point: PROJ's default EPSG:5899 → 4326 (it picks EPSG:5194, "VN-2000 to
   * WGS 84 (1)") lands at 107.0870325772, 10.342385118 (0.80 m east), and the Decision's rotations pasted into
   * {@code +towgs84} unchanged (the wrong convention) at 107.0870207122, 10.3423829627 (0.50 m west): the 0.1 m
   * tolerance below tells all three apart.
   */
  static final double CONTROL_LON = 107.0870252632;
  static final double CONTROL_LAT = 10.3423846815;
  /** An ArcGIS-style .prj of the provincial TM-3 zone: it names the datum and has no TOWGS84. */
  static final String ESRI_PRJ = "PROJCS[\"VN_2000_Ba_Ria_Vung_Tau_TM3\",GEOGCS[\"GCS_VN_2000\","
      + "DATUM[\"D_Vietnam_2000\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
      + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\","
      + "500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",107.75],"
      + "PARAMETER[\"Scale_Factor\",0.9999],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

  static ImporterFixture f;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    f = new ImporterFixture("importrules", Map.of());
    GisFiles.write(dir, "shops.csv", "name,levels,lon,lat\nA,1,107.071,10.341\nB,2,107.072,10.342\n"
        + "C,3,107.073,10.343\n");
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** The TM-3 control point as a zipped Shapefile with the given .prj text. */
  static Path controlPointShapefile(String name, String prj) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    GisFiles.write(d, "cp.csv", "ten,wkt\nMoc VT-01,\"POINT (427200 1143800)\"\n");
    GisFiles.ogr2ogr(d, "-f", "ESRI Shapefile", "moc.shp", "cp.csv", "-a_srs", "EPSG:5899");
    if (prj != null) {
      Files.writeString(d.resolve("moc.prj"), prj);
    }
    return GisFiles.zip(dir.resolve(name + ".zip"), GisFiles.shapefileParts(d, "moc"));
  }

  static double metresFromControl(String layer) throws Exception {
    return Double.parseDouble(f.rows("SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(" + CONTROL_LON
        + ", " + CONTROL_LAT + "), 4326)::geography) FROM city." + layer).get(0));
  }

  @Test
  void vn2000ProvincialTm3PrjWithoutTowgs84LandsOnTheControlPoint() throws Exception {
    Path zip = controlPointShapefile("vn2000_esri", ESRI_PRJ);
    JsonObject job = f.importDone(zip, Map.of("layer", "moc_esri"));
    assertThat(job.getString("crs")).contains("VN-2000").contains("05/2007");
    assertThat(metresFromControl("moc_esri")).isLessThan(0.1);
  }

  @Test
  void vn2000AsGdalWritesItAndAsAGivenEpsgCode() throws Exception {
    Path gdalPrj = controlPointShapefile("vn2000_gdal", null);
    assertThat(Files.readString(dir.resolve("vn2000_gdal/moc.prj"))).contains("VN_2000").doesNotContain("TOWGS84");
    f.importDone(gdalPrj, Map.of("layer", "moc_gdal"));
    assertThat(metresFromControl("moc_gdal")).isLessThan(0.1);
    Path noPrj = Files.createDirectories(dir.resolve("vn2000_noprj"));
    GisFiles.write(noPrj, "moc.csv", "ten,x,y\nMoc VT-01,427200,1143800\n");
    f.importDone(noPrj.resolve("moc.csv"), Map.of("layer", "moc_given", "srs", "EPSG:5899"));
    assertThat(metresFromControl("moc_given")).isLessThan(0.1);
  }

  @Test
  void aFileWithoutCrsOrWithAnUnknownOneIsRefusedAtOnce() throws Exception {
    HttpResponse<String> none = f.upload(dir.resolve("shops.csv"), Map.of("layer", "no_crs"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(none.body()).getString("locator")).isEqualTo("srs");
    assertThat(new JsonObject(none.body()).getString("description")).contains("no coordinate reference system");
    HttpResponse<String> unknown = f.upload(dir.resolve("shops.csv"), Map.of("layer", "bad_crs", "srs",
        "EPSG:999999"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Unknown coordinate reference system");
    Path garbage = controlPointShapefile("garbage_prj", "PROJCS[\"nonsense\",GEOGCS[broken");
    HttpResponse<String> bad = f.upload(garbage, Map.of("layer", "bad_prj"));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains(".prj");
    assertThat(f.tables()).doesNotContain("city.no_crs", "city.bad_crs", "city.bad_prj");
  }

  @Test
  void badArchivesAreRefusedBeforeAnythingIsWritten() throws Exception {
    Path shp = Files.createDirectories(dir.resolve("parts"));
    GisFiles.ogr2ogr(shp, "-f", "ESRI Shapefile", "shops.shp", dir.resolve("shops.csv").toString(),
        "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs", "EPSG:4326");
    Path noShp = GisFiles.zip(dir.resolve("noshp.zip"), Map.of("shops.dbf", shp.resolve("shops.dbf"),
        "shops.shx", shp.resolve("shops.shx")));
    assertRefused(noShp, 400, "no .shp");

    Path slip = GisFiles.zip(dir.resolve("slip.zip"), Map.of("../../evil.shp", shp.resolve("shops.shp")));
    assertRefused(slip, 400, "outside its folder");

    Path bomb = dir.resolve("bomb.zip");
    try (OutputStream os = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry("zeros.geojson"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    assertRefused(bomb, 413, "times its size");

    Path notZip = GisFiles.write(dir, "notzip.zip", "this is not a zip");
    assertRefused(notZip, 400, "not a zip");

    Path gj = Files.createDirectories(dir.resolve("truncated"));
    GisFiles.ogr2ogr(gj, "-f", "GeoJSON", "shops.geojson", dir.resolve("shops.csv").toString(),
        "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs", "EPSG:4326");
    String whole = Files.readString(gj.resolve("shops.geojson"));
    Path cut = GisFiles.write(gj, "cut.geojson", whole.substring(0, whole.length() / 2));
    assertRefused(cut, 400, "GDAL cannot read");

    assertThat(f.tables()).doesNotContain("city.refused").noneMatch(t -> t.startsWith("import_staging."));
    assertThat(dir.getParent().resolve("evil.shp")).doesNotExist();
  }

  void assertRefused(Path file, int status, String text) throws Exception {
    HttpResponse<String> r = f.upload(file, Map.of("layer", "refused", "srs", "EPSG:4326"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("description")).contains(text);
    assertThat(body.getString("locator")).isEqualTo("file");
  }

  @Test
  void layerNamesAreCheckedAndAnExistingLayerIsAConflict() throws Exception {
    for (String bad : List.of("Bad-Name", "pg_shadow", "1abc", "a b")) {
      HttpResponse<String> r = f.upload(dir.resolve("shops.csv"), Map.of("layer", bad, "srs", "EPSG:4326"));
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("locator")).isEqualTo("layer");
    }
    f.importDone(dir.resolve("shops.csv"), Map.of("layer", "taken", "srs", "EPSG:4326"));
    HttpResponse<String> again = f.upload(dir.resolve("shops.csv"), Map.of("layer", "taken", "srs", "EPSG:4326"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("exists already");
    assertThat(f.rows("SELECT count(*) FROM city.taken")).containsExactly("3");
  }

  @Test
  void zeroFeaturesAndMixedGeometryTypesFailWithNothingWritten() throws Exception {
    Path empty = GisFiles.write(dir, "empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");
    JsonObject none = f.importFailed(empty, Map.of("layer", "empty"));
    assertThat(none.getInteger("status")).isEqualTo(400);
    assertThat(none.getString("description")).contains("no features");

    Path mixed = GisFiles.write(dir, "mixed.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"ten\":\"cot\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
        + "[107.07,10.34]}},{\"type\":\"Feature\",\"properties\":{\"ten\":\"lo\"},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[107.07,10.34],[107.071,10.34],[107.071,10.341],[107.07,10.34]]]}}]}");
    JsonObject refused = f.importFailed(mixed, Map.of("layer", "mixed"));
    assertThat(refused.getString("locator")).isEqualTo("mixed");
    assertThat(refused.getString("description")).contains("1 Point").contains("1 Polygon");
    assertThat(f.tables()).doesNotContain("city.empty", "city.mixed");

    f.importDone(mixed, Map.of("layer", "mixed", "mixed", "split"));
    assertThat(f.rows("SELECT ten FROM city.mixed_points")).containsExactly("cot");
    assertThat(f.rows("SELECT ten FROM city.mixed_polygons")).containsExactly("lo");
    assertThat(f.rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'import_staging'"))
        .containsExactly("0");
  }

  @Test
  void appendRejectsRowsWithReasonsReplaceRollsBackWhenNothingPasses() throws Exception {
    f.importDone(dir.resolve("shops.csv"), Map.of("layer", "shops", "srs", "EPSG:4326"));
    f.sql("ALTER TABLE city.shops ADD CONSTRAINT shops_levels_positive CHECK (levels > 0)");
    f.server.catalog().reloadNow();
    Path more = GisFiles.write(dir, "more.csv", "name,levels,lon,lat\nD,4,107.074,10.344\nE,0,107.075,10.345\n"
        + "F,many,107.076,10.346\n");
    JsonObject job = f.importDone(more, Map.of("layer", "shops", "srs", "EPSG:4326", "mode", "append"));
    assertThat(job.getLong("rowsWritten")).isEqualTo(1);
    assertThat(job.getLong("rowsRejected")).isEqualTo(2);
    List<JsonObject> reasons = job.getJsonArray("rejections").stream().map(o -> (JsonObject) o).toList();
    assertThat(reasons).extracting(r -> r.getLong("row")).containsExactly(2L, 3L);
    assertThat(reasons.get(0).getString("locator")).isEqualTo("levels");
    assertThat(reasons.get(0).getString("reason")).contains("shops_levels_positive");
    assertThat(reasons.get(1).getString("locator")).isEqualTo("levels");
    assertThat(reasons.get(1).getString("reason")).contains("integer");
    assertThat(f.rows("SELECT name FROM city.shops ORDER BY name")).containsExactly("A", "B", "C", "D");

    Path allBad = GisFiles.write(dir, "allbad.csv", "name,levels,lon,lat\nX,0,107.07,10.34\n");
    JsonObject failed = f.importFailed(allBad, Map.of("layer", "shops", "srs", "EPSG:4326", "mode", "replace"));
    assertThat(failed.getString("description")).contains("No row of the file passed validation");
    assertThat(f.rows("SELECT name FROM city.shops ORDER BY name")).containsExactly("A", "B", "C", "D");

    Path fresh = GisFiles.write(dir, "fresh.csv", "name,levels,lon,lat\nZ,9,107.07,10.34\n");
    f.importDone(fresh, Map.of("layer", "shops", "srs", "EPSG:4326", "mode", "replace", "titleEn", "Shops"));
    assertThat(f.rows("SELECT name, levels FROM city.shops")).containsExactly("Z|9");
    assertThat(f.rows("SELECT title_en FROM citytwin.catalog WHERE layer_id = 'shops'")).containsExactly("Shops");
  }

  @Test
  void concurrentAppendsToOneLayerAreSerialisedAndBothLand() throws Exception {
    f.importDone(dir.resolve("shops.csv"), Map.of("layer", "busy", "srs", "EPSG:4326"));
    CompletableFuture<JsonObject> a = CompletableFuture.supplyAsync(() -> call(() -> f.await(f.submit(
        dir.resolve("shops.csv"), Map.of("layer", "busy", "srs", "EPSG:4326", "mode", "append")))));
    CompletableFuture<JsonObject> b = CompletableFuture.supplyAsync(() -> call(() -> f.await(f.submit(
        dir.resolve("shops.csv"), Map.of("layer", "busy", "srs", "EPSG:4326", "mode", "append")))));
    assertThat(a.get().getString("phase")).isEqualTo("done");
    assertThat(b.get().getString("phase")).isEqualTo("done");
    assertThat(f.rows("SELECT count(*), count(DISTINCT id) FROM city.busy")).containsExactly("9|9");
  }

  @Test
  void theCommandLineImportsTheSameWay() throws Exception {
    Path props = GisFiles.write(dir, "citytwin.properties", "db.url=" + f.db.jdbcUrl() + "\n");
    int code = new CommandLine(new ImportCommand()).execute(dir.resolve("shops.csv").toString(), "--config",
        props.toString(), "--layer", "cli_shops", "--srs", "EPSG:4326", "--title-vi", "Cửa hàng");
    assertThat(code).isZero();
    assertThat(f.rows("SELECT name FROM city.cli_shops ORDER BY 1")).containsExactly("A", "B", "C");
    assertThat(f.rows("SELECT title_vi FROM citytwin.catalog WHERE layer_id = 'cli_shops'"))
        .containsExactly("Cửa hàng");
    int again = new CommandLine(new ImportCommand()).execute(dir.resolve("shops.csv").toString(), "--config",
        props.toString(), "--layer", "cli_shops", "--srs", "EPSG:4326");
    assertThat(again).isEqualTo(1);
  }

  interface Call<T> {
    T get() throws Exception;
  }

  static <T> T call(Call<T> c) {
    try {
      return c.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
