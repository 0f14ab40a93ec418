package vn.citytwin.ogc.features;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.ScenarioFixture;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * OGC API – Features end to end: paging by next links, numberMatched, bbox and bbox-crs, Part 2 output CRSs with
 * their axis order, CQL2 filters and property=value queryables, sortby, properties, queryables, conformance and
 * OpenAPI, HTML and CSV, errors; and Part 4 edits when enabled.
 */
class OgcFeaturesIT {
  static final int MAX = 200;
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Http editor;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("oapif");
    // The fixture's one ward covers only part of its city (roads and buildings reach beyond it): edits here are
    // not held to the city boundary; EditModelIT holds them to it.
    server = TestServer.start(db.jdbcUrl(), Map.of("features.max.limit", Integer.toString(MAX),
        "features.default.limit", "20", "wfs.transactions.enabled", "true", "wfs.transactions.city.boundary",
        "false"));
    http = new Http(server.port());
    // Part 4 edits need a GIS admin: the edits are sent as one with a real API token; reads stay anonymous.
    editor = http.as(Identities.bearer(Identities.token(db, "gis-test", Role.GIS_ADMIN)));
    FeatureFixtures.load(db);
    server.catalog().reloadNow();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject items(String collection, String query) {
    HttpResponse<byte[]> r = http.get("/ogc/collections/" + collection + "/items" + query);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    return Http.json(r);
  }

  static String link(JsonObject doc, String rel) {
    for (Object o : doc.getJsonArray("links")) {
      JsonObject l = (JsonObject) o;
      if (l.getString("rel").equals(rel)) {
        return l.getString("href");
      }
    }
    return null;
  }

  @Test
  void nextLinksPageThroughEveryFeatureOnce() {
    Set<Object> ids = new HashSet<>();
    String url = "/ogc/collections/buildings/items?limit=150";
    int pages = 0;
    while (url != null) {
      HttpResponse<byte[]> r = http.get(url);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geo+json");
      JsonObject page = Http.json(r);
      JsonArray features = page.getJsonArray("features");
      assertThat(page.getInteger("numberReturned")).isEqualTo(features.size());
      if (pages == 0) {
        assertThat(page.getInteger("numberMatched")).isEqualTo(FeatureFixtures.BUILDINGS);
        assertThat(link(page, "prev")).isNull();
      } else {
        assertThat(link(page, "prev")).isNotNull();
      }
      features.forEach(f -> ids.add(((JsonObject) f).getValue("id")));
      String next = link(page, "next");
      url = next == null ? null : next.substring(next.indexOf("/ogc/"));
      pages++;
    }
    assertThat(pages).isEqualTo(4);
    assertThat(ids).hasSize(FeatureFixtures.BUILDINGS);
    // a limit above the maximum is lowered to it, not refused
    assertThat(items("buildings", "?limit=100000").getJsonArray("features")).hasSize(MAX);
    assertThat(items("buildings", "").getJsonArray("features")).hasSize(20);
  }

