package vn.citytwin.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.planning.District.Building;
import vn.citytwin.testing.Http;

/** Every indicator of the hand-made {@link District}, against values worked out by hand. */
class IndicatorsIT {
  static PlanningServer ps;
  static final double W1 = District.rectArea(0, 0, 1000, 1000);
  static final double W2 = District.rectArea(1000, 0, 2000, 1000);
  static final double PARK = District.rectArea(50, 600, 200, 750);
  static final TreeSet<String> USES = new TreeSet<>(District.BUILDINGS.stream().map(Building::use).toList());
  /** Zone height limits: Z1 (west of x = 1000) 20 m, Z2 45 m. */
  static final Map<Long, Double> LIMITS = District.BUILDINGS.stream().collect(java.util.stream.Collectors.toMap(
      Building::id, b -> b.x() < 1000 ? 20.0 : 45.0));

  /**
   * Along the roads (see District): a resident walks straight to road R1 (y = 500), along it, then straight to the
   * facility; e.g. building 102 (centre 610, 350) to the clinic (1300, 520): 150 + 690 + 20 = 860 m > 800 m.
   */
  static final Map<String, Set<Long>> NETWORK = Map.of(
      "primary_school", Set.of(101L, 102L, 104L),
      "secondary_school", Set.of(104L, 109L, 110L, 111L),
      "clinic", Set.of(104L, 109L),
      "hospital", Set.of());
  /** In straight lines: building 102 to the clinic is √(690² + 170²) ≈ 711 m ≤ 800 m. */
  static final Map<String, Set<Long>> STRAIGHT = Map.of(
      "primary_school", Set.of(101L, 102L, 104L, 105L),
      "secondary_school", Set.of(102L, 104L, 109L, 110L, 111L),
      "clinic", Set.of(102L, 104L, 109L, 110L, 111L),
      "hospital", Set.of());

  @BeforeAll
  static void start() throws Exception {
    ps = PlanningServer.start("planning_ind");
  }

  @AfterAll
  static void stop() {
    ps.close();
  }

