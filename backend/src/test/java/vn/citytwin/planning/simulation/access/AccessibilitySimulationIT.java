package vn.citytwin.planning.simulation.access;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.citytwin.planning.simulation.SimulationFixtures.box;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Service areas on a hand-made grid of streets, 100 m blocks, 600 m × 300 m, with a primary school at the
 * south-west corner (0, 0). Residential 10 m × 10 m houses stand 10 m off the street (their access leg), at known
 * network distances from the school: walking 5 min at 5 km/h is 416.7 m.
 *
 * <pre>
 *   house  position (m)   network distance    straight line
 *   A      (150, −10)     150 + 10 = 160      150
 *   B      (395, −10)     395 + 10 = 405      395
 *   C      (430, −10)     430 + 10 = 440      430
 *   D      (−10, 250)     250 + 10 = 260      250
 *   E      (350, 90)      450 + 10 = 460      361   (the street at y = 100 is reached round a block)
 *   F      (600, −10)     600 + 10 = 610      600
 * </pre>
 */
class AccessibilitySimulationIT {
  static final double LON0 = 107.10;
  static final double LAT0 = 10.36;
  // Degree lengths on the WGS 84 spheroid at 10.36° N, so fixture metres are PostGIS geography metres.
  static final double M_PER_DEG_LAT = 110_609.6;
  static final double M_PER_DEG_LON = 109_517.0;

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static long withSecondSchool;
  static double residentsPerHouse;

  static double lon(double x) {
    return LON0 + x / M_PER_DEG_LON;
  }

  static double lat(double y) {
    return LAT0 + y / M_PER_DEG_LAT;
  }

  static String house(double x, double y) {
    return box(lon(x - 5), lat(y - 5), lon(x + 5), lat(y + 5));
  }