  @Test
  void bboxAndFiltersMatchPostgis() throws Exception {
    long inBox = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE ST_Intersects(geom,"
        + " ST_MakeEnvelope(107.07, 10.34, 107.075, 10.345, 4326))");
    assertThat(items("buildings", "?bbox=107.07,10.34,107.075,10.345").getInteger("numberMatched"))
        .isEqualTo((int) inBox);
    assertThat(items("buildings", "?bbox=10.34,107.07,10.345,107.075&bbox-crs="
        + enc("http://www.opengis.net/def/crs/EPSG/0/4326")).getInteger("numberMatched")).isEqualTo((int) inBox);
    long hotels = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE height > 30 AND"
        + " use_type = 'hotel'");
    assertThat(items("buildings", "?filter=" + enc("height > 30 AND use_type = 'hotel'") + "&filter-lang=cql2-text")
        .getInteger("numberMatched")).isEqualTo((int) hotels);
    assertThat(items("buildings", "?use_type=hotel&filter=" + enc("height > 30")).getInteger("numberMatched"))
        .isEqualTo((int) hotels);
    long within = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE ST_Intersects(geom,"
        + " ST_GeomFromText('POLYGON((107.07 10.34,107.08 10.34,107.08 10.35,107.07 10.34))', 4326))");
    assertThat(items("buildings", "?filter=" + enc("S_INTERSECTS(geom, POLYGON((107.07 10.34,107.08 10.34,"
        + "107.08 10.35,107.07 10.34)))")).getInteger("numberMatched")).isEqualTo((int) within);
    assertThat(items("flood_reports", "?datetime=2022-10-20").getJsonArray("features")).hasSize(1);
  }

  @Test
  void outputCrsFollowsItsAxisOrderAndIsNamedInContentCrs() {
    HttpResponse<byte[]> crs84 = http.get("/ogc/collections/roads/items/1");
    assertThat(crs84.headers().firstValue("Content-Crs")).hasValue(
        "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
    assertThat(Http.json(crs84).getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0))
        .containsExactly(107.079, 10.3495);
    HttpResponse<byte[]> latLon = http.get("/ogc/collections/roads/items/1?crs="
        + enc("http://www.opengis.net/def/crs/EPSG/0/4326"));
    assertThat(Http.json(latLon).getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0))
        .containsExactly(10.3495, 107.079);
    JsonArray utm = Http.json(http.get("/ogc/collections/roads/items/1?crs="
        + enc("http://www.opengis.net/def/crs/EPSG/0/32648"))).getJsonObject("geometry")
        .getJsonArray("coordinates").getJsonArray(0);
    assertThat(utm.getDouble(0)).isBetween(700000.0, 760000.0); // easting first
    assertThat(utm.getDouble(1)).isBetween(1100000.0, 1200000.0);
    JsonObject collection = http.getJson("/ogc/collections/roads");
    assertThat(collection.getJsonArray("crs")).contains("http://www.opengis.net/def/crs/EPSG/0/3405",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    assertError("/ogc/collections/roads/items?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/2154"), 400, "crs");
  }

  @Test
  void sortbyPropertiesAndScenario() throws Exception {
    JsonObject tall = items("buildings", "?limit=3&sortby=-height,%2Bid&properties=height,name");
    JsonObject first = tall.getJsonArray("features").getJsonObject(0);
    assertThat(first.getJsonObject("properties").fieldNames()).containsExactlyInAnyOrder("name", "height");
    assertThat(first.getJsonObject("properties").getDouble("height")).isEqualTo(39.6);
    assertThat(first.getInteger("id")).isEqualTo(11);
    assertThat(items("roads", "?skipGeometry=true").getJsonArray("features").getJsonObject(0).getValue("geometry"))
        .isNull();
    long scenario = ScenarioFixture.named("OAPIF").delete("roads", 2).create(db);
    server.scenarios().refresh();
    JsonObject planned = items("roads", "?scenario=" + scenario);
    assertThat(planned.getInteger("numberMatched")).isEqualTo(2);
    assertThat(planned.getJsonArray("features").getJsonObject(0).getJsonObject("properties")
        .getString("scenario_status")).isEqualTo("base");
  }

  @Test
  void queryablesConformanceAndOpenApi() {
    HttpResponse<byte[]> q = http.get("/ogc/collections/buildings/queryables");
    assertThat(q.headers().firstValue("Content-Type")).hasValue("application/schema+json");
    JsonObject schema = Http.json(q);
    assertThat(schema.getJsonObject("properties").getJsonObject("height").getString("type")).isEqualTo("number");
    assertThat(schema.getJsonObject("properties").getJsonObject("geom").getString("format"))
        .isEqualTo("geometry-polygon");
    JsonObject floods = http.getJson("/ogc/collections/flood_reports/queryables");
    assertThat(floods.getJsonObject("properties").getJsonObject("reported_at").getString("format"))
        .isEqualTo("date-time");
    JsonArray conformance = http.getJson("/ogc/conformance").getJsonArray("conformsTo");
    assertThat(conformance).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text");
    JsonObject paths = http.getJson("/ogc/api").getJsonObject("paths");
    assertThat(paths.fieldNames()).contains("/collections/{collectionId}/items",
        "/collections/{collectionId}/items/{featureId}", "/collections/buildings/items");
    JsonArray params = paths.getJsonObject("/collections/buildings/items").getJsonObject("get")
        .getJsonArray("parameters");
    assertThat(params.stream().map(p -> ((JsonObject) p).getString("name"))).contains("use_type", "height",
        "filter-lang", "bbox");
    JsonObject collection = http.getJson("/ogc/collections/buildings");
    assertThat(collection.getJsonArray("links").stream().map(l -> ((JsonObject) l).getString("rel")))
        .contains("items", "http://www.opengis.net/def/rel/ogc/1.0/queryables");
  }

  @Test
  void htmlForBrowsersAndCsv() {
    HttpResponse<byte[]> page = http.get("/ogc/collections/roads/items", "Accept", "text/html,application/xhtml+xml");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    String html = Http.text(page);
    assertThat(html).contains("<svg").contains("Lê Lợi").contains("Hẻm &quot;A&quot; &amp; &lt;B&gt;")
        .doesNotContain("<B>").contains("/ogc/collections/roads/items/1?f=html");
    String item = http.getText("/ogc/collections/roads/items/3?f=html");
    assertThat(item).contains("residential").contains("LineString");
    String landing = Http.text(http.get("/ogc", "Accept", "text/html"));
    assertThat(landing).contains("<h1>").contains("/ogc/collections?f=html");
    String collections = http.getText("/ogc/collections?f=html");
    assertThat(collections).contains("Công trình xây dựng").doesNotContain("cameras");
    HttpResponse<byte[]> csv = http.get("/ogc/collections/roads/items?f=csv&sortby=id");
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(Http.text(csv).split("\r\n")).hasSize(4);
  }

  @Test
  void errorsNameTheParameter() {
    assertError("/ogc/collections/nope/items", 404, "collectionId");
    assertError("/ogc/collections/cameras/items", 404, "collectionId");
    assertError("/ogc/collections/roads/items/999", 404, "featureId");
    assertError("/ogc/collections/roads/items/abc", 404, "featureId");
    assertError("/ogc/collections/roads/items?limit=0", 400, "limit");
    assertError("/ogc/collections/roads/items?bbox=1,2,3", 400, "bbox");
    assertError("/ogc/collections/roads/items?filter=" + enc("nope = 1"), 400, "filter");
    assertError("/ogc/collections/roads/items?filter-lang=cql2-json&filter=x", 400, "filter-lang");
    assertError("/ogc/collections/roads/items?sortby=nope", 400, "sortby");
    assertError("/ogc/collections/roads/items?properties=nope", 400, "properties");
    assertError("/ogc/collections/roads/items?colour=red", 400, "colour");
    assertError("/ogc/collections/roads/items?f=xml", 400, "f");
  }

  @Test
  void part4CreateReplaceUpdateDelete() throws Exception {
    String feature = "{\"type\":\"Feature\",\"properties\":{\"name\":\"Trường Part 4\",\"level\":\"primary\","
        + "\"students\":420},\"geometry\":{\"type\":\"Point\",\"coordinates\":[107.12,10.37]}}";
    HttpResponse<byte[]> created = editor.send("POST", "/ogc/collections/schools/items", "application/geo+json",
        feature);
    assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/ogc/"));
    JsonObject got = http.getJson(path);
    assertThat(got.getJsonObject("properties").getString("name")).isEqualTo("Trường Part 4");
    assertThat(got.getJsonObject("geometry").getJsonArray("coordinates")).containsExactly(107.12, 10.37);

    HttpResponse<byte[]> patched = editor.send("PATCH", path, "application/merge-patch+json",
        "{\"properties\":{\"students\":450}}");
    assertThat(patched.statusCode()).as(Http.text(patched)).isEqualTo(204);
    assertThat(http.getJson(path).getJsonObject("properties").getInteger("students")).isEqualTo(450);
    assertThat(http.getJson(path).getJsonObject("properties").getString("name")).isEqualTo("Trường Part 4");

    HttpResponse<byte[]> replaced = editor.send("PUT", path, "application/geo+json", feature.replace("Part 4",
        "Part 4b").replace(",\"students\":420", ""));
    assertThat(replaced.statusCode()).as(Http.text(replaced)).isEqualTo(204);
    JsonObject after = http.getJson(path);
    assertThat(after.getJsonObject("properties").getString("name")).isEqualTo("Trường Part 4b");
    assertThat(after.getJsonObject("properties").getValue("students")).isNull();

    String line = "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\",\"level\":\"x\"},\"geometry\":"
        + "{\"type\":\"LineString\",\"coordinates\":[[107.1,10.3],[107.2,10.4]]}}";
    HttpResponse<byte[]> wrong = editor.send("POST", "/ogc/collections/schools/items", "application/geo+json", line);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(Http.json(wrong).getString("locator")).isEqualTo("geom");
    HttpResponse<byte[]> unknown = editor.send("POST", "/ogc/collections/schools/items", "application/geo+json",
        feature.replace("\"students\"", "\"pupils\""));
    assertThat(Http.json(unknown).getString("locator")).isEqualTo("pupils");

    assertThat(editor.send("DELETE", path, null, null).statusCode()).isEqualTo(204);
    assertThat(http.get(path).statusCode()).isEqualTo(404);
    assertThat(editor.send("DELETE", path, null, null).statusCode()).isEqualTo(404);
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.schools")).isZero();

    // a replace gives absent columns their default, so NOT NULL columns with one (roads.oneway) still work
    HttpResponse<byte[]> road = editor.send("PUT", "/ogc/collections/roads/items/2", "application/geo+json",
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"Thùy Vân\",\"class\":\"primary\",\"lanes\":6},"
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[107.087,10.334],[107.138,10.385]]}}");
    assertThat(road.statusCode()).as(Http.text(road)).isEqualTo(204);
    assertThat(http.getJson("/ogc/collections/roads/items/2").getJsonObject("properties").getBoolean("oneway"))
        .isFalse();
  }

  static void assertError(String path, int status, String locator) {
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.statusCode()).as(path + " " + Http.text(r)).isEqualTo(status);
    JsonObject body = Http.json(r);
    assertThat(body.getString("locator")).as(path).isEqualTo(locator);
    assertThat(body.getString("description")).doesNotContain("SELECT");
  }
}
