package vn.citytwin.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.planning.District.Building;
import vn.citytwin.testing.Http;

/** A scenario that adds a 25-storey tower, compared with the base city: JSON, CSV and the HTML report. */
class CompareIT {
  static PlanningServer ps;
  static long scenario;
  /** The tower: residential, 30 m × 30 m at (300, 300) in ward W1 (zone limit 20 m), 25 levels, 85 m. */
  static final Building TOWER = new Building(0, "residential", 300, 300, 30, 30, 25, 85);

  @BeforeAll
  static void start() throws Exception {
    ps = PlanningServer.start("planning_cmp");
    scenario = ps.createScenario("Tháp Thùy Vân <25 tầng>", null);
    HttpResponse<byte[]> r = ps.postEdits(scenario, EditApiIT.tower());
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    ps.close();
  }

  static Map<String, JsonObject> rows(JsonObject comparison) {
    Map<String, JsonObject> m = new LinkedHashMap<>();
    comparison.getJsonArray("indicators").forEach(o -> m.put(((JsonObject) o).getString("id"), (JsonObject) o));
    return m;
  }

  @Test
  void theTowerChangesExactlyTheIndicatorsItMust() {
    JsonObject c = ps.http.getJson("/api/scenarios/compare?a=" + scenario);
    assertThat(c.getJsonObject("b").getString("id")).isEqualTo("base");
    Map<String, JsonObject> rows = rows(c);
    Set<String> changed = new TreeSet<>();
    rows.forEach((id, row) -> {
      if (row.getBoolean("changed")) {
        changed.add(id);
      }
    });
    // More floor area and people in the same land; the tower is 85 m in a 20 m zone; its residents are within
    // 500 m of the primary school (185 + 185 + 10 = 380 m along the roads) but not of the secondary school or
    // the clinic, so all three shares move. Land, jobs, green space, other uses and hospitals (none) stay.
    assertThat(changed).containsExactlyInAnyOrder("buildings", "footprint_area", "gfa", "gfa.residential", "far",
        "coverage", "residents", "green_per_resident", "access.primary_school", "access.secondary_school",
        "access.clinic", "avg_height", "over_height_limit");
    assertThat(rows.get("over_height_limit").getDouble("a")).isEqualTo(4.0);
    assertThat(rows.get("over_height_limit").getDouble("b")).isEqualTo(3.0);
    assertThat(rows.get("avg_height").getDouble("a")).isCloseTo((281.0 + 85) / 13, within(1e-9));
    double towerGfa = TOWER.gfa();
    assertThat(rows.get("gfa").getDouble("difference")).isCloseTo(towerGfa, within(1e-6));
    assertThat(rows.get("residents").getDouble("difference")).isCloseTo(towerGfa / 25, within(1e-6));
    double baseGfa = District.BUILDINGS.stream().mapToDouble(Building::gfa).sum();
    assertThat(rows.get("gfa").getDouble("relativeDifference")).isCloseTo(towerGfa / baseGfa, within(1e-9));
    // The new residents reach the primary school: its share rises.
    List<Building> withTower = new ArrayList<>(District.BUILDINGS);
    withTower.add(TOWER);
    Map<String, Set<Long>> reached = new LinkedHashMap<>(IndicatorsIT.NETWORK);
    reached.put("primary_school", Set.of(101L, 102L, 104L, 0L));
    Map<Long, Double> limits = new LinkedHashMap<>(IndicatorsIT.LIMITS);
    limits.put(0L, 20.0);
    Map<String, Double> expected = Expected.of(withTower, IndicatorsIT.W1 + IndicatorsIT.W2, IndicatorsIT.PARK,
        reached, limits, IndicatorsIT.USES);
    expected.forEach((id, v) -> assertThat(rows.get(id).getDouble("a")).as(id)
        .isCloseTo(v, within(Math.max(1e-6, Math.abs(v) * 1e-7))));
    assertThat(rows.get("jobs").getDouble("difference")).isZero();
    assertThat(rows.get("access.hospital").getValue("relativeDifference")).isNull(); // 0 → 0: no ratio
    assertThat(c.getJsonArray("links").stream().map(o -> ((JsonObject) o).getString("href")))
        .anyMatch(h -> h.endsWith("/api/scenarios/" + scenario + "/diff?against=base"));
  }

  /**
   * A new primary school at (250, 520), 20 m off road R1: building 105 (centre 250, 800) is then 300 + 20 = 320 m
   * away along the roads, so its residents join those within 500 m; building 103 stays out (392.5 + 142.5 + 20 m).
   */
  @Test
  void aNewSchoolRaisesTheShareOfResidentsWithinWalkingDistance() {
    long s = ps.createScenario("school", null);
    HttpResponse<byte[]> r = ps.postEdits(s, EditApiIT.feature("schools", "add", null, District.point(250, 520),
        new JsonObject().put("name", "Tiểu học mới").put("level", "primary")));
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    Map<String, JsonObject> rows = rows(ps.http.getJson("/api/scenarios/compare?a=" + s));
    double total = District.BUILDINGS.stream().mapToDouble(Expected::residents).sum();
    double covered = List.of(101L, 102L, 104L, 105L).stream().map(District::building)
        .mapToDouble(Expected::residents).sum();
    assertThat(rows.get("access.primary_school").getDouble("a")).isCloseTo(100 * covered / total, within(1e-6));
    assertThat(rows.values().stream().filter(o -> o.getBoolean("changed")).map(o -> o.getString("id")))
        .containsExactly("access.primary_school");
    // The base city's results are untouched by the scenario's network.
    Map<String, Double> base = IndicatorsIT.values(ps.http.getJson("/api/scenarios/base/indicators")
        .getJsonArray("indicators"));
    assertThat(base.get("access.primary_school")).isCloseTo(rows.get("access.primary_school").getDouble("b"),
        within(1e-12));
  }