  static String line(double x0, double y0, double x1, double y1) {
    return "LINESTRING(" + lon(x0) + " " + lat(y0) + ", " + lon(x1) + " " + lat(y1) + ")";
  }

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("simaccess");
    server = TestServer.start(db);
    try (Connection c = db.connect()) {
      long id = 1;
      for (int y = 0; y <= 300; y += 100) {
        SimulationFixtures.road(c, id++, "residential", line(0, y, 600, y));
      }
      for (int x = 0; x <= 600; x += 100) {
        SimulationFixtures.road(c, id++, "residential", line(x, 0, x, 300));
      }
      SimulationFixtures.school(c, 1, "Trường Tiểu học Góc Tây Nam", "primary", lon(0), lat(0));
      SimulationFixtures.hospital(c, 1, "Trạm y tế Góc Đông Bắc", "clinic", lon(600), lat(300));
      double[][] houses = {{150, -10}, {395, -10}, {430, -10}, {-10, 250}, {350, 90}, {600, -10}};
      for (int i = 0; i < houses.length; i++) {
        SimulationFixtures.building(c, 101 + i, "residential", 1, 3, house(houses[i][0], houses[i][1]));
      }
      SimulationFixtures.building(c, 200, "commercial", 4, 14, house(50, -10)); // no residents
      withSecondSchool = SimulationFixtures.scenario(c, "a second primary school in the south-east");
      SimulationFixtures.edit(c, withSecondSchool, "schools", 1_000_000_000_001L, "add",
          new JsonObject().put("name", "Trường Tiểu học mới").put("level", "primary"),
          "POINT(" + lon(600) + " " + lat(0) + ")");
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ST_Area(geom::geography) / ? FROM city.buildings WHERE id = 101")) {
        ps.setDouble(1, Residents.defaults().residentM2());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          residentsPerHouse = rs.getDouble(1);
        }
      }
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

  static JsonObject thresholds(JsonObject run, String layer, String cls, int minutes) {
    for (Object o : run.getJsonObject("result").getJsonArray("classes")) {
      JsonObject k = (JsonObject) o;
      if (k.getString("layer").equals(layer) && k.getString("class").equals(cls)) {
        for (Object t : k.getJsonArray("thresholds")) {
          if (((JsonObject) t).getInteger("minutes") == minutes) {
            return (JsonObject) t;
          }
        }
      }
    }
    throw new AssertionError("no " + layer + "/" + cls + "/" + minutes + " in " + run.encode());
  }

  @Test
  void fiveMinutesWalkingCoverExactlyTheHousesWithin417MetresAlongTheStreets() throws Exception {
    JsonObject run = SimulationFixtures.runToEnd(http, "base", "accessibility",
        new JsonObject().put("facilities", new JsonArray().add("schools")).put("minutes", new JsonArray().add(5).add(10)));
    assertThat(run.getString("status")).as(run.encode()).isEqualTo("done");
    JsonObject r = run.getJsonObject("result");
    assertThat(r.getString("method")).isEqualTo("network");
    // 4 + 7 streets noded at every crossing: 4 × 6 + 7 × 3 = 45 edges, 28 junctions.
    assertThat(r.getJsonObject("network").getLong("edges")).isEqualTo(45);
    assertThat(r.getJsonObject("network").getLong("junctions")).isEqualTo(28);
    assertThat(r.getLong("residentsTotal")).isEqualTo(Math.round(6 * residentsPerHouse));
    JsonObject five = thresholds(run, "schools", "primary", 5);
    assertThat(five.getDouble("distanceM")).isCloseTo(416.7, within(0.05));
    assertThat(five.getInteger("buildingsCovered")).isEqualTo(3); // A, B, D
    assertThat(five.getLong("residentsCovered")).isEqualTo(Math.round(3 * residentsPerHouse));
    assertThat(five.getDouble("shareOfResidents")).isCloseTo(0.5, within(1e-3));
    assertThat(thresholds(run, "schools", "primary", 10).getInteger("buildingsCovered")).isEqualTo(6);

    // The service area polygon: the reached streets buffered by 50 m; it holds A, B and D, not F.
    JsonObject iso = new JsonObject(http.getText("/api/scenarios/base/simulations/" + run.getString("id")
        + "/result.geojson?layer=isochrone")).getJsonArray("features").stream().map(o -> (JsonObject) o)
        .filter(f -> f.getJsonObject("properties").getInteger("minutes") == 5).findFirst().orElseThrow();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT array_agg(b.id ORDER BY b.id) FROM city.buildings b"
            + " WHERE ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), ST_PointOnSurface(b.geom))")) {
      ps.setString(1, iso.getJsonObject("geometry").encode());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat((Long[]) rs.getArray(1).getArray()).contains(101L, 102L, 104L).doesNotContain(106L);
      }
    }
  }

  @Test
  void straightLineDistanceIsTheDocumentedFallbackAndDiffers() {
    JsonObject run = SimulationFixtures.runToEnd(http, "base", "accessibility", new JsonObject()
        .put("facilities", "schools").put("minutes", 5).put("method", "straight"));
    assertThat(run.getJsonObject("result").getString("method")).isEqualTo("straight-line");
    // E (361 m straight, 460 m along the streets) is covered only as the crow flies.
    assertThat(thresholds(run, "schools", "primary", 5).getInteger("buildingsCovered")).isEqualTo(4);
  }

  @Test
  void aScenarioThatAddsASchoolCoversMoreResidents() {
    JsonObject params = new JsonObject().put("facilities", "schools").put("minutes", 5);
    JsonObject base = SimulationFixtures.runToEnd(http, "base", "accessibility", params);
    JsonObject plus = SimulationFixtures.runToEnd(http, Long.toString(withSecondSchool), "accessibility", params);
    JsonObject before = thresholds(base, "schools", "primary", 5);
    JsonObject after = thresholds(plus, "schools", "primary", 5);
    assertThat(before.getInteger("buildingsCovered")).isEqualTo(3);
    // The new school at (600, 0) reaches C (180 m), E (360 m round the block) and F (10 m).
    assertThat(after.getInteger("buildingsCovered")).isEqualTo(6);
    assertThat(after.getLong("residentsCovered")).isGreaterThan(before.getLong("residentsCovered"));
    assertThat(plus.getJsonObject("result").getJsonArray("classes").getJsonObject(0).getInteger("facilities"))
        .isEqualTo(2);
  }

  @Test
  void drivingAndClinicsAndClassFilters() {
    JsonObject run = SimulationFixtures.runToEnd(http, "base", "accessibility", new JsonObject()
        .put("mode", "drive").put("speedKmh", 20).put("minutes", 1).put("classes", new JsonArray().add("clinic")));
    JsonObject r = run.getJsonObject("result");
    assertThat(r.getJsonArray("classes")).hasSize(1);
    JsonObject one = thresholds(run, "hospitals", "clinic", 1);
    assertThat(one.getDouble("distanceM")).isCloseTo(333.3, within(0.05)); // 20 km/h for a minute
    // From the north-east corner (600, 300): only F at (600, −10) is within 333 m (300 + 10 = 310); E is 460 m.
    assertThat(one.getInteger("buildingsCovered")).isEqualTo(1);
  }

  @Test
  void badParametersAre400WithTheirLocator() {
    assertBad(new JsonObject().put("mode", "fly"), "mode");
    assertBad(new JsonObject().put("minutes", new JsonArray().add(0)), "minutes");
    assertBad(new JsonObject().put("minutes", new JsonArray().add(2.5)), "minutes");
    assertBad(new JsonObject().put("minutes", new JsonArray()), "minutes");
    assertBad(new JsonObject().put("facilities", "markets"), "facilities");
    assertBad(new JsonObject().put("speedKmh", 500), "speedKmh");
    assertBad(new JsonObject().put("method", "teleport"), "method");
    assertBad(new JsonObject().put("trimDistance", "wide"), "trimDistance");
  }

  static void assertBad(JsonObject body, String locator) {
    var r = http.send("POST", "/api/scenarios/base/simulations/accessibility", "application/json", body.encode());
    assertThat(r.statusCode()).as(body.encode()).isEqualTo(400);
    assertThat(Http.json(r).getString("locator")).as(body.encode()).isEqualTo(locator);
  }
}