  static Map<String, Double> values(JsonArray indicators) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < indicators.size(); i++) {
      JsonObject o = indicators.getJsonObject(i);
      m.put(o.getString("id"), o.getDouble("value"));
    }
    return m;
  }

  static void assertMatches(Map<String, Double> actual, Map<String, Double> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((id, v) -> assertThat(actual.get(id)).as(id)
        .isCloseTo(v, within(Math.max(1e-6, Math.abs(v) * 1e-7))));
  }

  static List<Building> buildings(long... ids) {
    return java.util.Arrays.stream(ids).mapToObj(District::building).toList();
  }

  @Test
  void theCityMatchesTheHandComputationAlongTheRoadNetwork() {
    JsonObject r = ps.http.getJson("/api/scenarios/base/indicators");
    assertThat(r.getString("accessMethod")).isEqualTo("network");
    assertThat(r.getString("scope")).isEqualTo("city");
    Map<String, Double> actual = values(r.getJsonArray("indicators"));
    assertMatches(actual, Expected.of(District.BUILDINGS, W1 + W2, PARK, NETWORK, LIMITS, USES));
    // A few by plain arithmetic, as a reader would check them.
    assertThat(actual.get("buildings")).isEqualTo(12.0);
    assertThat(actual.get("over_height_limit")).isEqualTo(3.0); // 105: 26 > 20, 108: 48 > 45, 111: 50 > 45
    assertThat(actual.get("avg_height")).isCloseTo(281.0 / 12, within(1e-9));
    assertThat(actual.get("access.hospital")).isZero();
    // The local frame is linear at its origin: a metre east shrinks by about 3e-5 per km north, hence ≈ not =.
    assertThat(actual.get("gfa.residential")).isCloseTo(4 * 200 + 5 * 400 + 8 * 400 + 5 * 600, within(0.5));
    assertThat(W1).isCloseTo(1e6, within(100.0));
  }

  @Test
  void everyIndicatorHasAUnitAndABilingualDefinition() {
    JsonArray list = ps.http.getJson("/api/scenarios/base/indicators").getJsonArray("indicators");
    for (int i = 0; i < list.size(); i++) {
      JsonObject o = list.getJsonObject(i);
      assertThat(o.getString("unit")).as(o.getString("id")).isNotBlank();
      assertThat(o.getJsonObject("definition").getString("vi")).isNotBlank();
      assertThat(o.getJsonObject("definition").getString("en")).isNotBlank();
      assertThat(o.getJsonObject("label").getString("vi")).isNotEqualTo(o.getJsonObject("label").getString("en"));
    }
    JsonObject a = ps.http.getJson("/api/scenarios/base/indicators").getJsonObject("assumptions");
    assertThat(a.getDouble("residentM2")).isEqualTo(25.0);
    assertThat(a.getJsonObject("walkM").getDouble("primary_school")).isEqualTo(500.0);
  }

  @Test
  void perWardEachWardHasItsOwnValuesAndTheCityTotal() {
    JsonObject r = ps.http.getJson("/api/scenarios/base/indicators?by=ward");
    assertThat(r.getString("scope")).isEqualTo("ward");
    JsonArray units = r.getJsonArray("units");
    assertThat(units).hasSize(2);
    JsonObject w1 = units.getJsonObject(0);
    assertThat(w1.getString("id")).isEqualTo("1");
    assertThat(w1.getJsonObject("attributes").getString("name")).isEqualTo("Phường Một");
    assertMatches(values(w1.getJsonArray("indicators")),
        Expected.of(buildings(101, 102, 103, 104, 105, 106), W1, PARK, NETWORK, LIMITS, USES));
    JsonObject w2 = units.getJsonObject(1);
    Map<String, Double> e2 = Expected.of(buildings(107, 108, 109, 110, 111, 112), W2, 0, NETWORK, LIMITS, USES);
    assertMatches(values(w2.getJsonArray("indicators")), e2);
    assertMatches(values(r.getJsonArray("indicators")),
        Expected.of(District.BUILDINGS, W1 + W2, PARK, NETWORK, LIMITS, USES));
  }

  @Test
  void perZoneTheZoningLimitsComeAlong() {
    JsonObject r = ps.http.getJson("/api/scenarios/base/indicators?by=zone");
    JsonArray units = r.getJsonArray("units");
    assertThat(units).hasSize(2);
    JsonObject z2 = units.getJsonObject(1);
    assertThat(z2.getJsonObject("attributes").getDouble("max_far")).isEqualTo(5.0);
    Map<String, Double> v = values(z2.getJsonArray("indicators"));
    assertThat(v.get("over_height_limit")).isEqualTo(2.0);
    double gfa = buildings(107, 108, 109, 110, 111, 112).stream().mapToDouble(Building::gfa).sum();
    assertThat(v.get("far")).isCloseTo(gfa / W2, within(1e-9));
  }

  @Test
  void aDrawnAreaCountsTheBuildingsWhosePointIsInside() {
    String wkt = District.rectWkt(0, 0, 500, 1000);
    JsonObject r = ps.http.getJson("/api/scenarios/base/indicators?area="
        + URLEncoder.encode(wkt, StandardCharsets.UTF_8));
    assertThat(r.getString("scope")).isEqualTo("area");
    assertMatches(values(r.getJsonArray("indicators")),
        Expected.of(buildings(101, 103, 105), District.rectArea(0, 0, 500, 1000), PARK, NETWORK, LIMITS, USES));
    // The same area as GeoJSON gives the same numbers.
    String geojson = District.rect(0, 0, 500, 1000).encode();
    JsonObject g = ps.http.getJson("/api/scenarios/base/indicators?area="
        + URLEncoder.encode(geojson, StandardCharsets.UTF_8));
    assertThat(values(g.getJsonArray("indicators"))).isEqualTo(values(r.getJsonArray("indicators")));
  }

  @Test
  void straightLineDistancesWhenConfigured() {
    try (CityTwinServer other = ps.another(Map.of("planning.access.method", "straight"))) {
      JsonObject r = new Http(other.port()).as(ps.auth).getJson("/api/scenarios/base/indicators");
      assertThat(r.getString("accessMethod")).isEqualTo("straight-line");
      assertMatches(values(r.getJsonArray("indicators")),
          Expected.of(District.BUILDINGS, W1 + W2, PARK, STRAIGHT, LIMITS, USES));
      assertThat(r.getJsonArray("indicators").stream().map(o -> (JsonObject) o)
          .filter(o -> o.getString("id").equals("access.clinic")).findFirst().orElseThrow()
          .getJsonObject("definition").getString("en")).contains("800 m", "straight line");
    }
  }

  @Test
  void assumptionsAreConfigurable() {
    try (CityTwinServer other = ps.another(Map.of("planning.resident.m2", "50",
        "planning.walk.m", "primary_school:100"))) {
      JsonObject r = new Http(other.port()).as(ps.auth).getJson("/api/scenarios/base/indicators");
      Map<String, Double> v = values(r.getJsonArray("indicators"));
      double residents = District.BUILDINGS.stream().mapToDouble(Expected::residents).sum();
      assertThat(v.get("residents")).isCloseTo(residents / 2, within(1e-6));
      // Nobody lives within 100 m of the school along the roads: the nearest, 101, is 25 + 90 + 10 = 125 m away.
      assertThat(v.get("access.primary_school")).isZero();
      assertThat(r.getJsonObject("assumptions").getJsonObject("walkM").getDouble("clinic")).isEqualTo(800.0);
    }
  }

  /**
   * Walks along a shared road segment, where they decide: two clinics added on R1's western segment (0..1000, y =
   * 500), at (100, 505) and (900, 505), with clinics at 300 m walking. Building 104 (centre 704, 540; 40 m off R1)
   * reaches the east one along the segment, 40 + 196 + 5 = 241 m, and no clinic through the segment's ends (via x =
   * 1000: 40 + 296 + 100 + 5 = 441 m) nor the west one (40 + 604 + 5 = 649 m: the nearest facility on the segment
   * counts). 101 (centre 410, 525) is 25 + 310 + 5 = 340 m from the west one, 102 150 + 290 + 5 = 445 m from the
   * east one; 109 is 50 + 310 + 20 = 380 m from C1. So only 104's residents are within 300 m.
   */
  @Test
  void aWalkAlongTheSegmentOfTheNearestFacilityDecides() {
    long s = ps.createScenario("two clinics on R1", null);
    for (double x : new double[] {100, 900}) {
      var r = ps.postEdits(s, EditApiIT.feature("hospitals", "add", null, District.point(x, 505),
          new JsonObject().put("name", "Trạm y tế " + x).put("kind", "health_station")));
      assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    }
    try (CityTwinServer other = ps.another(Map.of("planning.walk.m", "clinic:300"))) {
      JsonObject r = new Http(other.port()).as(ps.auth).getJson("/api/scenarios/" + s + "/indicators");
      assertThat(r.getString("accessMethod")).isEqualTo("network");
      double total = District.BUILDINGS.stream().mapToDouble(Expected::residents).sum();
      assertThat(values(r.getJsonArray("indicators")).get("access.clinic"))
          .isCloseTo(100 * Expected.residents(District.building(104)) / total, within(1e-9));
    }
  }

  @Test
  void badParametersAre400WithTheParameterAsLocator() {
    var both = ps.http.get("/api/scenarios/base/indicators?by=ward&area=POLYGON((0%200,1%200,1%201,0%200))");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(Http.json(both).getString("locator")).isEqualTo("area");
    var by = ps.http.get("/api/scenarios/base/indicators?by=street");
    assertThat(Http.json(by).getString("locator")).isEqualTo("by");
    var notPolygon = ps.http.get("/api/scenarios/base/indicators?area=POINT(107%2010)");
    assertThat(notPolygon.statusCode()).isEqualTo(400);
    assertThat(Http.json(notPolygon).getString("locator")).isEqualTo("area");
    var garbage = ps.http.get("/api/scenarios/base/indicators?area=POLYGON((");
    assertThat(Http.json(garbage).getString("locator")).isEqualTo("area");
    var unknown = ps.http.get("/api/scenarios/999/indicators");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.json(unknown).getString("locator")).isEqualTo("id");
  }
}
