package vn.citytwin.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.testing.Http;

/** Scenario lifecycle over REST: create, read, list, update, duplicate, delete; versions. */
class ScenarioApiIT {
  static PlanningServer ps;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    ps = PlanningServer.start("planning_scn");
    http = ps.http;
  }

  @AfterAll
  static void stop() {
    ps.close();
  }

  static HttpResponse<byte[]> send(String method, String path, JsonObject body) {
    return http.send(method, path, "application/json", body == null ? null : body.encode());
  }

  @Test
  void createReturns201WithLocationAndDefaults() {
    HttpResponse<byte[]> r = send("POST", "/api/scenarios", new JsonObject().put("name", "Thùy Vân hotel")
        .put("description", "A 25-storey hotel").put("author", "planner@vungtau"));
    assertThat(r.statusCode()).isEqualTo(201);
    JsonObject s = Http.json(r);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/api/scenarios/" + s.getLong("id")));
    assertThat(s.getString("status")).isEqualTo("draft");
    assertThat(s.getValue("parent")).isNull();
    assertThat(s.getLong("version")).isEqualTo(1);
    assertThat(s.getLong("editCount")).isZero();
    assertThat(s.getString("author")).isEqualTo("planner@vungtau");
    assertThat(s.getJsonArray("links").stream().map(l -> ((JsonObject) l).getString("rel")))
        .contains("self", "edits", "indicators", "diff", "compare");
    assertThat(http.getJson("/api/scenarios/" + s.getLong("id")).getString("name")).isEqualTo("Thùy Vân hotel");
    // The new scenario is at once usable as scenario= everywhere: the registry knows it.
    assertThat(ps.server.scenarios().exists(s.getLong("id"))).isTrue();
  }

  @Test
  void createValidatesItsBody() {
    assertThat(send("POST", "/api/scenarios", new JsonObject()).statusCode()).isEqualTo(400);
    HttpResponse<byte[]> noName = send("POST", "/api/scenarios", new JsonObject().put("description", "x"));
    assertThat(Http.json(noName).getString("locator")).isEqualTo("name");
    HttpResponse<byte[]> typo = send("POST", "/api/scenarios", new JsonObject().put("name", "a").put("nmae", "b"));
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(Http.json(typo).getString("locator")).isEqualTo("nmae");
    HttpResponse<byte[]> status = send("POST", "/api/scenarios", new JsonObject().put("name", "a").put("status", "done"));
    assertThat(Http.json(status).getString("locator")).isEqualTo("status");
    HttpResponse<byte[]> parent = send("POST", "/api/scenarios", new JsonObject().put("name", "a").put("parent", 424242));
    assertThat(parent.statusCode()).isEqualTo(400);
    assertThat(Http.json(parent).getString("locator")).isEqualTo("parent");
    HttpResponse<byte[]> notJson = http.send("POST", "/api/scenarios", "application/json", "[1,2]");
    assertThat(notJson.statusCode()).isEqualTo(400);
  }

  @Test
  void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
    long id = ps.createScenario("patch me", null);
    send("PATCH", "/api/scenarios/" + id, new JsonObject().put("description", "first"));
    HttpResponse<byte[]> r = send("PATCH", "/api/scenarios/" + id, new JsonObject().put("status", "proposed"));
    JsonObject s = Http.json(r);
    assertThat(s.getString("status")).isEqualTo("proposed");
    assertThat(s.getString("description")).isEqualTo("first");
    assertThat(s.getString("name")).isEqualTo("patch me");
    assertThat(s.getLong("version")).isEqualTo(3);
    JsonObject put = Http.json(send("PUT", "/api/scenarios/" + id, new JsonObject().put("name", "renamed")));
    assertThat(put.getString("name")).isEqualTo("renamed");
    assertThat(put.getValue("description")).isNull(); // PUT replaces: an absent description is cleared
    assertThat(put.getString("status")).isEqualTo("proposed");
    assertThat(send("PUT", "/api/scenarios/" + id, new JsonObject().put("status", "draft")).statusCode())
        .isEqualTo(400); // PUT needs the name
    HttpResponse<byte[]> reparent = send("PATCH", "/api/scenarios/" + id, new JsonObject().put("parent", id));
    assertThat(Http.json(reparent).getString("locator")).isEqualTo("parent");
    assertThat(send("PATCH", "/api/scenarios/987654", new JsonObject().put("name", "x")).statusCode()).isEqualTo(404);
  }

  @Test
  void listPagesNewestFirstAndFilters() {
    long parent = ps.createScenario("list parent", null);
    long c1 = ps.createScenario("list child 1", parent);
    long c2 = ps.createScenario("list child 2", parent);
    JsonObject children = http.getJson("/api/scenarios?parent=" + parent);
    assertThat(children.getLong("numberMatched")).isEqualTo(2);
    assertThat(children.getJsonArray("scenarios").stream().map(o -> ((JsonObject) o).getLong("id")))
        .containsExactly(c2, c1);
    JsonObject page = http.getJson("/api/scenarios?parent=" + parent + "&limit=1");
    assertThat(page.getInteger("numberReturned")).isEqualTo(1);
    JsonArray links = page.getJsonArray("links");
    String next = links.stream().map(o -> (JsonObject) o).filter(l -> l.getString("rel").equals("next"))
        .findFirst().orElseThrow().getString("href");
    assertThat(next).contains("offset=1").contains("parent=" + parent);
    JsonObject second = http.getJson(next.substring(next.indexOf("/api/")));
    assertThat(second.getJsonArray("scenarios").getJsonObject(0).getLong("id")).isEqualTo(c1);
    assertThat(http.getJson("/api/scenarios?parent=base").getJsonArray("scenarios").stream()
        .map(o -> ((JsonObject) o).getValue("parent"))).containsOnlyNulls();
    assertThat(http.get("/api/scenarios?limit=0").statusCode()).isEqualTo(400);
    assertThat(Http.json(http.get("/api/scenarios?status=nope")).getString("locator")).isEqualTo("status");
  }

  @Test
  void deleteIsRefusedWhileChildrenExist() throws Exception {
    long parent = ps.createScenario("delete parent", null);
    long child = ps.createScenario("delete child", parent);
    ps.postEdits(child, new JsonObject().put("type", "Feature").put("layer", "buildings").put("op", "delete")
        .put("id", 103));
    HttpResponse<byte[]> refused = http.send("DELETE", "/api/scenarios/" + parent, null, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Http.json(refused).getString("code")).isEqualTo("Conflict");
    assertThat(http.send("DELETE", "/api/scenarios/" + child, null, null).statusCode()).isEqualTo(204);
    assertThat(ps.count("SELECT count(*) FROM planning.edit WHERE scenario_id = " + child)).isZero();
    assertThat(http.send("DELETE", "/api/scenarios/" + parent, null, null).statusCode()).isEqualTo(204);
    assertThat(http.get("/api/scenarios/" + parent).statusCode()).isEqualTo(404);
    assertThat(ps.server.scenarios().exists(parent)).isFalse();
  }

  @Test
  void duplicateCopiesTheEditsUnderTheSameParent() {
    long parent = ps.createScenario("dup parent", null);
    long original = ps.createScenario("dup original", parent);
    ps.postEdits(original, new JsonObject().put("type", "Feature").put("layer", "buildings").put("op", "modify")
        .put("id", 101).put("properties", new JsonObject().put("levels", 9)));
    HttpResponse<byte[]> r = send("POST", "/api/scenarios/" + original + "/duplicate",
        new JsonObject().put("author", "copier"));
    assertThat(r.statusCode()).isEqualTo(201);
    JsonObject copy = Http.json(r);
    assertThat(copy.getString("name")).isEqualTo("dup original (copy)");
    assertThat(copy.getLong("parent")).isEqualTo(parent);
    assertThat(copy.getString("author")).isEqualTo("copier");
    assertThat(copy.getLong("editCount")).isEqualTo(1);
    JsonObject diff = http.getJson("/api/scenarios/" + copy.getLong("id") + "/diff?against=" + original);
    assertThat(diff.getJsonArray("features")).isEmpty();
    JsonObject vsBase = http.getJson("/api/scenarios/" + copy.getLong("id") + "/diff");
    assertThat(vsBase.getJsonArray("features")).hasSize(1);
  }

  @Test
  void unknownAndMalformedIdsAre404And400() {
    assertThat(http.get("/api/scenarios/123456").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> bad = http.get("/api/scenarios/abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).getString("locator")).isEqualTo("id");
    // The layer catalog, mounted at /api too, still answers.
    assertThat(http.get("/api/layers/buildings").statusCode()).isEqualTo(200);
  }
}
