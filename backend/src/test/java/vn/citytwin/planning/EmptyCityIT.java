package vn.citytwin.planning;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** A city without wards, roads or buildings yet: the configured extent bounds edits; indicators are empty. */
class EmptyCityIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() {
    db = TestDatabase.create("planning_empty");
    server = TestServer.start(db.jdbcUrl(), Map.of("planning.city.extent", "107.0,10.3,107.2,10.5"));
    // Writes need a role: the test acts as a real user with an API token.
    http = new Http(server.port()).as(Identities.bearer(Identities.token(db, "test-editor", Role.PLANNER)));
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void withoutWardsTheConfiguredExtentIsTheCity() throws Exception {
    long s = Http.json(http.send("POST", "/api/scenarios", "application/json", "{\"name\":\"empty\"}")).getLong("id");
    JsonObject inside = new JsonObject().put("type", "Feature").put("layer", "buildings").put("op", "add")
        .put("geometry", District.rect(0, 0, 20, 20))
        .put("properties", new JsonObject().put("use_type", "residential").put("levels", 2).put("height", 7.0));
    HttpResponse<byte[]> ok = http.send("POST", "/api/scenarios/" + s + "/edits", "application/json", inside.encode());
    assertThat(ok.statusCode()).as(Http.text(ok)).isEqualTo(200);
    JsonObject outside = inside.copy().put("geometry", new JsonObject("{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[106.5,10.4],[106.5001,10.4],[106.5001,10.4001],[106.5,10.4]]]}"));
    HttpResponse<byte[]> refused = http.send("POST", "/api/scenarios/" + s + "/edits", "application/json",
        outside.encode());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Http.json(refused).getString("locator")).isEqualTo("geometry");
    // The scenario's city has one building; the base city none.
    Map<String, Double> scenario = IndicatorsIT.values(http.getJson("/api/scenarios/" + s + "/indicators")
        .getJsonArray("indicators"));
    assertThat(scenario.get("buildings")).isEqualTo(1.0);
    assertThat(scenario.get("residents")).isGreaterThan(0);
    assertThat(scenario.get("access.primary_school")).isZero(); // no school at all
    assertThat(scenario.get("far")).isNull(); // no wards: no land area
  }

  @Test
  void anEmptyCityHasZerosAndNullsNotErrors() {
    JsonObject r = http.getJson("/api/scenarios/base/indicators?by=ward");
    Map<String, Double> v = IndicatorsIT.values(r.getJsonArray("indicators"));
    assertThat(v.get("buildings")).isZero();
    assertThat(v.get("gfa")).isZero();
    assertThat(v.get("avg_height")).isNull();
    assertThat(v.get("green_per_resident")).isNull();
    assertThat(v.get("access.clinic")).isNull();
    assertThat(r.getJsonArray("units")).isEmpty();
    assertThat(r.getString("accessMethod")).isEqualTo("straight-line"); // no roads to walk along
  }
}
