package vn.citytwin.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsLayer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.MvtDecoder;
import vn.citytwin.testing.ScenarioFixture;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** Vector tiles end to end: real PostGIS, real server, MVT bytes decoded by an independent decoder. */
class TilesIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  // z16 tile containing (107.08, 10.35), in the centre of Vũng Tàu
  static final int Z = 16;
  static final int X = lonToX(107.08, Z);
  static final int Y = latToY(10.35, Z);
  static final String TILE = "/" + Z + "/" + X + "/" + Y + ".mvt";

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("tiles");
    server = TestServer.start(db);
    http = new Http(server.port());
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, ward, address, geom) VALUES "
          + "(1, 'Khách sạn Rạch Dừa', 'hotel', 10, 33.0, 'Phường Vũng Tàu', 'secret address', "
          + "  ST_GeomFromText('POLYGON((107.0800 10.3500,107.0802 10.3500,107.0802 10.3502,107.0800 10.3502,107.0800 10.3500))',4326)),"
          + "(2, NULL, 'shophouse', 4, 13.2, 'Phường Vũng Tàu', NULL, "
          + "  ST_GeomFromText('POLYGON((107.0805 10.3500,107.0806 10.3500,107.0806 10.3502,107.0805 10.3502,107.0805 10.3500))',4326)),"
          + "(3, NULL, 'villa', 2, 6.6, 'Phường Vũng Tàu', NULL, "
          + "  ST_GeomFromText('POLYGON((107.0810 10.3505,107.0812 10.3505,107.0812 10.3507,107.0810 10.3507,107.0810 10.3505))',4326)),"
          + "(4, NULL, 'villa', 2, 6.6, 'Phường Rạch Dừa', NULL, "
          + "  ST_GeomFromText('POLYGON((107.1100 10.3900,107.1102 10.3900,107.1102 10.3902,107.1100 10.3902,107.1100 10.3900))',4326))");
      s.execute("INSERT INTO city.roads (id, name, class, lanes, geom) VALUES "
          + "(1, 'Lê Lợi', 'primary', 4, ST_GeomFromText('LINESTRING(107.0790 10.3495, 107.0830 10.3510)', 4326))");
      s.execute("INSERT INTO city.flood_reports (id, street, depth_cm, reported_at, geom) VALUES "
          + "(1, 'Lê Hồng Phong', 40, '2022-10-20T08:00:00+07', ST_GeomFromText('POINT(107.0801 10.3503)',4326)),"
          + "(2, 'Lê Hồng Phong', 30, '2024-06-01T08:00:00+07', ST_GeomFromText('POINT(107.0803 10.3504)',4326))");
    }
    server.catalog().versions().refresh();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static int lonToX(double lon, int z) {
    return (int) Math.floor((lon + 180) / 360 * (1 << z));
  }

  static int latToY(double lat, int z) {
    double r = Math.toRadians(lat);
    return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
  }

  static long postgisCount(String table) throws Exception {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM city." + table
        + " WHERE ST_Intersects(geom, ST_Transform(ST_TileEnvelope(?, ?, ?), 4326))")) {
      ps.setInt(1, Z);
      ps.setInt(2, X);
      ps.setInt(3, Y);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aTileHoldsTheFeaturesPostgisFindsInItsEnvelopeWithTheirAttributes() throws Exception {
    var r = http.get("/tiles/buildings" + TILE);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
    JtsLayer layer = MvtDecoder.layer(r.body(), "buildings");
    assertThat(layer).isNotNull();
    assertThat((long) layer.getGeometries().size()).isEqualTo(postgisCount("buildings")).isEqualTo(3);
    Geometry hotel = layer.getGeometries().stream()
        .filter(g -> "hotel".equals(props(g).get("use_type"))).findFirst().orElseThrow();
    Map<String, Object> props = props(hotel);
    assertThat(props.get("name")).isEqualTo("Khách sạn Rạch Dừa");
    assertThat(((Number) props.get("height")).doubleValue()).isEqualTo(33.0);
    assertThat(((Number) props.get("levels")).intValue()).isEqualTo(10);
    assertThat(props).doesNotContainKey("address"); // not a tile field in the catalog
    for (Geometry g : layer.getGeometries()) {
      var env = g.getEnvelopeInternal();
      assertThat(env.getMinX()).isGreaterThanOrEqualTo(-64);
      assertThat(env.getMaxX()).isLessThanOrEqualTo(4096 + 64);
      assertThat(env.getMinY()).isGreaterThanOrEqualTo(-64);
      assertThat(env.getMaxY()).isLessThanOrEqualTo(4096 + 64);
      assertThat(g.getArea()).isPositive();
    }
  }

  @Test
  void severalLayersInOneTile() throws Exception {
    var r = http.get("/tiles/buildings,roads" + TILE);
    var mvt = MvtDecoder.decode(r.body());
    assertThat(mvt.getLayer("buildings").getGeometries()).hasSize(3);
    assertThat(mvt.getLayer("roads").getGeometries()).hasSize((int) postgisCount("roads")).hasSize(1);
    assertThat(props(mvt.getLayer("roads").getGeometries().iterator().next()).get("name"))
        .isEqualTo("Lê Lợi");
  }

  @Test
  void propertiesOverrideAndFilterNarrowTheTile() {
    var onlyName = MvtDecoder.layer(http.get("/tiles/buildings" + TILE + "?properties=name,address").body(),
        "buildings");
    for (Geometry g : onlyName.getGeometries()) {
      assertThat(props(g).keySet()).isSubsetOf("name", "address", "id"); // id: the MVT feature id, added by the decoder
    }
    var tall = MvtDecoder.layer(http.get("/tiles/buildings" + TILE + "?filter="
        + enc("height > 10 AND use_type IN ('hotel','shophouse')")).body(), "buildings");
    assertThat(tall.getGeometries()).hasSize(2);
  }

  @Test
  void datetimeSelectsTimeStampedFeatures() {
    var oct2022 = MvtDecoder.layer(http.get("/tiles/flood_reports" + TILE + "?datetime=2022-10-20").body(),
        "flood_reports");
    assertThat(oct2022.getGeometries()).hasSize(1);
    var all = MvtDecoder.layer(http.get("/tiles/flood_reports" + TILE + "?datetime=2022-01-01T00:00:00Z/..")
        .body(), "flood_reports");
    assertThat(all.getGeometries()).hasSize(2);
  }

  @Test
  void etagsAnswer304AndADataChangeInvalidatesTheTile() throws Exception {
    var first = http.get("/tiles/roads" + TILE);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
    var again = http.get("/tiles/roads" + TILE, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.roads (id, name, class, geom) VALUES "
          + "(2, 'Ba Cu', 'secondary', ST_GeomFromText('LINESTRING(107.0795 10.3500, 107.0815 10.3508)', 4326))");
    }
    server.catalog().versions().refresh();
    var changed = http.get("/tiles/roads" + TILE, "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    assertThat(MvtDecoder.layer(changed.body(), "roads").getGeometries()).hasSize(2);
  }

  @Test
  void withTheCacheSwitchedOffEveryTileComesFromPostgisAndStillTracksTheData() throws Exception {
    try (CityTwinServer uncached = TestServer.start(db.jdbcUrl(), Map.of("tiles.cache.mb", "0"))) {
      Http direct = new Http(uncached.port());
      var cached = http.get("/tiles/buildings" + TILE);
      var first = direct.get("/tiles/buildings" + TILE, "Accept-Encoding", "gzip");
      var second = direct.get("/tiles/buildings" + TILE);
      assertThat(second.body()).isEqualTo(cached.body());
      assertThat(new GZIPInputStream(new ByteArrayInputStream(first.body())).readAllBytes()).isEqualTo(cached.body());
      assertThat(second.headers().firstValue("ETag")).isEqualTo(cached.headers().firstValue("ETag"));

      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("UPDATE city.buildings SET levels = 11 WHERE id = 1");
      }
      uncached.catalog().versions().refresh();
      server.catalog().versions().refresh();
      var after = direct.get("/tiles/buildings" + TILE);
      JtsLayer layer = MvtDecoder.layer(after.body(), "buildings");
      assertThat(layer.getGeometries().stream().filter(g -> "hotel".equals(props(g).get("use_type")))
          .map(g -> ((Number) props(g).get("levels")).intValue()).toList()).containsExactly(11);
    } finally {
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("UPDATE city.buildings SET levels = 10 WHERE id = 1");
      }
      server.catalog().versions().refresh();
    }
  }

  @Test
  void gzipWhenAskedDecodesToTheSameTile() throws Exception {
    var plain = http.get("/tiles/buildings" + TILE);
    var gz = http.get("/tiles/buildings" + TILE, "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
    assertThat(inflated).isEqualTo(plain.body());
  }

  @Test
  void anEmptyTileIs204() {
    var r = http.get("/tiles/buildings/16/0/0.mvt");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
  }

  /** The tile area is ST_TileEnvelope with the MVT buffer: a point just past the edge is in, one farther is not. */
  @Test
  void theBufferReachesJustPastTheTileEdge() throws Exception {
    double east = (X + 1) / (double) (1 << Z) * 360 - 180;
    double buffer = 360.0 / (1 << Z) * 64 / 4096;
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO city.tourist_sites "
        + "(id, name, kind, geom) VALUES (?, ?, 'viewpoint', ST_SetSRID(ST_MakePoint(?, 10.3503), 4326))")) {
      ps.setLong(1, 901);
      ps.setString(2, "trong vùng đệm");
      ps.setDouble(3, east + buffer / 2);
      ps.addBatch();
      ps.setLong(1, 902);
      ps.setString(2, "ngoài vùng đệm");
      ps.setDouble(3, east + buffer * 2);
      ps.addBatch();
      ps.executeBatch();
    }
    server.catalog().versions().refresh();
    JtsLayer sites = MvtDecoder.layer(http.get("/tiles/tourist_sites" + TILE).body(), "tourist_sites");
    assertThat(sites.getGeometries()).hasSize(1);
    assertThat(props(sites.getGeometries().iterator().next()).get("name"))
        .isEqualTo("trong vùng đệm");
  }

  @Test
  void aScenarioTileShowsTheScenariosCity() throws Exception {
    long scenario = ScenarioFixture.named("Tháp mới")
        .delete("buildings", 2)
        .add("buildings", 1000000000001L,
            "{\"use_type\":\"hotel\",\"levels\":25,\"height\":82.5,\"name\":\"Tháp Thùy Vân\"}",
            "POLYGON((107.0815 10.3500,107.0818 10.3500,107.0818 10.3503,107.0815 10.3503,107.0815 10.3500))")
        .create(db);
    server.scenarios().refresh();
    var base = MvtDecoder.layer(http.get("/tiles/buildings" + TILE).body(), "buildings");
    var r = http.get("/tiles/buildings" + TILE + "?scenario=" + scenario);
    assertThat(r.headers().firstValue("ETag")).isNotEqualTo(http.get("/tiles/buildings" + TILE).headers()
        .firstValue("ETag"));
    var planned = MvtDecoder.layer(r.body(), "buildings");
    assertThat(base.getGeometries()).hasSize(3);
    assertThat(planned.getGeometries()).hasSize(3); // one removed, one added
    var names = planned.getGeometries().stream().map(g -> (Object) props(g).get("name")).toList();
    assertThat(names).contains("Tháp Thùy Vân");
    var statuses = planned.getGeometries().stream()
        .map(g -> (Object) props(g).get("scenario_status")).toList();
    assertThat(statuses).containsExactlyInAnyOrder("base", "base", "add");
  }

  @Test
  void badRequestsGetAJsonErrorNamingTheParameter() {
    assertError("/tiles/buildings/25/0/0.mvt", 400, "z");
    assertError("/tiles/buildings/3/8/0.mvt", 400, "x");
    assertError("/tiles/buildings/3/a/0.mvt", 400, "x");
    assertError("/tiles/nope" + TILE, 404, "layer");
    assertError("/tiles/cameras" + TILE, 404, "layer"); // internal layers are not served publicly
    assertError("/tiles/buildings" + TILE + "?properties=nope", 400, "properties");
    assertError("/tiles/buildings" + TILE + "?filter=" + enc("height >"), 400, "filter");
    assertError("/tiles/buildings" + TILE + "?filter=" + enc("nope = 1"), 400, "filter");
    assertError("/tiles/buildings" + TILE + "?scenario=abc", 400, "scenario");
    assertError("/tiles/buildings" + TILE + "?scenario=999999", 404, "scenario");
    assertError("/tiles/buildings" + TILE + "?datetime=2022-10-20", 400, "datetime");
    assertError("/tiles/flood_reports" + TILE + "?datetime=yesterday", 400, "datetime");
  }

  @Test
  void tileJsonIsEnoughForAWebMapLibrary() {
    JsonObject tj = http.getJson("/tiles/buildings,roads.json");
    assertThat(tj.getString("tilejson")).isEqualTo("3.0.0");
    assertThat(tj.getJsonArray("tiles").getString(0)).endsWith("/tiles/buildings,roads/{z}/{x}/{y}.mvt");
    assertThat(tj.getJsonArray("vector_layers")).hasSize(2);
    JsonObject b = tj.getJsonArray("vector_layers").getJsonObject(0);
    assertThat(b.getString("id")).isEqualTo("buildings");
    assertThat(b.getJsonObject("fields").getString("height")).isEqualTo("Number");
    assertThat(b.getJsonObject("fields").containsKey("address")).isFalse();
    var bounds = tj.getJsonArray("bounds");
    assertThat(bounds.getDouble(0)).isBetween(107.0, 107.2);
    assertThat(bounds.getDouble(3)).isBetween(10.3, 10.5);
    assertThat(http.get("/tiles/nope.json").statusCode()).isEqualTo(404);
  }

  @Test
  void ogcApiTilesServesTheSameTiles() {
    var conformance = http.getJson("/ogc/conformance").getJsonArray("conformsTo");
    assertThat(conformance).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core");
    var tms = http.getJson("/ogc/tileMatrixSets/WebMercatorQuad");
    assertThat(tms.getJsonArray("tileMatrices")).hasSize(25);
    var xyz = http.get("/tiles/buildings" + TILE).body();
    var ogc = http.get("/ogc/collections/buildings/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X + "?f=mvt");
    assertThat(ogc.statusCode()).isEqualTo(200);
    assertThat(ogc.body()).isEqualTo(xyz);
    assertThat(http.get("/ogc/collections/buildings/tiles/Other/1/0/0").statusCode()).isEqualTo(404);
    var tileset = http.getJson("/ogc/collections/buildings/tiles/WebMercatorQuad");
    assertThat(tileset.getString("dataType")).isEqualTo("vector");
  }

  private static void assertError(String path, int status, String locator) {
    var r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    JsonObject body = Http.json(r);
    assertThat(body.getString("locator")).as(path).isEqualTo(locator);
    assertThat(body.getString("description")).as(path).isNotBlank().doesNotContain("SELECT");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Geometry g) {
    return (Map<String, Object>) g.getUserData();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
