package vn.citytwin.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;

/**
 * Conditional GET of indicators and comparisons: a strong ETag from the scenario and data versions, the scope, the
 * format and the settings; 304 on a match; a scenario edit or a base data change gives a new tag and new numbers.
 */
class IndicatorCachingIT {
  static PlanningServer ps;

  @BeforeAll
  static void start() throws Exception {
    ps = PlanningServer.start("planning_etag");
  }

  @AfterAll
  static void stop() {
    ps.close();
  }

  static String etag(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + r.uri()));
  }

  static double indicator(HttpResponse<byte[]> r, String id) {
    return IndicatorsIT.values(Http.json(r).getJsonArray("indicators")).get(id);
  }

  /** The answer to a GET with If-None-Match: the tag. */
  static HttpResponse<byte[]> revalidate(String path, String etag) {
    return ps.http.get(path, "If-None-Match", etag);
  }

  @Test
  void indicatorsCarryAStrongEtagAndAMatchIsAnswered304WithoutABody() {
    String path = "/api/scenarios/base/indicators";
    HttpResponse<byte[]> first = ps.http.get(path);
    String tag = etag(first);
    assertThat(tag).matches("\"[0-9a-f]{24}\"");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    HttpResponse<byte[]> again = revalidate(path, tag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(tag);
    assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
    // Among other tags, or weak, it still matches; another tag does not.
    assertThat(revalidate(path, "\"0\", W/" + tag).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> other = revalidate(path, "\"0123456789abcdef01234567\"");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(etag(other)).isEqualTo(tag);
  }

  @Test
  void aScenarioEditChangesTheTagAndTheNumbers() {
    long s = ps.createScenario("etag tower", null);
    String path = "/api/scenarios/" + s + "/indicators";
    HttpResponse<byte[]> before = ps.http.get(path);
    String tag = etag(before);
    assertThat(indicator(before, "buildings")).isEqualTo(12.0);
    assertThat(revalidate(path, tag).statusCode()).isEqualTo(304);

    HttpResponse<byte[]> edit = ps.postEdits(s, EditApiIT.tower());
    assertThat(edit.statusCode()).as(Http.text(edit)).isEqualTo(200);

    HttpResponse<byte[]> after = revalidate(path, tag);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(etag(after)).isNotEqualTo(tag);
    assertThat(indicator(after, "buildings")).isEqualTo(13.0);
    assertThat(indicator(after, "gfa") - indicator(before, "gfa")).isCloseTo(CompareIT.TOWER.gfa(),
        org.assertj.core.api.Assertions.within(1e-6));
    // The comparison with the base city follows the edit too.
    String compare = "/api/scenarios/compare?a=" + s;
    String compareTag = etag(ps.http.get(compare));
    assertThat(revalidate(compare, compareTag).statusCode()).isEqualTo(304);
    ps.postEdits(s, EditApiIT.feature("buildings", "delete", 112, null, null));
    HttpResponse<byte[]> changed = revalidate(compare, compareTag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(CompareIT.rows(Http.json(changed)).get("buildings").getDouble("a")).isEqualTo(12.0);
  }

  @Test
  void aBaseDataChangeChangesTheBaseTag() throws Exception {
    String path = "/api/scenarios/base/indicators?by=ward";
    HttpResponse<byte[]> before = ps.http.get(path);
    String tag = etag(before);
    try (Connection c = ps.db.connect(); Statement st = c.createStatement()) {
      assertThat(st.executeUpdate("UPDATE city.buildings SET levels = levels + 1 WHERE id = 111")).isEqualTo(1);
    }
    ps.server.catalog().versions().refresh();
    HttpResponse<byte[]> after = revalidate(path, tag);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(etag(after)).isNotEqualTo(tag);
    // Building 111: 30 m × 30 m, one more level.
    assertThat(indicator(after, "gfa") - indicator(before, "gfa")).isCloseTo(District.building(111).footprint(),
        org.assertj.core.api.Assertions.within(1e-6));
    try (Connection c = ps.db.connect(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE city.buildings SET levels = levels - 1 WHERE id = 111");
    }
    ps.server.catalog().versions().refresh();
  }

  @Test
  void everyScopeAndFormatHasItsOwnTag() {
    long s = ps.createScenario("etag formats", null);
    List<String> paths = List.of("/api/scenarios/base/indicators", "/api/scenarios/base/indicators?by=ward",
        "/api/scenarios/base/indicators?by=zone", "/api/scenarios/" + s + "/indicators",
        "/api/scenarios/compare?a=" + s, "/api/scenarios/compare?a=" + s + "&f=csv",
        "/api/scenarios/compare?a=" + s + "&f=html", "/api/scenarios/compare?a=base&b=" + s);
    List<String> tags = new ArrayList<>();
    for (String p : paths) {
      HttpResponse<byte[]> r = ps.http.get(p);
      String tag = etag(r);
      tags.add(tag);
      assertThat(r.headers().firstValue("Cache-Control")).as(p).hasValue("no-cache");
      assertThat(revalidate(p, tag).statusCode()).as(p).isEqualTo(304);
    }
    assertThat(tags).doesNotHaveDuplicates();
    // The HTML report says when it was made: the same content, not the same bytes, hence a weak tag.
    assertThat(tags.get(6)).startsWith("W/\"");
    assertThat(tags.get(5)).startsWith("\"");
  }

  /** Two servers behind one public URL (links equal): same settings, same tag; other settings, another tag. */
  @Test
  void otherSettingsGiveOtherTags() {
    String path = "/api/scenarios/base/indicators";
    String url = "http://citytwin.example";
    try (CityTwinServer one = ps.another(Map.of("http.public.url", url));
         CityTwinServer two = ps.another(Map.of("http.public.url", url));
         CityTwinServer other = ps.another(Map.of("http.public.url", url, "planning.walk.m", "primary_school:100"))) {
      String tag = etag(new Http(one.port()).as(ps.auth).get(path));
      assertThat(new Http(two.port()).as(ps.auth).get(path, "If-None-Match", tag).statusCode()).isEqualTo(304);
      HttpResponse<byte[]> r = new Http(other.port()).as(ps.auth).get(path, "If-None-Match", tag);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(etag(r)).isNotEqualTo(tag);
      assertThat(indicator(r, "access.primary_school")).isZero();
    }
  }

  /** Parameters are checked before the tag is made: a bad request is never tagged. */
  @Test
  void badRequestsCarryNoTag() {
    HttpResponse<byte[]> unknown = ps.http.get("/api/scenarios/999/indicators");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("ETag")).isEmpty();
    HttpResponse<byte[]> badFormat = ps.http.get("/api/scenarios/compare?a=base&f=pdf");
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(Http.json(badFormat).getString("locator")).isEqualTo("f");
    assertThat(badFormat.headers().firstValue("ETag")).isEmpty();
  }
}
