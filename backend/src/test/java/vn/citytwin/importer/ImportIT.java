package vn.citytwin.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.citytwin.access.Role;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * Imports through the real server, GDAL and PostGIS: each format made with ogr2ogr from a small CSV fixture,
 * uploaded to {@code POST /api/imports}, followed with {@code GET /api/imports/{id}} until it ends, then checked
 * in {@code city.<layer>}, the catalog and {@code /api/layers}.
 */
class ImportIT {
  /** Three places in Vũng Tàu with Vietnamese names, a storey count and a height. */
  static final String POI_CSV = "name,levels,height,lon,lat\n"
      + "Bạch Dinh,2,9.5,107.0716,10.3496\n"
      + "Ngọn Hải Đăng,3,18.0,107.0802,10.3339\n"
      + "Tượng Chúa Kitô Vua,1,32.0,107.0848,10.3264\n";

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static String gisAdmin;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("importer");
    Files.createDirectories(dir.resolve("allowed"));
    server = TestServer.start(db.jdbcUrl(), Map.of("import.folder", dir.resolve("allowed").toString()));
    gisAdmin = Identities.bearer(Identities.token(db, "gis-admin", Role.GIS_ADMIN));
    http = new Http(server.port()).as(gisAdmin);
    GisFiles.write(dir, "poi.csv", POI_CSV);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static JsonObject submit(Path file, Map<String, String> fields) throws Exception {
    HttpResponse<String> r = GisFiles.upload(server.port(), gisAdmin, file, fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new JsonObject(r.body());
  }

  /** Polls the job until it ends (30 s at most). */
  static JsonObject await(JsonObject job) throws Exception {
    for (int i = 0; i < 300; i++) {
      JsonObject now = http.getJson("/api/imports/" + job.getString("id"));
      String phase = now.getString("phase");
      if (phase.equals("done") || phase.equals("failed") || phase.equals("cancelled")) {
        return now;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import did not end: " + job);
  }

  static JsonObject importDone(Path file, Map<String, String> fields) throws Exception {
    JsonObject job = await(submit(file, fields));
    assertThat(job.getString("phase")).as(job.encodePrettily()).isEqualTo("done");
    return job;
  }

  static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }

  /** name|levels|height|lon|lat of each row, by name, coordinates rounded to 1e-6°. */
  static List<String> poiRows(String layer) throws Exception {
    return rows("SELECT name, levels::int, height::float8, round(ST_X(geom)::numeric, 6), round(ST_Y(geom)::numeric,"
        + " 6) FROM city." + layer + " ORDER BY name");
  }

  static final List<String> POI_EXPECTED = List.of(
      "Bạch Dinh|2|9.5|107.071600|10.349600",
      "Ngọn Hải Đăng|3|18|107.080200|10.333900",
      "Tượng Chúa Kitô Vua|1|32|107.084800|10.326400");

  @Test
  void csvWithLonLatColumnsBecomesALayerWithTitlesIndexAndTrigger() throws Exception {
    JsonObject job = importDone(dir.resolve("poi.csv"), Map.of("layer", "poi_csv", "srs", "EPSG:4326",
        "titleVi", "Điểm du lịch", "titleEn", "Sights"));
    assertThat(job.getLong("rowsWritten")).isEqualTo(3);
    assertThat(job.getLong("rowsRejected")).isZero();
    assertThat(job.getInteger("percent")).isEqualTo(100);
    assertThat(poiRows("poi_csv")).containsExactlyElementsOf(POI_EXPECTED);
    assertThat(rows("SELECT title_vi, title_en FROM citytwin.catalog WHERE layer_id = 'poi_csv'"))
        .containsExactly("Điểm du lịch|Sights");
    assertThat(rows("SELECT indexdef FROM pg_indexes WHERE schemaname = 'city' AND tablename = 'poi_csv'"
        + " AND indexdef ILIKE '%gist%'")).hasSize(1);
    assertThat(rows("SELECT tgname FROM pg_trigger WHERE tgrelid = 'city.poi_csv'::regclass AND NOT tgisinternal"))
        .isNotEmpty();
    assertThat(rows("SELECT type FROM geometry_columns WHERE f_table_name = 'poi_csv'")).containsExactly("POINT");
    JsonObject layer = http.getJson("/api/layers/poi_csv");
    assertThat(layer.getJsonObject("title").getString("en")).isEqualTo("Sights");
    assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'import_staging'"))
        .containsExactly("0");
    // Published at once by every protocol: OGC API items, WMS capabilities and a WMS map.
    assertThat(http.getJson("/ogc/collections/poi_csv/items").getJsonArray("features")).hasSize(3);
    assertThat(http.getText("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities")).contains("<Name>poi_csv</Name>");
    HttpResponse<byte[]> map = http.get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=poi_csv&STYLES=&CRS=CRS:84"
        + "&BBOX=107.06,10.32,107.09,10.36&WIDTH=64&HEIGHT=64&FORMAT=image/png");
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(map.body()));
    int drawn = 0;
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        drawn += (png.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
      }
    }
    assertThat(drawn).as("pixels of the three points").isGreaterThan(0);
  }

  @Test
  void zippedShapefileWithUtf8Cpg() throws Exception {
    Path shp = Files.createDirectories(dir.resolve("shp_utf8"));
    GisFiles.ogr2ogr(shp, "-f", "ESRI Shapefile", "poi.shp", dir.resolve("poi.csv").toString(),
        "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "AUTODETECT_TYPE=YES",
        "-a_srs", "EPSG:4326", "-lco", "ENCODING=UTF-8");
    assertThat(Files.readString(shp.resolve("poi.cpg")).trim()).isEqualTo("UTF-8");
    Path zip = GisFiles.zip(dir.resolve("poi_shp.zip"), GisFiles.shapefileParts(shp, "poi"));
    importDone(zip, Map.of("layer", "poi_shp"));
    assertThat(poiRows("poi_shp")).containsExactlyElementsOf(POI_EXPECTED);
  }

  @Test
  void shapefileInWindows1258IsReadThroughItsCpg() throws Exception {
    Path shp = Files.createDirectories(dir.resolve("shp_1258"));
    GisFiles.ogr2ogr(shp, "-f", "ESRI Shapefile", "poi.shp", dir.resolve("poi.csv").toString(),
        "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "AUTODETECT_TYPE=YES",
        "-a_srs", "EPSG:4326", "-lco", "ENCODING=CP1258");
    String dbfAsUtf8 = new String(Files.readAllBytes(shp.resolve("poi.dbf")), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(dbfAsUtf8).doesNotContain("Bạch").doesNotContain("Đăng"); // really not UTF-8 on disk
    Path zip = GisFiles.zip(dir.resolve("poi_1258.zip"), GisFiles.shapefileParts(shp, "poi"));
    importDone(zip, Map.of("layer", "poi_cp1258"));
    // Every character kept (GDAL 3.6 + iconv alone drop the last one of each text), composed (NFC).
    assertThat(rows("SELECT name FROM city.poi_cp1258 ORDER BY 1"))
        .containsExactly("Bạch Dinh", "Ngọn Hải Đăng", "Tượng Chúa Kitô Vua");
  }

  @Test
  void geoJsonAndGeoPackage() throws Exception {
    Path out = Files.createDirectories(dir.resolve("gj"));
    String[] common = {"-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "AUTODETECT_TYPE=YES",
        "-a_srs", "EPSG:4326"};
    List<String> gj = new ArrayList<>(List.of("-f", "GeoJSON", "poi.geojson", dir.resolve("poi.csv").toString()));
    gj.addAll(List.of(common));
    GisFiles.ogr2ogr(out, gj.toArray(String[]::new));
    List<String> gpkg = new ArrayList<>(List.of("-f", "GPKG", "poi.gpkg", dir.resolve("poi.csv").toString(),
        "-nln", "diem"));
    gpkg.addAll(List.of(common));
    GisFiles.ogr2ogr(out, gpkg.toArray(String[]::new));
    importDone(out.resolve("poi.geojson"), Map.of("layer", "poi_geojson"));
    importDone(out.resolve("poi.gpkg"), Map.of("layer", "poi_gpkg", "sourceLayer", "diem"));
    assertThat(poiRows("poi_geojson")).containsExactlyElementsOf(POI_EXPECTED);
    assertThat(poiRows("poi_gpkg")).containsExactlyElementsOf(POI_EXPECTED);
  }

  /** Importing publishes layers: anonymous callers are asked to sign in, a viewer is refused; nothing is made. */
  @Test
  void onlyAGisAdminImports() throws Exception {
    Path file = dir.resolve("poi.csv");
    HttpResponse<String> anonymous = GisFiles.upload(server.port(), null, file, Map.of("layer", "poi_anon",
        "srs", "EPSG:4326"));
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    String viewer = Identities.bearer(Identities.token(db, "viewer-only", Role.VIEWER));
    HttpResponse<String> refused = GisFiles.upload(server.port(), viewer, file, Map.of("layer", "poi_viewer",
        "srs", "EPSG:4326"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(new Http(server.port()).get("/api/imports/1").statusCode()).isEqualTo(401);
    assertThat(rows("SELECT count(*) FROM pg_tables WHERE schemaname = 'city' AND tablename LIKE 'poi\\_anon%'"
        + " OR tablename LIKE 'poi\\_viewer%'")).containsExactly("0");
  }

  @Test
  void csvWithWktColumnAndAPathInTheImportFolder() throws Exception {
    GisFiles.write(dir.resolve("allowed"), "parcels.csv", "ma_thua,wkt\n"
        + "A1,\"POLYGON ((107.07 10.34, 107.071 10.34, 107.071 10.341, 107.07 10.341, 107.07 10.34))\"\n"
        + "A2,\"MULTIPOLYGON (((107.08 10.34, 107.081 10.34, 107.081 10.341, 107.08 10.34)))\"\n");
    HttpResponse<byte[]> r = http.send("POST", "/api/imports", "application/json",
        new JsonObject().put("path", "parcels.csv").put("layer", "parcels").put("srs", "EPSG:4326")
            .put("title", new JsonObject().put("vi", "Thửa đất").put("en", "Parcels")).encode());
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(202);
    JsonObject job = await(Http.json(r));
    assertThat(job.getString("phase")).as(job.encodePrettily()).isEqualTo("done");
    // A Polygon and a MultiPolygon: one layer of MultiPolygons (the single part promoted).
    assertThat(rows("SELECT type FROM geometry_columns WHERE f_table_name = 'parcels'"))
        .containsExactly("MULTIPOLYGON");
    assertThat(rows("SELECT ma_thua, ST_NumGeometries(geom) FROM city.parcels ORDER BY 1"))
        .containsExactly("A1|1", "A2|1");
    for (String outside : List.of("../poi.csv", "/etc/passwd", "missing.csv")) {
      HttpResponse<byte[]> refused = http.send("POST", "/api/imports", "application/json",
          new JsonObject().put("path", outside).put("layer", "outside").put("srs", "EPSG:4326").encode());
      assertThat(refused.statusCode()).as(outside).isEqualTo(400);
      assertThat(Http.json(refused).getString("locator")).isEqualTo("path");
    }
  }

  @Test
  void mapInfoTabInAZipAndDxfWithAGivenCrs() throws Exception {
    Path tab = Files.createDirectories(dir.resolve("tab"));
    GisFiles.ogr2ogr(tab, "-f", "MapInfo File", "poi.tab", dir.resolve("poi.csv").toString(),
        "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "AUTODETECT_TYPE=YES",
        "-a_srs", "EPSG:4326");
    Map<String, Path> parts = new java.util.LinkedHashMap<>();
    for (String ext : List.of("tab", "dat", "map", "id")) {
      parts.put("poi." + ext, tab.resolve("poi." + ext));
    }
    importDone(GisFiles.zip(dir.resolve("poi_tab.zip"), parts), Map.of("layer", "poi_tab"));
    assertThat(poiRows("poi_tab")).containsExactlyElementsOf(POI_EXPECTED);

    Path dxf = Files.createDirectories(dir.resolve("dxf"));
    GisFiles.ogr2ogr(dxf, "-f", "DXF", "poi.dxf", dir.resolve("poi.csv").toString(),
        "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-skipfailures");
    HttpResponse<String> noCrs = GisFiles.upload(server.port(), gisAdmin, dxf.resolve("poi.dxf"), Map.of("layer", "poi_dxf"));
    assertThat(noCrs.statusCode()).isEqualTo(400);
    importDone(dxf.resolve("poi.dxf"), Map.of("layer", "poi_dxf", "srs", "EPSG:4326"));
    assertThat(rows("SELECT round(ST_X(geom)::numeric, 6) FROM city.poi_dxf ORDER BY 1"))
        .containsExactly("107.071600", "107.080200", "107.084800");
  }
}
