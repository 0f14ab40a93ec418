package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.ScenarioFixture;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * 3D Tiles end to end: real PostGIS, real server; tileset.json checked against the 3D Tiles rules, every glb
 * fetched run through the Khronos validator and decoded back to lon/lat/height independently of the encoder.
 */
class Tiles3dIT {
  static final double GEOID = Tiles3dOptions.VUNG_TAU_GEOID_M;
  /** Building 1: a concave L-shaped hotel on a slope, 33 m tall. Corners lon/lat, closing point left out. */
  static final double[][] L_SHAPE = {{107.0800, 10.3500}, {107.0804, 10.3500}, {107.0804, 10.3502},
      {107.0802, 10.3502}, {107.0802, 10.3504}, {107.0800, 10.3504}};
  static final double GROUND_1 = 12.5;
  static final double HEIGHT_1 = 33.0;
  static final long ADDED = 1_000_000_000_001L;
  static final double[] IDENTITY = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    GltfValidator.install();
    db = TestDatabase.create("tiles3d");
    server = TestServer.start(db);
    http = new Http(server.port());
    StringBuilder l = new StringBuilder("POLYGON((");
    for (double[] c : L_SHAPE) {
      l.append(c[0]).append(' ').append(c[1]).append(',');
    }
    l.append(L_SHAPE[0][0]).append(' ').append(L_SHAPE[0][1]).append("))");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, ward, year_built, ground_elev, geom)"
          + " VALUES (1, 'Khách sạn Rạch Dừa', 'hotel', 10, " + HEIGHT_1 + ", 'Phường Vũng Tàu', 1998, " + GROUND_1
          + ", ST_GeomFromText('" + l + "', 4326)),"
          + "(2, NULL, 'shophouse', 4, 13.2, 'Phường Vũng Tàu', NULL, 3.0, "
          + "  ST_GeomFromText('POLYGON((107.0806 10.3500,107.0807 10.3500,107.0807 10.3502,107.0806 10.3502,"
          + "107.0806 10.3500))',4326)),"
          + "(3, NULL, 'villa', 2, 6.6, 'Phường Vũng Tàu', 2010, NULL, "
          + "  ST_GeomFromText('POLYGON((107.0810 10.3505,107.0812 10.3505,107.0812 10.3507,107.0810 10.3507,"
          + "107.0810 10.3505))',4326))");
      // 2,116 small buildings on a grid in Tam Thắng: more than a leaf may hold, so the tree must split.
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, ward, year_built, ground_elev, geom)"
          + " SELECT 1000 + i * 100 + j, NULL, (ARRAY['residential','shophouse','villa','office'])[1 + (i + j) % 4],"
          + " 1 + (i * j) % 5, 3.3 * (1 + (i * j) % 5), 'Phường Tam Thắng', 2000, 3 + i % 7,"
          + " ST_MakeEnvelope(107.085 + i * 0.0006, 10.36 + j * 0.0006, 107.0851 + i * 0.0006,"
          + " 10.3601 + j * 0.0006, 4326)"
          + " FROM generate_series(0, 45) i, generate_series(0, 45) j");
      s.execute("CREATE TABLE city.kiosks (id bigint PRIMARY KEY, name text, levels integer,"
          + " geom geometry(Polygon, 4326))");
      s.execute("INSERT INTO city.kiosks VALUES (7, 'Ki-ốt Bãi Sau', 2, ST_GeomFromText('POLYGON((107.0900 10.3400,"
          + "107.0901 10.3400,107.0901 10.3401,107.0900 10.3401,107.0900 10.3400))', 4326))");
    }
    server.catalog().reloadNow();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  /** A content leaf as tileset.json describes it. */
  record LeafRef(String uri, double[] world, BoundingRegion region) {}

  static List<LeafRef> leaves(JsonObject tileset) {
    List<LeafRef> out = new ArrayList<>();
    collect(tileset.getJsonObject("root"), IDENTITY, out);
    return out;
  }

  private static void collect(JsonObject tile, double[] parentWorld, List<LeafRef> out) {
    double[] world = parentWorld;
    JsonArray t = tile.getJsonArray("transform");
    if (t != null) {
      double[] local = new double[16];
      for (int i = 0; i < 16; i++) {
        local[i] = t.getDouble(i);
      }
      world = Matrix4.multiply(parentWorld, local);
    }
    JsonObject content = tile.getJsonObject("content");
    if (content != null) {
      JsonArray r = tile.getJsonObject("boundingVolume").getJsonArray("region");
      out.add(new LeafRef(content.getString("uri"), world, new BoundingRegion(r.getDouble(0), r.getDouble(1),
          r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5))));
    }
    JsonArray children = tile.getJsonArray("children");
    for (int i = 0; children != null && i < children.size(); i++) {
      collect(children.getJsonObject(i), world, out);
    }
  }

  static JsonObject tileset(String layer, String query) {
    HttpResponse<byte[]> r = http.get("/3dtiles/" + layer + "/tileset.json" + query);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonObject json = Http.json(r);
    assertThat(TilesetChecker.check(json)).as("tileset rules").isEmpty();
    return json;
  }

  static byte[] content(String layer, LeafRef leaf) {
    HttpResponse<byte[]> r = http.get("/3dtiles/" + layer + "/" + leaf.uri());
    assertThat(r.statusCode()).as(leaf.uri() + ": " + Http.text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("model/gltf-binary");
    return r.body();
  }

  /** Every leaf's decoded content, by URI. */
  static Map<LeafRef, DecodedTile> decodeAll(String layer, JsonObject tileset) {
    Map<LeafRef, DecodedTile> out = new LinkedHashMap<>();
    for (LeafRef leaf : leaves(tileset)) {
      out.put(leaf, new DecodedTile(content(layer, leaf), leaf.world()));
    }
    return out;
  }

  static long count(String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<Object> column(DecodedTile t, String property) {
    return t.glb.propertyTable().get(property);
  }

  @Test
  void theTilesetSplitsTheCityIntoBoundedLeavesEachBuildingOnceAndEveryGlbIsValid() throws Exception {
    JsonObject tileset = tileset("buildings", "");
    assertThat(tileset.getJsonObject("asset").getString("version")).isEqualTo("1.1");
    assertThat(tileset.getJsonObject("root").getString("refine")).isEqualTo("ADD");
    List<LeafRef> leaves = leaves(tileset);
    assertThat(leaves.size()).as("2,119 buildings at ≤ 2,000 per leaf").isGreaterThanOrEqualTo(2);

    Set<Long> ids = new HashSet<>();
    long features = 0;
    int n = 0;
    for (LeafRef leaf : leaves) {
      byte[] glb = content("buildings", leaf);
      JsonObject issues = GltfValidator.validate("it-leaf-" + n++ + ".glb", glb);
      assertThat(issues.getInteger("numErrors")).as("validator errors in %s", leaf.uri()).isZero();
      DecodedTile tile = new DecodedTile(glb, leaf.world());
      List<Object> tileIds = column(tile, "id");
      assertThat(tileIds.size()).isLessThanOrEqualTo(2000);
      for (Object id : tileIds) {
        assertThat(ids.add((Long) id)).as("building %s in one leaf only", id).isTrue();
      }
      features += tileIds.size();
      // Region holds every vertex (≈ 1 cm of slack in angle, 1 cm in height).
      for (double[] p : tile.lonLatH) {
        double lon = Math.toRadians(p[0]);
        double lat = Math.toRadians(p[1]);
        assertThat(lon).isBetween(leaf.region().west() - 2e-9, leaf.region().east() + 2e-9);
        assertThat(lat).isBetween(leaf.region().south() - 2e-9, leaf.region().north() + 2e-9);
        assertThat(p[2]).isBetween(leaf.region().minHeight() - 0.01, leaf.region().maxHeight() + 0.01);
      }
    }
    assertThat(features).isEqualTo(count("SELECT count(*) FROM city.buildings"));
  }

  @Test
  void aKnownBuildingRoundTripsToItsFootprintGroundAndHeightWithItsProperties() {
    JsonObject tileset = tileset("buildings", "");
    DecodedTile tile = null;
    LeafRef home = null;
    int feature = -1;
    for (Map.Entry<LeafRef, DecodedTile> e : decodeAll("buildings", tileset).entrySet()) {
      int i = column(e.getValue(), "id").indexOf(1L);
      if (i >= 0) {
        tile = e.getValue();
        home = e.getKey();
        feature = i;
      }
    }
    assertThat(tile).as("a leaf holds building 1").isNotNull();
    double ground = GROUND_1 + GEOID;
    boolean[][] hit = new boolean[L_SHAPE.length][2];
    int vertices = 0;
    for (int v = 0; v < tile.vertexCount; v++) {
      if (tile.featureIds[v] != feature) {
        continue;
      }
      vertices++;
      double best = Double.POSITIVE_INFINITY;
      int corner = -1;
      int level = -1;
      for (int c = 0; c < L_SHAPE.length; c++) {
        for (int k = 0; k < 2; k++) {
          double[] expected = Ecef.fromDegrees(L_SHAPE[c][0], L_SHAPE[c][1], ground + k * HEIGHT_1);
          double d = Math.sqrt(DecodedTile.dot(DecodedTile.sub(expected, tile.ecef[v]),
              DecodedTile.sub(expected, tile.ecef[v])));
          if (d < best) {
            best = d;
            corner = c;
            level = k;
          }
        }
      }
      assertThat(best).as("vertex %d from the nearest footprint corner, metres", v).isLessThan(0.01);
      assertThat(tile.lonLatH[v][2]).isCloseTo(ground + level * HEIGHT_1, within(0.01));
      hit[corner][level] = true;
    }
    assertThat(vertices).isPositive();
    for (boolean[] h : hit) {
      assertThat(h).as("every corner at ground and roof").containsExactly(true, true);
    }
    assertThat(home.region().maxHeight()).isGreaterThanOrEqualTo(ground + HEIGHT_1 - 1e-6);
    assertThat(home.region().minHeight()).isLessThanOrEqualTo(ground + 1e-6);

    Map<String, List<Object>> table = tile.glb.propertyTable();
    assertThat(table.get("name").get(feature)).isEqualTo("Khách sạn Rạch Dừa");
    assertThat(table.get("use_type").get(feature)).isEqualTo("hotel");
    assertThat(table.get("levels").get(feature)).isEqualTo(10L);
    assertThat((Double) table.get("height").get(feature)).isCloseTo(HEIGHT_1, within(1e-4));
    assertThat(table.get("year_built").get(feature)).isEqualTo(1998L);
    assertThat(table.get("ward").get(feature)).isEqualTo("Phường Vũng Tàu");
    assertThat(table.get("scenario_status").get(feature)).isEqualTo("base");
  }

  @Test
  void aScenariosAddedBuildingAppearsAndItsRemovedOneDisappearsOnlyInTheScenario() throws Exception {
    long scenario = ScenarioFixture.named("Tháp mới")
        .delete("buildings", 2)
        .add("buildings", ADDED,
            "{\"use_type\":\"hotel\",\"levels\":25,\"height\":82.5,\"name\":\"Tháp Thùy Vân\"}",
            "POLYGON((107.0815 10.3500,107.0818 10.3500,107.0818 10.3503,107.0815 10.3503,107.0815 10.3500))")
        .create(db);
    server.scenarios().refresh();

    HttpResponse<byte[]> baseResponse = http.get("/3dtiles/buildings/tileset.json");
    HttpResponse<byte[]> planResponse = http.get("/3dtiles/buildings/tileset.json?scenario=" + scenario);
    assertThat(planResponse.headers().firstValue("ETag")).isNotEqualTo(baseResponse.headers().firstValue("ETag"));
    JsonObject plan = tileset("buildings", "?scenario=" + scenario);
    for (LeafRef leaf : leaves(plan)) {
      assertThat(leaf.uri()).contains("scenario=" + scenario);
    }
    Map<Long, String> planned = statuses(plan);
    Map<Long, String> base = statuses(tileset("buildings", ""));

    assertThat(planned).containsEntry(ADDED, "add").doesNotContainKey(2L).containsEntry(1L, "base");
    assertThat(base).containsKey(2L).doesNotContainKey(ADDED);
    assertThat(planned.size()).isEqualTo(base.size()); // one in, one out
    // The added tower is drawn at its height: its leaf's region reaches its top.
    assertThat(leaves(plan).stream().mapToDouble(l -> l.region().maxHeight()).max().orElseThrow())
        .isGreaterThanOrEqualTo(82.5 + GEOID - 1e-6);
  }

  private static Map<Long, String> statuses(JsonObject tileset) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (DecodedTile t : decodeAll("buildings", tileset).values()) {
      List<Object> ids = column(t, "id");
      List<Object> status = column(t, "scenario_status");
      for (int i = 0; i < ids.size(); i++) {
        out.put((Long) ids.get(i), (String) status.get(i));
      }
    }
    return out;
  }

  @Test
  void etagsAnswer304AndADataChangeChangesTagsAndContent() throws Exception {
    HttpResponse<byte[]> first = http.get("/3dtiles/buildings/tileset.json");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(http.get("/3dtiles/buildings/tileset.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
    LeafRef leaf = leafHolding(Http.json(first), 3L);
    HttpResponse<byte[]> glb = http.get("/3dtiles/buildings/" + leaf.uri());
    String glbTag = glb.headers().firstValue("ETag").orElseThrow();
    assertThat(glb.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
    HttpResponse<byte[]> again = http.get("/3dtiles/buildings/" + leaf.uri(), "If-None-Match", glbTag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("UPDATE city.buildings SET height = 50.0 WHERE id = 3");
    }
    server.catalog().versions().refresh();
    HttpResponse<byte[]> changed = http.get("/3dtiles/buildings/tileset.json", "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    LeafRef now = leafHolding(Http.json(changed), 3L);
    assertThat(now.uri()).isNotEqualTo(leaf.uri()); // the version token in the URI moved on
    HttpResponse<byte[]> rebuilt = http.get("/3dtiles/buildings/" + now.uri(), "If-None-Match", glbTag);
    assertThat(rebuilt.statusCode()).isEqualTo(200);
    DecodedTile tile = new DecodedTile(rebuilt.body(), now.world());
    int i = column(tile, "id").indexOf(3L);
    assertThat((Double) column(tile, "height").get(i)).isCloseTo(50.0, within(1e-4));
    assertThat(now.region().maxHeight()).isGreaterThanOrEqualTo(50.0 + GEOID - 1e-6);
  }

  private static LeafRef leafHolding(JsonObject tileset, long id) {
    for (Map.Entry<LeafRef, DecodedTile> e : decodeAll("buildings", tileset).entrySet()) {
      if (column(e.getValue(), "id").contains(id)) {
        return e.getKey();
      }
    }
    throw new AssertionError("no leaf holds building " + id);
  }

  @Test
  void gzipWhenAskedInflatesToTheSameGlb() throws Exception {
    LeafRef leaf = leaves(tileset("buildings", "")).get(0);
    byte[] plain = content("buildings", leaf);
    HttpResponse<byte[]> gz = http.get("/3dtiles/buildings/" + leaf.uri(), "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes()).isEqualTo(plain);
    assertThat(gz.body().length).isLessThan(plain.length);
  }

  @Test
  void aLayerWithOnlyLevelsIsExtrudedWithItsOwnProperties() throws Exception {
    JsonObject tileset = tileset("kiosks", "");
    List<LeafRef> leaves = leaves(tileset);
    assertThat(leaves).hasSize(1);
    byte[] glb = content("kiosks", leaves.get(0));
    assertThat(GltfValidator.validate("it-kiosks.glb", glb).getInteger("numErrors")).isZero();
    Map<String, List<Object>> table = new DecodedTile(glb, leaves.get(0).world()).glb.propertyTable();
    assertThat(table.get("id")).containsExactly(7L);
    assertThat(table.get("name")).containsExactly("Ki-ốt Bãi Sau");
    assertThat(table.get("levels")).containsExactly(2L);
    assertThat((Double) table.get("height").get(0)).isCloseTo(2 * ExtrudedLayer.STOREY_HEIGHT_M, within(1e-4));
    assertThat(leaves.get(0).region().maxHeight()).isCloseTo(GEOID + 2 * ExtrudedLayer.STOREY_HEIGHT_M,
        within(1e-6));
  }

  @Test
  void theExportWritesTheSameTreeAndBytesTheServerServes(@TempDir Path dir) throws Exception {
    CityTwinConfig.Tiles settings = new CityTwinConfig.Tiles(60, 16, 204, 10000);
    Tiles3dExport.Summary summary;
    try (Tiles3dService service = new Tiles3dService(server.vertx(), server.database(), server.catalog(),
        Tiles3dOptions.from(settings))) {
      ExtrudedLayer layer = ExtrudedLayer.of(server.catalog().requireAny("buildings", "layer"));
      summary = Tiles3dExport.write(service, Tiles3dRequest.of(layer), dir, 2);
    }
    JsonObject exported = new JsonObject(Files.readString(dir.resolve("tileset.json")));
    assertThat(TilesetChecker.check(exported)).isEmpty();
    List<LeafRef> files = leaves(exported);
    List<LeafRef> served = leaves(tileset("buildings", ""));
    assertThat(files).hasSameSizeAs(served).hasSize(summary.tiles());
    assertThat(summary.features()).isEqualTo(count("SELECT count(*) FROM city.buildings"));
    for (int i = 0; i < files.size(); i++) {
      assertThat(served.get(i).uri()).startsWith(files.get(i).uri() + "?v=");
      assertThat(Files.readAllBytes(dir.resolve(files.get(i).uri()))).isEqualTo(content("buildings", served.get(i)));
    }
  }

  @Test
  void layerLinksAndTheStylePointTo3dTiles() {
    JsonArray links = http.getJson("/api/layers/buildings").getJsonArray("links");
    assertThat(links.stream().map(o -> (JsonObject) o).filter(l -> "3dtiles".equals(l.getString("rel")))
        .map(l -> l.getString("href")).toList()).singleElement().asString()
        .endsWith("/3dtiles/buildings/tileset.json");
    assertThat(links.stream().map(o -> (JsonObject) o).filter(l -> "style3d".equals(l.getString("rel")))
        .map(l -> l.getString("href")).toList()).singleElement().asString().endsWith("/styles/buildings-3d.json");
    JsonArray roadLinks = http.getJson("/api/layers/roads").getJsonArray("links");
    assertThat(roadLinks.stream().map(o -> ((JsonObject) o).getString("rel"))).doesNotContain("3dtiles");

    HttpResponse<byte[]> style = http.get("/styles/buildings-3d.json");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(Http.json(style).getJsonObject("color").getJsonArray("conditions")).isNotEmpty();
  }

  @Test
  void badRequestsGetAJsonErrorNamingTheParameter() throws Exception {
    assertError("/3dtiles/nope/tileset.json", 404, "layer");
    assertError("/3dtiles/cameras/tileset.json", 404, "layer"); // internal layers are not served publicly
    assertError("/3dtiles/roads/tileset.json", 400, "layer"); // no height
    assertError("/3dtiles/parks/tileset.json", 400, "layer");
    assertError("/3dtiles/buildings/tileset.json?scenario=abc", 400, "scenario");
    assertError("/3dtiles/buildings/tileset.json?scenario=999999", 404, "scenario");
    assertError("/3dtiles/buildings/tileset.json?filter=" + enc("height >"), 400, "filter");
    assertError("/3dtiles/buildings/tileset.json?datetime=2024-01-01", 400, "datetime");
    assertError("/3dtiles/buildings/content/25/0/0.glb", 400, "z");
    assertError("/3dtiles/buildings/content/a/0/0.glb", 400, "z");
    assertError("/3dtiles/buildings/content/3/16/0.glb", 400, "x");
    assertError("/3dtiles/buildings/content/3/0/8.glb", 400, "y");
    assertError("/3dtiles/roads/content/13/13066/3625.glb", 400, "layer");
    // A valid address that is not a leaf of the current tileset (the level-0 eastern hemisphere).
    assertError("/3dtiles/buildings/content/0/1/0.glb", 404, "tile");
  }

  @Test
  void aFilterNarrowsTheTilesetLikeEveryOtherEndpoint() throws Exception {
    Map<Long, String> hotels = new LinkedHashMap<>();
    JsonObject tileset = tileset("buildings", "?filter=" + enc("use_type = 'hotel'"));
    for (LeafRef leaf : leaves(tileset)) {
      assertThat(leaf.uri()).contains("filter=");
    }
    for (DecodedTile t : decodeAll("buildings", tileset).values()) {
      List<Object> ids = column(t, "id");
      for (int i = 0; i < ids.size(); i++) {
        hotels.put((Long) ids.get(i), (String) column(t, "use_type").get(i));
      }
    }
    assertThat(hotels.values()).containsOnly("hotel");
    assertThat((long) hotels.size()).isEqualTo(count("SELECT count(*) FROM city.buildings WHERE use_type = 'hotel'"));
  }

  private static void assertError(String path, int status, String locator) {
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.statusCode()).as(path + " " + Http.text(r)).isEqualTo(status);
    JsonObject body = Http.json(r);
    assertThat(body.getString("locator")).as(path).isEqualTo(locator);
    assertThat(body.getString("description")).as(path).isNotBlank().doesNotContain("SELECT");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
