package vn.citytwin.planning.simulation.sun;

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
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.planning.simulation.SimulationFixtures;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** Sun and shadow runs over HTTP: a tower by the beach and a 10 m cube far from it. */
class ShadowSimulationIT {
  static final double M_LAT = 1 / 111_195.08;
  static final double TOWER_LON = 107.0900;
  static final double TOWER_LAT = 10.3400;
  static final double CUBE_LON = 107.1200;
  static final double CUBE_LAT = 10.3700;

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static long withoutTower;

  static double mLon(double lat) {
    return M_LAT / Math.cos(Math.toRadians(lat));
  }

  /** A square of side {@code side} metres centred {@code east}/{@code north} metres from (lon, lat). */
  static String square(double lon, double lat, double east, double north, double side) {
    double cx = lon + east * mLon(lat);
    double cy = lat + north * M_LAT;
    double hx = side / 2 * mLon(lat);
    double hy = side / 2 * M_LAT;
    return box(cx - hx, cy - hy, cx + hx, cy + hy);
  }

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("simshadow");
    server = TestServer.start(db);
    try (Connection c = db.connect()) {
      SimulationFixtures.building(c, 10, "hotel", 25, 80, square(TOWER_LON, TOWER_LAT, 0, 0, 20));
      SimulationFixtures.building(c, 20, "residential", 3, 10, square(CUBE_LON, CUBE_LAT, 0, 0, 10));
      withoutTower = SimulationFixtures.scenario(c, "no tower");
      SimulationFixtures.edit(c, withoutTower, "buildings", 10, "delete", null, null);
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

  static JsonObject params(String area, String from, String to) {
    JsonObject p = new JsonObject().put("date", "2025-03-20").put("area", area).put("stepMinutes", 10)
        .put("gridSpacing", 2);
    if (from != null) {
      p.put("from", from).put("to", to);
    }
    return p;
  }

  @Test
  void aPlaceEastOfTheTowerGetsLessAfternoonSunThanWithoutTheTower() {
    String east = square(TOWER_LON, TOWER_LAT, 30, 0, 10);
    JsonObject with = SimulationFixtures.runToEnd(http, "base", "shadow", params(east, "12:00", "18:00"));
    JsonObject without = SimulationFixtures.runToEnd(http, Long.toString(withoutTower), "shadow",
        params(east, "12:00", "18:00"));
    assertThat(with.getString("status")).as(with.encode()).isEqualTo("done");
    JsonObject h = with.getJsonObject("result").getJsonObject("sunHours");
    JsonObject h0 = without.getJsonObject("result").getJsonObject("sunHours");
    // The sun sets after 18:00 at the equinox: without the tower the area has the full 6 hours.
    assertThat(h0.getDouble("averageHours")).isCloseTo(6.0, within(1e-3));
    assertThat(h0.getDouble("minPointHours")).isCloseTo(6.0, within(1e-3));
    assertThat(h.getDouble("possibleHours")).isCloseTo(6.0, within(1e-3));
    assertThat(h.getDouble("averageHours")).isLessThan(5.0);
    assertThat(h.getDouble("maxPointHours")).isLessThan(6.0);
    assertThat(h.getInteger("points")).isEqualTo(25);
    assertThat(h.getJsonArray("samples")).hasSize(36);
    // Each sample point is a feature of the result layer, with its own hours.
    JsonArray points = layer(with, "sun_point");
    assertThat(points).hasSize(25);
    assertThat(points.stream().mapToDouble(f -> ((JsonObject) f).getJsonObject("properties")
        .getDouble("sunHours")).max().orElseThrow()).isLessThan(6.0);
    // In the morning the tower's shadow falls west, away from the area.
    JsonObject morning = SimulationFixtures.runToEnd(http, "base", "shadow", params(east, "07:00", "11:00"));
    assertThat(morning.getJsonObject("result").getJsonObject("sunHours").getDouble("averageHours"))
        .isCloseTo(4.0, within(1e-3));
  }

  @Test
  void aTenMetreCubeCastsItsShadowAwayFromTheSunWithLengthHeightTimesTanZenith() throws Exception {
    String area = square(CUBE_LON, CUBE_LAT, -40, -40, 10);
    JsonObject run = SimulationFixtures.runToEnd(http, "base", "shadow",
        params(area, null, null).put("time", "15:00"));
    JsonObject r = run.getJsonObject("result");
    JsonObject sun = r.getJsonObject("sun");
    double az = sun.getDouble("azimuthDeg");
    double elev = sun.getDouble("elevationDeg");
    // The same sun by an independent algorithm (Astronomical Almanac via sidereal time).
    double[] ref = SolarPositionTest.almanac(LocalDateTime.of(2025, 3, 20, 15, 0)
        .atZone(ShadowParams.ZONE).toInstant(), r.getJsonObject("location").getDouble("lat"),
        r.getJsonObject("location").getDouble("lon"));
    assertThat(elev).isCloseTo(ref[0], within(0.1));
    assertThat(az).isCloseTo(ref[1], within(0.1));
    assertThat(az).isBetween(240.0, 270.0); // mid-afternoon at the equinox: west-south-west

    JsonObject shadow = layer(run, "shadow").stream().map(o -> (JsonObject) o)
        .filter(f -> f.getJsonObject("properties").getLong("buildingId") == 20).findFirst().orElseThrow();
    double length = 10 / Math.tan(Math.toRadians(elev));
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "WITH s AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g),"
            + " b AS (SELECT geom AS g FROM city.buildings WHERE id = 20)"
            + " SELECT ST_Area(s.g::geography), degrees(ST_Azimuth(ST_Centroid(b.g), ST_Centroid(s.g))),"
            + " ST_Distance(ST_Centroid(b.g)::geography, ST_Centroid(s.g)::geography),"
            + " ST_Area(ST_Difference(b.g, s.g)::geography) FROM s, b")) {
      ps.setString(1, shadow.getJsonObject("geometry").encode());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double a = Math.toRadians(az);
        // A square swept by the offset: side² + side · length · (|sin az| + |cos az|).
        double expectedArea = 100 + 10 * length * (Math.abs(Math.sin(a)) + Math.abs(Math.cos(a)));
        assertThat(rs.getDouble(1)).isCloseTo(expectedArea, within(expectedArea * 0.01));
        // The swept square is symmetric about footprint centre + offset / 2: it points away from the sun.
        assertThat(rs.getDouble(2)).isCloseTo((az + 180) % 360, within(0.5));
        assertThat(rs.getDouble(3)).isCloseTo(length / 2, within(0.1));
        // The footprint is part of its shadow (up to the 1e-7° rounding of GeoJSON coordinates).
        assertThat(rs.getDouble(4)).isLessThan(0.05);
      }
    }
    assertThat(r.getJsonObject("day").getDouble("dayLengthHours")).isBetween(12.0, 12.2);
  }

  @Test
  void badParametersAre400WithTheirLocator() {
    String ok = square(CUBE_LON, CUBE_LAT, -40, -40, 10);
    assertBad(new JsonObject().put("area", ok), "date");
    assertBad(new JsonObject().put("date", "2025-02-30").put("area", ok), "date");
    assertBad(new JsonObject().put("date", "2025-03-20"), "area");
    assertBad(new JsonObject().put("date", "2025-03-20").put("area", "POINT(107 10)"), "area");
    assertBad(new JsonObject().put("date", "2025-03-20").put("area", "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))"), "area");
    assertBad(new JsonObject().put("date", "2025-03-20").put("area", "not wkt"), "area");
    assertBad(new JsonObject().put("date", "2025-03-20").put("area", box(107.0, 10.3, 107.1, 10.4)), "area");
    assertBad(params(ok, "15:00", "14:00"), "to");
    assertBad(params(ok, null, null).put("time", "25:00"), "time");
    assertBad(params(ok, null, null).put("stepMinutes", 0), "stepMinutes");
    assertBad(params(ok, null, null).put("stepMinutes", 2.5), "stepMinutes");
    // GeoJSON geometry objects are accepted as well as WKT.
    JsonObject geo = new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(new JsonArray()
        .add(new JsonArray().add(CUBE_LON - 0.001).add(CUBE_LAT - 0.001))
        .add(new JsonArray().add(CUBE_LON - 0.0009).add(CUBE_LAT - 0.001))
        .add(new JsonArray().add(CUBE_LON - 0.0009).add(CUBE_LAT - 0.0009))
        .add(new JsonArray().add(CUBE_LON - 0.001).add(CUBE_LAT - 0.001))));
    var r = http.send("POST", "/api/scenarios/base/simulations/shadow", "application/json",
        new JsonObject().put("date", "2025-03-20").put("area", geo).encode());
    assertThat(r.statusCode()).as(Http.text(r)).isIn(200, 202);
  }

  static void assertBad(JsonObject body, String locator) {
    var r = http.send("POST", "/api/scenarios/base/simulations/shadow", "application/json", body.encode());
    assertThat(r.statusCode()).as(body.encode()).isEqualTo(400);
    assertThat(Http.json(r).getString("locator")).as(body.encode()).isEqualTo(locator);
  }

  static JsonArray layer(JsonObject run, String layer) {
    String text = http.getText("/api/scenarios/" + run.getString("scenario") + "/simulations/" + run.getString("id")
        + "/result.geojson?layer=" + layer);
    return new JsonObject(text).getJsonArray("features");
  }
}