  @Test
  void indicatorsFollowEveryEditAtOnce() {
    long s = ps.createScenario("cache", null);
    double before = IndicatorsIT.values(ps.http.getJson("/api/scenarios/" + s + "/indicators")
        .getJsonArray("indicators")).get("buildings");
    ps.postEdits(s, EditApiIT.feature("buildings", "delete", 112, null, null));
    double after = IndicatorsIT.values(ps.http.getJson("/api/scenarios/" + s + "/indicators")
        .getJsonArray("indicators")).get("buildings");
    assertThat(before).isEqualTo(12.0);
    assertThat(after).isEqualTo(11.0);
    ps.http.send("DELETE", "/api/scenarios/" + s + "/edits/buildings/112", null, null);
    assertThat(IndicatorsIT.values(ps.http.getJson("/api/scenarios/" + s + "/indicators")
        .getJsonArray("indicators")).get("buildings")).isEqualTo(12.0);
  }

  @Test
  void csvHasOneRowPerIndicator() {
    HttpResponse<byte[]> r = ps.http.get("/api/scenarios/compare?a=" + scenario + "&b=base&f=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = Http.text(r).split("\r\n");
    assertThat(lines[0]).isEqualTo("indicator,label_vi,label_en,unit,a,b,difference,relative_difference,changed");
    int indicators = ps.http.getJson("/api/scenarios/compare?a=" + scenario).getJsonArray("indicators").size();
    assertThat(lines).hasSize(indicators + 1);
    String over = java.util.Arrays.stream(lines).filter(l -> l.startsWith("over_height_limit,")).findFirst()
        .orElseThrow();
    assertThat(over).endsWith(",buildings,4,3,1,0.3333333333333333,true");
    String hospital = java.util.Arrays.stream(lines).filter(l -> l.startsWith("access.hospital,")).findFirst()
        .orElseThrow();
    assertThat(hospital).endsWith(",%,0,0,0,,false");
  }

  @Test
  void htmlReportHasTitleTableChartAndAWmsMapOfTheScenario() {
    HttpResponse<byte[]> r = ps.http.get("/api/scenarios/compare?a=" + scenario + "&f=html");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String html = Http.text(r);
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<title>So sánh kịch bản / Scenario comparison: Tháp Thùy Vân &lt;25 tầng&gt;");
    assertThat(html).doesNotContain("<25 tầng>"); // user text is escaped
    assertThat(html).contains("<tr class=\"changed\" data-id=\"over_height_limit\">");
    assertThat(html).contains("<tr data-id=\"jobs\">");
    assertThat(html).contains("<svg").contains("</svg>");
    assertThat(count(html, "<rect class=\"bar\"")).isEqualTo(13); // one bar per changed indicator
    String img = html.substring(html.indexOf("<img"), html.indexOf(">", html.indexOf("<img")));
    assertThat(img).contains("/wms?SERVICE=WMS&amp;VERSION=1.3.0&amp;REQUEST=GetMap&amp;LAYERS=")
        .contains("CRS=EPSG:4326").contains("&amp;scenario=" + scenario);
    // The map is centred on the tower (lat first in a WMS 1.3.0 EPSG:4326 BBOX).
    String bbox = img.replaceAll(".*BBOX=([^&]*)&.*", "$1");
    String[] b = bbox.split(",");
    double midLat = (Double.parseDouble(b[0]) + Double.parseDouble(b[2])) / 2;
    double midLon = (Double.parseDouble(b[1]) + Double.parseDouble(b[3])) / 2;
    assertThat(midLat).isCloseTo(District.lat(315), within(1e-6));
    assertThat(midLon).isCloseTo(District.lon(315), within(1e-6));
    assertThat(html).contains("/api/scenarios/" + scenario + "/diff?against=base");
  }

  @Test
  void compareParametersAreChecked() {
    assertThat(Http.json(ps.http.get("/api/scenarios/compare")).getString("locator")).isEqualTo("a");
    assertThat(Http.json(ps.http.get("/api/scenarios/compare?a=" + scenario + "&b=77777")).getString("locator"))
        .isEqualTo("b");
    assertThat(Http.json(ps.http.get("/api/scenarios/compare?a=" + scenario + "&f=pdf")).getString("locator"))
        .isEqualTo("f");
    assertThat(Http.json(ps.http.get("/api/scenarios/compare?a=" + scenario + "&by=ward")).getString("locator"))
        .isEqualTo("by");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
