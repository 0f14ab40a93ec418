package vn.citytwin.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.testing.Http;

/** Edits of scenarios: adds, modifies, deletes, undo, validation with nothing written, chains, diffs. */
class EditApiIT {
  static PlanningServer ps;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    ps = PlanningServer.start("planning_edit");
    http = ps.http;
  }

  @AfterAll
  static void stop() {
    ps.close();
  }

  static JsonObject feature(String layer, String op, Object id, JsonObject geometry, JsonObject properties) {
    JsonObject f = new JsonObject().put("type", "Feature").put("layer", layer).put("op", op);
    if (id != null) {
      f.put("id", id);
    }
    return f.put("geometry", geometry).put("properties", properties);
  }

  static JsonObject tower() {
    return feature("buildings", "add", null, District.rect(300, 300, 330, 330),
        new JsonObject().put("name", "Tháp 25 tầng").put("use_type", "residential").put("levels", 25)
            .put("height", 85.0));
  }

  static long version(long scenario) {
    return http.getJson("/api/scenarios/" + scenario).getLong("version");
  }

  static JsonObject diff(long scenario, String against) {
    return http.getJson("/api/scenarios/" + scenario + "/diff" + (against == null ? "" : "?against=" + against));
  }

  static Map<String, JsonObject> byId(JsonObject fc) {
    return fc.getJsonArray("features").stream().map(o -> (JsonObject) o)
        .collect(Collectors.toMap(f -> f.getValue("id").toString(), f -> f));
  }

  @Test
  void anAddGetsAServerIdAndItsCompleteNormalisedState() {
    long s = ps.createScenario("add", null);
    long before = version(s);
    HttpResponse<byte[]> r = ps.postEdits(s, tower());
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    JsonObject applied = Http.json(r).getJsonArray("edits").getJsonObject(0);
    assertThat(applied.getString("op")).isEqualTo("add");
    long id = applied.getLong("id");
    assertThat(id).isGreaterThanOrEqualTo(1_000_000_000_000L);
    assertThat(Http.json(r).getJsonObject("scenario").getLong("version")).isEqualTo(before + 1);
    JsonObject edits = http.getJson("/api/scenarios/" + s + "/edits");
    JsonObject stored = edits.getJsonArray("features").getJsonObject(0);
    assertThat(stored.getLong("id")).isEqualTo(id);
    assertThat(stored.getString("layer")).isEqualTo("buildings");
    JsonObject props = stored.getJsonObject("properties");
    assertThat(props.getInteger("levels")).isEqualTo(25);
    assertThat(props.getDouble("height")).isEqualTo(85.0);
    assertThat(props.containsKey("ward")).isTrue(); // every column, null when not given
    assertThat(props.getValue("ward")).isNull();
    // A column default is filled in: roads.oneway defaults to false.
    HttpResponse<byte[]> road = ps.postEdits(s, feature("roads", "add", null, new JsonObject().put("type",
        "LineString").put("coordinates", new JsonArray().add(District.pos(100, 900)).add(District.pos(900, 900))),
        new JsonObject().put("class", "residential")));
    assertThat(road.statusCode()).as(Http.text(road)).isEqualTo(200);
    JsonObject roadEdit = http.getJson("/api/scenarios/" + s + "/edits?layer=roads").getJsonArray("features")
        .getJsonObject(0);
    assertThat(roadEdit.getJsonObject("properties").getBoolean("oneway")).isFalse();
    // A Polygon sent to a MultiPolygon layer becomes a MultiPolygon.
    HttpResponse<byte[]> park = ps.postEdits(s, feature("parks", "add", null, District.rect(400, 700, 500, 800),
        new JsonObject().put("kind", "park")));
    assertThat(park.statusCode()).as(Http.text(park)).isEqualTo(200);
    assertThat(http.getJson("/api/scenarios/" + s + "/edits?layer=parks").getJsonArray("features").getJsonObject(0)
        .getJsonObject("geometry").getString("type")).isEqualTo("MultiPolygon");
  }

  @Test
  void aModifyMergesOverTheCurrentStateAndTheDiffSaysWhatChanged() {
    long s = ps.createScenario("modify", null);
    HttpResponse<byte[]> r = ps.postEdits(s, feature("buildings", "modify", 101, null,
        new JsonObject().put("levels", 6).put("name", "Nhà 101")));
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    JsonObject stored = http.getJson("/api/scenarios/" + s + "/edits").getJsonArray("features").getJsonObject(0);
    assertThat(stored.getString("op")).isEqualTo("modify");
    assertThat(stored.getJsonObject("properties").getString("use_type")).isEqualTo("residential");
    assertThat(stored.getJsonObject("properties").getDouble("height")).isEqualTo(14.0);
    assertThat(stored.getJsonObject("properties").getInteger("levels")).isEqualTo(6);
    JsonObject d = diff(s, "base");
    assertThat(d.getJsonObject("summary")).isEqualTo(new JsonObject().put("added", 0).put("removed", 0)
        .put("changed", 1));
    JsonObject f = byId(d).get("buildings.101");
    assertThat(f.getJsonObject("properties").getString("change")).isEqualTo("changed");
    assertThat(f.getJsonObject("properties").getString("layer")).isEqualTo("buildings");
    assertThat(f.getJsonObject("properties").getJsonArray("changed_fields")).containsExactlyInAnyOrder("levels", "name");
    assertThat(f.getJsonObject("properties").getJsonObject("before").getInteger("levels")).isEqualTo(4);
    assertThat(f.getJsonObject("geometry").getString("type")).isEqualTo("Polygon");
    // A second modify of the same feature builds on the first.
    ps.postEdits(s, feature("buildings", "modify", 101, District.rect(400, 520, 430, 530),
        new JsonObject().put("height", 20.0)));
    JsonObject again = byId(diff(s, "base")).get("buildings.101").getJsonObject("properties");
    assertThat(again.getInteger("levels")).isEqualTo(6);
    assertThat(again.getJsonArray("changed_fields")).containsExactlyInAnyOrder("levels", "name", "height",
        "geometry");
  }

  @Test
  void deleteUndoAndTheirDiffs() {
    long s = ps.createScenario("delete", null);
    ps.postEdits(s, feature("buildings", "delete", 112, null, null));
    JsonObject removed = byId(diff(s, null)).get("buildings.112");
    assertThat(removed.getJsonObject("properties").getString("change")).isEqualTo("removed");
    assertThat(removed.getJsonObject("properties").getString("use_type")).isEqualTo("public");
    // base against the scenario: the same feature is "added"
    assertThat(byId(http.getJson("/api/scenarios/base/diff?against=" + s)).get("buildings.112")
        .getJsonObject("properties").getString("change")).isEqualTo("added");
    long v = version(s);
    HttpResponse<byte[]> undo = http.send("DELETE", "/api/scenarios/" + s + "/edits/buildings/112", null, null);
    assertThat(undo.statusCode()).isEqualTo(200);
    assertThat(Http.json(undo).getJsonObject("scenario").getLong("version")).isEqualTo(v + 1);
    assertThat(diff(s, null).getJsonArray("features")).isEmpty();
    assertThat(http.send("DELETE", "/api/scenarios/" + s + "/edits/buildings/112", null, null).statusCode())
        .isEqualTo(404);
    // Deleting a feature the scenario itself added withdraws the add.
    long added = Http.json(ps.postEdits(s, tower())).getJsonArray("edits").getJsonObject(0).getLong("id");
    JsonObject w = Http.json(ps.postEdits(s, feature("buildings", "delete", added, null, null)));
    assertThat(w.getJsonArray("edits").getJsonObject(0).getBoolean("withdrawn")).isTrue();
    assertThat(http.getJson("/api/scenarios/" + s + "/edits").getJsonArray("features")).isEmpty();
  }

  @Test
  void missingFeaturesAre404AndNothingIsWritten() throws Exception {
    long s = ps.createScenario("missing", null);
    JsonObject fc = new JsonObject().put("type", "FeatureCollection").put("layer", "buildings").put("features",
        new JsonArray().add(feature("buildings", "modify", 101, null, new JsonObject().put("levels", 2)))
            .add(new JsonObject().put("type", "Feature").put("op", "delete").put("id", 999_999)));
    HttpResponse<byte[]> r = ps.postEdits(s, fc);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.json(r).getString("locator")).isEqualTo("features[1].id");
    assertThat(ps.count("SELECT count(*) FROM planning.edit WHERE scenario_id = " + s)).isZero();
    assertThat(version(s)).isEqualTo(1);
  }

  /** Each bad edit: 400, the locator, and the edit table and the scenario's version unchanged. */
  @Test
  void badEditsAreRejectedWithALocatorAndNothingWritten() throws Exception {
    long s = ps.createScenario("bad", null);
    JsonObject bowTie = new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(new JsonArray()
        .add(District.pos(100, 100)).add(District.pos(200, 200)).add(District.pos(200, 100))
        .add(District.pos(100, 200)).add(District.pos(100, 100))));
    JsonObject good = new JsonObject().put("use_type", "residential").put("levels", 3).put("height", 10.0);
    Map<String, JsonObject> cases = new java.util.LinkedHashMap<>();
    cases.put("geometry|Self-intersection", feature("buildings", "add", null, bowTie, good));
    cases.put("geometry|not inside the city", feature("buildings", "add", null, District.rect(5000, 100, 5020, 120),
        good));
    cases.put("geometry|holds Polygon geometries, got Point", feature("buildings", "add", null,
        District.point(100, 100), good));
    cases.put("layer|Unknown layer 'towers'", feature("towers", "add", null, District.rect(100, 100, 110, 110), good));
    cases.put("layer|not editable", feature("wards", "modify", 1, null, new JsonObject().put("name", "x")));
    cases.put("properties.colour|Unknown property 'colour'", feature("buildings", "add", null,
        District.rect(100, 100, 110, 110), good.copy().put("colour", "red")));
    cases.put("properties.levels|must be an integer", feature("buildings", "modify", 101, null,
        new JsonObject().put("levels", "five")));
    cases.put("properties.levels|levels > 0", feature("buildings", "add", null, District.rect(100, 100, 110, 110),
        good.copy().put("levels", 0)));
    cases.put("properties.height|breaks the rule of layer 'buildings'", feature("buildings", "modify", 101, null,
        new JsonObject().put("height", -3.0)));
    cases.put("properties.levels|between -32768 and 32767", feature("buildings", "modify", 101, null,
        new JsonObject().put("levels", 40000)));
    cases.put("properties.use_type|required", feature("buildings", "add", null, District.rect(100, 100, 110, 110),
        new JsonObject().put("levels", 2).put("height", 6.0)));
    cases.put("properties.use_type|is required", feature("buildings", "modify", 101, null,
        new JsonObject().put("use_type", null)));
    cases.put("properties.id|feature id", feature("buildings", "modify", 101, null, new JsonObject().put("id", 5)));
    cases.put("id|assigned by the server", feature("buildings", "add", 77, District.rect(100, 100, 110, 110), good));
    cases.put("op|add, modify or delete", feature("buildings", "move", 101, null, null));
    cases.put("geometry|ring must be closed", feature("buildings", "add", null, new JsonObject().put("type",
        "Polygon").put("coordinates", new JsonArray().add(new JsonArray().add(District.pos(0, 0))
        .add(District.pos(10, 0)).add(District.pos(10, 10)).add(District.pos(0, 10)))), good));
    for (Map.Entry<String, JsonObject> c : cases.entrySet()) {
      String[] expect = c.getKey().split("\\|");
      HttpResponse<byte[]> r = ps.postEdits(s, c.getValue());
      JsonObject body = Http.json(r);
      assertThat(r.statusCode()).as(c.getKey() + " " + body).isEqualTo(400);
      assertThat(body.getString("locator")).as(c.getKey()).isEqualTo(expect[0]);
      assertThat(body.getString("description")).as(c.getKey()).contains(expect[1]);
    }
    // In a collection the locator points into it, and the good first feature is not written either.
    JsonObject fc = new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray()
        .add(tower()).add(feature("buildings", "add", null, bowTie, good)));
    HttpResponse<byte[]> r = ps.postEdits(s, fc);
    assertThat(Http.json(r).getString("locator")).isEqualTo("features[1].geometry");
    assertThat(ps.count("SELECT count(*) FROM planning.edit WHERE scenario_id = " + s)).isZero();
    assertThat(version(s)).isEqualTo(1);
    assertThat(ps.postEdits(s, new JsonObject().put("type", "Point")).statusCode()).isEqualTo(400);
  }

  /** Any editable layer works, with its own column types: here a date and a CHECK over two columns. */
  @Test
  void otherLayersAreTypedByTheirOwnColumns() throws Exception {
    try (var c = ps.db.connect(); var st = c.createStatement()) {
      st.execute("CREATE TABLE city.kiosks (id bigint PRIMARY KEY, opened date, open_h smallint, close_h smallint,"
          + " CHECK (close_h > open_h), geom geometry(Point, 4326) NOT NULL)");
      st.execute("INSERT INTO citytwin.catalog (layer_id, editable) VALUES ('kiosks', true)"
          + " ON CONFLICT (layer_id) DO UPDATE SET editable = true");
    }
    ps.server.catalog().reloadNow();
    long s = ps.createScenario("kiosks", null);
    HttpResponse<byte[]> badDate = ps.postEdits(s, feature("kiosks", "add", null, District.point(100, 100),
        new JsonObject().put("opened", "2025-13-45")));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(Http.json(badDate).getString("locator")).isEqualTo("properties.opened");
    HttpResponse<byte[]> hours = ps.postEdits(s, feature("kiosks", "add", null, District.point(100, 100),
        new JsonObject().put("open_h", 18).put("close_h", 7)));
    assertThat(Http.json(hours).getString("locator")).isEqualTo("properties");
    assertThat(Http.json(hours).getString("description")).contains("open_h, close_h", "close_h > open_h");
    HttpResponse<byte[]> ok = ps.postEdits(s, feature("kiosks", "add", null, District.point(100, 100),
        new JsonObject().put("opened", "2025-07-01").put("open_h", 6).put("close_h", 22)));
    assertThat(ok.statusCode()).as(Http.text(ok)).isEqualTo(200);
    JsonObject added = byId(diff(s, "base")).values().iterator().next();
    assertThat(added.getJsonObject("properties").getString("opened")).isEqualTo("2025-07-01");
  }

  @Test
  void approvedScenariosTakeNoEdits() {
    long s = ps.createScenario("approved", null);
    http.send("PATCH", "/api/scenarios/" + s, "application/json", new JsonObject().put("status", "approved").encode());
    HttpResponse<byte[]> r = ps.postEdits(s, tower());
    assertThat(r.statusCode()).isEqualTo(409);
  }

  /** base ← P ← C ← G: edits apply in order, the nearest scenario's state of a feature wins. */
  @Test
  void chainsApplyEditsInOrderNearestWins() {
    long p = ps.createScenario("P", null);
    long c = ps.createScenario("C", p);
    long g = ps.createScenario("G", c);
    ps.postEdits(p, feature("buildings", "modify", 101, null, new JsonObject().put("levels", 6)));
    ps.postEdits(p, feature("buildings", "modify", 102, null, new JsonObject().put("height", 30.0)));
    ps.postEdits(c, feature("buildings", "modify", 101, null, new JsonObject().put("levels", 7)));
    ps.postEdits(c, feature("buildings", "delete", 103, null, null));
    // G's modify merges over C's state of 101 (levels 7), not the base's.
    ps.postEdits(g, feature("buildings", "modify", 101, null, new JsonObject().put("name", "G's")));
    Map<String, JsonObject> vsBase = byId(diff(g, "base"));
    assertThat(vsBase.keySet()).containsExactlyInAnyOrder("buildings.101", "buildings.102", "buildings.103");
    JsonObject b101 = vsBase.get("buildings.101").getJsonObject("properties");
    assertThat(b101.getInteger("levels")).isEqualTo(7);
    assertThat(b101.getString("name")).isEqualTo("G's");
    assertThat(vsBase.get("buildings.102").getJsonObject("properties").getDouble("height")).isEqualTo(30.0);
    assertThat(vsBase.get("buildings.103").getJsonObject("properties").getString("change")).isEqualTo("removed");
    // Against its parent, G differs only by its own edit.
    Map<String, JsonObject> vsC = byId(diff(g, Long.toString(c)));
    assertThat(vsC.keySet()).containsExactly("buildings.101");
    assertThat(vsC.get("buildings.101").getJsonObject("properties").getJsonArray("changed_fields"))
        .containsExactly("name");
    // P still has 103 and levels 6.
    Map<String, JsonObject> pVsBase = byId(diff(p, "base"));
    assertThat(pVsBase.keySet()).containsExactlyInAnyOrder("buildings.101", "buildings.102");
    assertThat(pVsBase.get("buildings.101").getJsonObject("properties").getInteger("levels")).isEqualTo(6);
    // Editing the parent changes the child's city: C's cache key moves with P's version.
    String keyBefore = ps.server.scenarios().resolve(g, vn.citytwin.access.AccessView.EVERYTHING).cacheKey();
    ps.postEdits(p, feature("buildings", "modify", 104, null, new JsonObject().put("levels", 5)));
    assertThat(ps.server.scenarios().resolve(g, vn.citytwin.access.AccessView.EVERYTHING).cacheKey()).isNotEqualTo(keyBefore);
    assertThat(byId(diff(g, "base")).keySet()).contains("buildings.104");
    // A feature deleted upstream cannot be modified downstream.
    HttpResponse<byte[]> gone = ps.postEdits(g, feature("buildings", "modify", 103, null,
        new JsonObject().put("levels", 2)));
    assertThat(gone.statusCode()).isEqualTo(404);
  }

  @Test
  void everyChangeBumpsTheVersion() {
    long s = ps.createScenario("versions", null);
    long v1 = version(s);
    ps.postEdits(s, new JsonObject().put("type", "FeatureCollection").put("layer", "buildings").put("op", "modify")
        .put("features", new JsonArray()
            .add(new JsonObject().put("type", "Feature").put("id", 101).put("properties", new JsonObject().put("levels", 2)))
            .add(new JsonObject().put("type", "Feature").put("id", 102).put("properties", new JsonObject().put("levels", 2)))));
    long v2 = version(s);
    assertThat(v2).isGreaterThan(v1);
    http.send("DELETE", "/api/scenarios/" + s + "/edits/buildings/101", null, null);
    long v3 = version(s);
    assertThat(v3).isGreaterThan(v2);
    http.send("PATCH", "/api/scenarios/" + s, "application/json", new JsonObject().put("name", "v").encode());
    assertThat(version(s)).isGreaterThan(v3);
    assertThat(ps.server.scenarios().resolve(s, vn.citytwin.access.AccessView.EVERYTHING).cacheKey()).endsWith("v" + version(s));
  }

  @Test
  void unknownScenarioAndBadBodies() {
    assertThat(ps.postEdits(999_999, tower()).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> empty = http.send("POST", "/api/scenarios/1/edits", "application/json", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(http.get("/api/scenarios/999999/edits").statusCode()).isEqualTo(404);
    assertThat(Http.json(http.get("/api/scenarios/base/diff?against=999999")).getString("locator"))
        .isEqualTo("against");
  }
}
