package vn.citytwin.planning.simulation.flood;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.citytwin.planning.simulation.SimulationFixtures.box;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.planning.residents.Residents;
import vn.citytwin.planning.simulation.SimulationFixtures;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The flood simulation over HTTP on a hand-made district: an 8 × 6 DEM of 0.001° cells (west 107.000, south
 * 10.300) with the sea on the west, a beach and a low strip, a dyke, a basin behind it as low as the strip, and a
 * hill; buildings, roads, schools and hospitals placed in each part.
 */
class FloodSimulationIT {
  static final double[][] DEM = {
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
      {-2, 0.5, 0.8, 0.8, 3, 0.5, 0.5, 5},
  };
  /** The flooded strip at +1.6 m: columns 1–3 (beach and strip), all rows. */
  static final String FLOODED = box(107.001, 10.300, 107.004, 10.306);

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static long scenario;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("simflood");
    server = TestServer.start(db);
    try (Connection c = db.connect()) {
      SimulationFixtures.writeDem(c, 107.0, 10.3, 0.001, DEM);
      // In the strip: residential (3 levels) and a shop straddling the strip and the dyke.
      SimulationFixtures.building(c, 1, "residential", 3, 10, box(107.0022, 10.3022, 107.0028, 10.3028));
      SimulationFixtures.building(c, 4, "commercial", 2, 7, box(107.0038, 10.3040, 107.0042, 10.3044));
      // Behind the dyke and on the hill: dry.
      SimulationFixtures.building(c, 2, "residential", 5, 16, box(107.0052, 10.3022, 107.0058, 10.3028));
      SimulationFixtures.building(c, 3, "residential", 2, 7, box(107.0072, 10.3022, 107.0078, 10.3028));
      SimulationFixtures.road(c, 1, "primary", "LINESTRING(107.0025 10.300, 107.0025 10.306)");
      SimulationFixtures.road(c, 2, "secondary", "LINESTRING(107.0015 10.3035, 107.0075 10.3035)");
      SimulationFixtures.road(c, 3, "residential", "LINESTRING(107.0055 10.3005, 107.0055 10.3055)");
      SimulationFixtures.school(c, 1, "Trường Tiểu học Bãi Sau", "primary", 107.0031, 10.3011);
      SimulationFixtures.school(c, 2, "Trường THCS Nguyễn An Ninh", "secondary", 107.0061, 10.3011);
      SimulationFixtures.hospital(c, 1, "Trạm y tế Thắng Tam", "clinic", 107.0012, 10.3051);
      SimulationFixtures.hospital(c, 2, "Bệnh viện Vũng Tàu", "hospital", 107.0075, 10.3051);
      scenario = SimulationFixtures.scenario(c, "new flats in the strip");
      SimulationFixtures.edit(c, scenario, "buildings", 900, "add", new JsonObject().put("name", "Flats")
          .put("use_type", "residential").put("levels", 10).put("height", 32),
          box(107.0012, 10.3042, 107.0018, 10.3048));
      SimulationFixtures.edit(c, scenario, "buildings", 4, "delete", null, null);
    }
    server.catalog().reloadNow();
    server.scenarios().refresh();
    // Simulations need a planner who may change the scenario: the fixtures write scenarios straight into the table
    // (no author), which only admins may change, so the test acts as a planner who is also an admin.
    http = new Http(server.port()).as(Identities.bearer(Identities.token(db, "test-editor", Role.PLANNER,
        Role.ADMIN)));
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void theBasinBehindTheDykeStaysDryAndExposureIsCountedInTheFloodedStrip() throws Exception {
    JsonObject run = SimulationFixtures.runToEnd(http, "base", "flood", new JsonObject().put("seaLevelRise", 0));
    assertThat(run.getString("status")).as(run.encode()).isEqualTo("done");
    assertThat(run.getDouble("percentDone")).isEqualTo(100.0);
    JsonObject r = run.getJsonObject("result");
    assertThat(r.getDouble("waterLevelM")).isEqualTo(1.6);
    assertThat(r.getInteger("floodedCells")).isEqualTo(18);
    double expectedKm2;
    double b1FloorArea;
    double cutKm;
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT ST_Area(ST_GeomFromText('" + FLOODED + "', 4326)::geography),"
             + " (SELECT ST_Area(geom::geography) * 3 FROM city.buildings WHERE id = 1),"
             + " (SELECT sum(ST_Length(ST_Intersection(geom, ST_GeomFromText('" + FLOODED + "', 4326))::geography))"
             + " FROM city.roads)")) {
      rs.next();
      expectedKm2 = rs.getDouble(1) / 1e6;
      b1FloorArea = rs.getDouble(2);
      cutKm = rs.getDouble(3) / 1000;
    }
    // Spherical cell areas vs PostGIS's spheroid: within 0.5 %.
    assertThat(r.getDouble("floodedAreaKm2")).isCloseTo(expectedKm2, within(expectedKm2 * 0.005));
    JsonObject b = r.getJsonObject("buildings");
    assertThat(ids(b)).containsExactly(1L, 4L);
    assertThat(b.getInteger("count")).isEqualTo(2);
    assertThat(b.getInteger("residentialCount")).isEqualTo(1);
    assertThat(b.getDouble("residentialFloorAreaM2")).isCloseTo(b1FloorArea, within(0.1));
    assertThat(b.getLong("residentsAffected"))
        .isEqualTo(Math.round(b1FloorArea / Residents.defaults().residentM2()));
    assertThat(r.getJsonObject("assumptions")).isEqualTo(Residents.defaults().toJson());
    JsonObject roads = r.getJsonObject("roads");
    assertThat(roads.getLong("count")).isEqualTo(2);
    assertThat(roads.getDouble("lengthKm")).isCloseTo(cutKm, within(0.001));
    assertThat(cutKm).isCloseTo(0.667 + 0.274, within(0.01));
    assertThat(r.getJsonArray("schools")).hasSize(1);
    assertThat(r.getJsonArray("schools").getJsonObject(0).getString("name")).isEqualTo("Trường Tiểu học Bãi Sau");
    assertThat(r.getJsonArray("hospitals")).hasSize(1);
    assertThat(r.getJsonArray("hospitals").getJsonObject(0).getString("kind")).isEqualTo("clinic");
    JsonObject depth = r.getJsonObject("depth");
    assertThat(depth.getDouble("maxM")).isCloseTo(1.1, within(1e-3));

    JsonObject fc = new JsonObject(http.getText("/api/scenarios/base/simulations/" + run.getString("id")
        + "/result.geojson"));
    JsonArray features = fc.getJsonArray("features");
    assertThat(features).hasSize(1);
    JsonObject f = features.getJsonObject(0);
    assertThat(f.getJsonObject("properties").getString("layer")).isEqualTo("flood_extent");
    assertThat(f.getJsonObject("geometry").getString("type")).isIn("Polygon", "MultiPolygon");
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT ST_HausdorffDistance(geom, ST_GeomFromText('" + FLOODED + "', 4326)) < 1e-9,"
             + " ST_NPoints(geom) FROM planning.simulation_result WHERE run_id = '" + run.getString("id") + "'")) {
      rs.next();
      assertThat(rs.getBoolean(1)).as("a rectangle of cells simplifies to itself").isTrue();
      assertThat(rs.getInt(2)).isEqualTo(5);
    }
  }

  @Test
  void higherWaterOvertopsTheDykeAndAThresholdIsNotWhatIsComputed() {
    JsonObject run = SimulationFixtures.runToEnd(http, "base", "flood",
        new JsonObject().put("seaLevelRise", 1.0).put("surge", 1.0).put("tide", 1.5));
    JsonObject r = run.getJsonObject("result");
    assertThat(r.getDouble("waterLevelM")).isEqualTo(3.5);
    assertThat(r.getInteger("floodedCells")).isEqualTo(36);
    assertThat(ids(r.getJsonObject("buildings"))).containsExactly(1L, 2L, 4L);
    assertThat(r.getJsonObject("roads").getLong("count")).isEqualTo(3);
    assertThat(r.getJsonArray("schools")).hasSize(2);
  }

  @Test
  void aScenarioIsFloodedWithItsOwnBuildings() {
    JsonObject run = SimulationFixtures.runToEnd(http, Long.toString(scenario), "flood", new JsonObject());
    JsonObject b = run.getJsonObject("result").getJsonObject("buildings");
    // Building 4 is demolished in the scenario and the new flats (id 900) stand on the beach.
    assertThat(ids(b)).containsExactly(1L, 900L);
    assertThat(b.getInteger("residentialCount")).isEqualTo(2);
    assertThat(run.getString("scenario")).isEqualTo(Long.toString(scenario));
    // The run belongs to its scenario: not visible under the base city.
    var other = http.get("/api/scenarios/base/simulations/" + run.getString("id"));
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void anIdenticalRequestIsAnsweredFromTheCache() {
    JsonObject first = SimulationFixtures.runToEnd(http, "base", "flood",
        new JsonObject().put("seaLevelRise", 0.5).put("surge", 0.4));
    var again = http.send("POST", "/api/scenarios/base/simulations/flood", "application/json",
        new JsonObject().put("surge", 0.4).put("tide", 1.6).put("seaLevelRise", 0.5).encode());
    assertThat(again.statusCode()).isEqualTo(200);
    JsonObject cached = Http.json(again);
    assertThat(cached.getString("id")).isEqualTo(first.getString("id"));
    assertThat(cached.getBoolean("cached")).isTrue();
    assertThat(cached.getString("status")).isEqualTo("done");
    // Another level is another computation.
    var other = http.send("POST", "/api/scenarios/base/simulations/flood", "application/json",
        new JsonObject().put("surge", 0.41).put("seaLevelRise", 0.5).encode());
    assertThat(other.statusCode()).isEqualTo(202);
    assertThat(Http.json(other).getString("id")).isNotEqualTo(first.getString("id"));
    assertThat(other.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/scenarios/base/simulations/" + Http.json(other).getString("id"));
  }

  @Test
  void badParametersAre400WithTheirLocator() {
    assertBad("{\"tide\": \"high\"}", 400, "tide");
    assertBad("{\"tide\": 12}", 400, "tide");
    assertBad("{\"surge\": -1}", 400, "surge");
    assertBad("{\"seaLevelRise\": null, \"sealevelrise\": 1}", 400, "sealevelrise");
    assertBad("[1, 2]", 400, "body");
    assertBad("{not json", 400, "body");
    var kind = http.send("POST", "/api/scenarios/base/simulations/tsunami", "application/json", "{}");
    assertThat(kind.statusCode()).isEqualTo(404);
    assertThat(Http.json(kind).getString("locator")).isEqualTo("kind");
    var scen = http.send("POST", "/api/scenarios/987654/simulations/flood", "application/json", "{}");
    assertThat(scen.statusCode()).isEqualTo(404);
    var run = http.get("/api/scenarios/base/simulations/00000000-0000-0000-0000-000000000000");
    assertThat(run.statusCode()).isEqualTo(404);
    assertThat(Http.json(run).getString("locator")).isEqualTo("run");
  }

  static java.util.List<Long> ids(JsonObject buildings) {
    return buildings.getJsonArray("ids").stream().map(o -> ((Number) o).longValue()).toList();
  }

  static void assertBad(String body, int status, String locator) {
    var r = http.send("POST", "/api/scenarios/base/simulations/flood", "application/json", body);
    assertThat(r.statusCode()).as(body).isEqualTo(status);
    JsonObject err = Http.json(r);
    assertThat(err.getString("locator")).as(body).isEqualTo(locator);
    assertThat(err.getString("description")).doesNotContain("SQL", "Exception");
  }
}
