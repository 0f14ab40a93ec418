package vn.citytwin.planning.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.citytwin.planning.simulation.SimulationFixtures.box;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.access.Role;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.planning.simulation.SimulationFixtures;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The planning indicators, the flood simulation and the accessibility simulation count the same people: one row
 * of five equal footprints (0.0006° × 0.0006° at 10.3° N, each {@link #FOOTPRINT_M2} ≈ 4,360 m²) on land that
 * the sea floods entirely at the default water level, with a school within a short walk of all of them and no
 * roads (so accessibility measures straight lines).
 *
 * <pre>
 *   id  use          levels  share  dwelling m² / footprint m²
 *   1   residential  4       1.0    4
 *   2   shophouse    3       0.7    2.1
 *   3   villa        2       1.0    2
 *   4   office       6       0      0
 *   5   Mixed        2       0.5    1       (upper case in the data: uses match without regard to case)
 *                                   = 9.1 → residents = 9.1 × footprint ÷ 25 m² ≈ 1,587
 * </pre>
 */
class ResidentsAgreeIT {
  /** One sea column (−2 m) and five land columns (0.5 m) of 0.001°, three rows: all land floods at +1.6 m. */
  static final double[][] DEM = {
      {-2, 0.5, 0.5, 0.5, 0.5, 0.5},
      {-2, 0.5, 0.5, 0.5, 0.5, 0.5},
      {-2, 0.5, 0.5, 0.5, 0.5, 0.5},
  };
  static final Object[][] BUILDINGS = {
      {1L, "residential", 4}, {2L, "shophouse", 3}, {3L, "villa", 2}, {4L, "office", 6}, {5L, "Mixed", 2}};

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static String editor;
  /** Geodesic area of every footprint, m² (they are equal boxes in the same band of latitude). */
  static double footprintM2;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("residents_agree");
    server = TestServer.start(db);
    try (Connection c = db.connect()) {
      SimulationFixtures.writeDem(c, 107.0, 10.3, 0.001, DEM);
      for (Object[] b : BUILDINGS) {
        long id = (Long) b[0];
        double west = 107.0002 + 0.001 * id;
        SimulationFixtures.building(c, id, (String) b[1], (Integer) b[2], 3.5 * (Integer) b[2],
            box(west, 10.3012, west + 0.0006, 10.3018));
      }
      SimulationFixtures.school(c, 1, "Trường Tiểu học Bãi Sau", "primary", 107.003, 10.302);
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT min(ST_Area(geom::geography)), max(ST_Area(geom::geography))"
               + " FROM city.buildings")) {
        rs.next();
        footprintM2 = rs.getDouble(1);
        assertThat(rs.getDouble(2)).isCloseTo(footprintM2, within(1e-6));
      }
    }
    // 0.0006° of latitude ≈ 66.4 m by 0.0006° of longitude ≈ 65.7 m at 10.3° N.
    assertThat(footprintM2).isCloseTo(66.4 * 65.7, within(15.0));
    server.catalog().reloadNow();
    server.scenarios().refresh();
    // Simulations need a planner; the scenarios here are written straight into the table (no author): admin too.
    editor = Identities.bearer(Identities.token(db, "test-editor", Role.PLANNER, Role.ADMIN));
    http = new Http(server.port()).as(editor);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void indicatorsFloodAndAccessibilityCountTheSameResidents() {
    double expected = 9.1 * footprintM2 / 25;
    Counts n = counts(http);
    assertThat(n.indicators).isCloseTo(expected, within(1e-6 * expected));
    assertThat(n.flooded).isEqualTo(Math.round(expected));
    assertThat(n.accessTotal).isEqualTo(Math.round(expected));
    assertThat(n.accessCovered).isEqualTo(Math.round(expected));
    // Buildings people live in: all but the office, on both simulation sides.
    assertThat(n.flood.getJsonObject("buildings").getInteger("count")).isEqualTo(5);
    assertThat(n.flood.getJsonObject("buildings").getInteger("residentialCount")).isEqualTo(4);
    assertThat(n.flood.getJsonObject("buildings").getDouble("residentialFloorAreaM2"))
        .isCloseTo(9.1 * footprintM2, within(0.1));
    assertThat(n.access.getInteger("residentialBuildings")).isEqualTo(4);
    // All three report the same assumptions.
    JsonObject assumed = Residents.defaults().toJson();
    assertThat(n.flood.getJsonObject("assumptions")).isEqualTo(assumed);
    assertThat(n.access.getJsonObject("assumptions")).isEqualTo(assumed);
    assertThat(n.indicatorAssumptions.getDouble("residentM2")).isEqualTo(25.0);
    assertThat(n.indicatorAssumptions.getJsonObject("residentialShare"))
        .isEqualTo(assumed.getJsonObject("residentialShare"));
  }

  @Test
  void changingTheSettingsChangesBothSidesAlike() {
    // 20 m² per resident and shophouses half dwelling: (4 + 1.5 + 2 + 0 + 1) × footprint ÷ 20.
    Map<String, String> settings = Map.of("planning.resident.m2", "20",
        "planning.residential.share", "residential:1,villa:1,shophouse:0.5,mixed:0.5");
    CityTwinServer other = TestServer.start(db.jdbcUrl(), settings);
    try {
      other.catalog().reloadNow();
      other.scenarios().refresh();
      double expected = 8.5 * footprintM2 / 20;
      assertThat(Math.round(expected)).isNotEqualTo(Math.round(9.1 * footprintM2 / 25));
      // Over the same database: runs cached by the first server under the default rule must not be answered.
      Counts n = counts(new Http(other.port()).as(editor));
      assertThat(n.indicators).isCloseTo(expected, within(1e-6 * expected));
      assertThat(n.flooded).isEqualTo(Math.round(expected));
      assertThat(n.accessTotal).isEqualTo(Math.round(expected));
      assertThat(n.accessCovered).isEqualTo(Math.round(expected));
      JsonObject assumed = new JsonObject().put("residentM2", 20.0).put("residentialShare", new JsonObject()
          .put("mixed", 0.5).put("residential", 1.0).put("shophouse", 0.5).put("villa", 1.0));
      assertThat(n.flood.getJsonObject("assumptions")).isEqualTo(assumed);
      assertThat(n.access.getJsonObject("assumptions")).isEqualTo(assumed);
      assertThat(n.indicatorAssumptions.getDouble("residentM2")).isEqualTo(20.0);
    } finally {
      other.close();
    }
    // The first server still counts by its own settings.
    assertThat(counts(http).flooded).isEqualTo(Math.round(9.1 * footprintM2 / 25));
  }

  /** What each side reports for the base city. */
  record Counts(double indicators, JsonObject indicatorAssumptions, long flooded, JsonObject flood,
                long accessTotal, long accessCovered, JsonObject access) {}

  static Counts counts(Http client) {
    JsonObject report = client.getJson("/api/scenarios/base/indicators");
    double indicators = Double.NaN;
    for (Object o : report.getJsonArray("indicators")) {
      JsonObject i = (JsonObject) o;
      if (i.getString("id").equals("residents")) {
        indicators = i.getDouble("value");
      }
    }
    JsonObject flood = SimulationFixtures.runToEnd(client, "base", "flood", new JsonObject().put("seaLevelRise", 0));
    assertThat(flood.getString("status")).as(flood.encode()).isEqualTo("done");
    JsonObject f = flood.getJsonObject("result");
    assertThat(f.getInteger("floodedCells")).as("all land floods").isEqualTo(15);
    JsonObject access = SimulationFixtures.runToEnd(client, "base", "accessibility", new JsonObject()
        .put("facilities", new JsonArray().add("schools")).put("minutes", new JsonArray().add(30)));
    assertThat(access.getString("status")).as(access.encode()).isEqualTo("done");
    JsonObject a = access.getJsonObject("result");
    JsonObject threshold = a.getJsonArray("classes").getJsonObject(0).getJsonArray("thresholds").getJsonObject(0);
    return new Counts(indicators, report.getJsonObject("assumptions"),
        f.getJsonObject("buildings").getLong("residentsAffected"), f, a.getLong("residentsTotal"),
        threshold.getLong("residentsCovered"), a);
  }
}
