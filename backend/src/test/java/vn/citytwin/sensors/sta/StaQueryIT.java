package vn.citytwin.sensors.sta;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * GET side of /sta/v1.1 against the hand-checked {@link StaFixture} in a real PostGIS: resource paths, every query
 * option, and counts checked against independent SQL.
 */
class StaQueryIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static StaFixture f;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("sta_query");
    server = TestServer.start(db.jdbcUrl(), Map.of("sensors.mqtt.enabled", "false", "sta.top.default", "5",
        "sta.top.max", "12"));
    http = new Http(server.port());
    base = "http://127.0.0.1:" + server.port() + "/sta/v1.1";
    try (Connection c = db.connect()) {
      f = StaFixture.create(c);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  static JsonObject get(String path, String... options) {
    HttpResponse<byte[]> r = http.get("/sta/v1.1" + path + query(options));
    assertThat(r.statusCode()).as(path + " " + Http.text(r)).isEqualTo(200);
    return Http.json(r);
  }

  static String query(String... options) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < options.length; i += 2) {
      m.put(options[i], options[i + 1]);
    }
    return m.isEmpty() ? "" : Http.query(m);
  }

  static List<Object> values(JsonObject page, String member) {
    List<Object> out = new ArrayList<>();
    for (Object o : page.getJsonArray("value")) {
      Object v = ((JsonObject) o).getValue(member);
      out.add(v instanceof Integer i ? (Object) i.longValue() : v);
    }
    return out;
  }

  static long count(String sql, Object... params) throws Exception {
    try (Connection c = db.connect()) {
      return StaFixture.count(c, sql, params);
    }
  }

  @Test
  void rootListsEveryEntitySetAndConformance() {
    JsonObject root = get("");
    assertThat(values(root, "name")).containsExactlyInAnyOrder("Things", "Locations", "HistoricalLocations",
        "Datastreams", "Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest");
    assertThat(values(root, "url")).contains(base + "/Things");
    assertThat(root.getJsonObject("serverSettings").getJsonArray("conformance").getList())
        .contains("http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete");
  }

  @Test
  void entitiesCarryIdSelfLinkAndNavigationLinks() {
    JsonObject t = get("/Things(" + f.t1 + ")");
    assertThat(t.getLong("@iot.id")).isEqualTo(f.t1);
    assertThat(t.getString("@iot.selfLink")).isEqualTo(base + "/Things(" + f.t1 + ")");
    assertThat(t.getString("name")).isEqualTo("Trạm Bãi Trước");
    assertThat(t.getJsonObject("properties").getString("code")).isEqualTo("K22");
    assertThat(t.getString("Datastreams@iot.navigationLink")).isEqualTo(base + "/Things(" + f.t1 + ")/Datastreams");
    assertThat(t.getString("Locations@iot.navigationLink")).endsWith("/Locations");
    assertThat(t.getString("HistoricalLocations@iot.navigationLink")).endsWith("/HistoricalLocations");

    JsonObject l = get("/Locations(" + f.l1 + ")");
    assertThat(l.getJsonObject("location").getString("type")).isEqualTo("Point");
    assertThat(l.getJsonObject("location").getJsonArray("coordinates").getDouble(0)).isEqualTo(107.0752);

    JsonObject d = get("/Datastreams(" + f.d1 + ")");
    assertThat(d.getJsonObject("unitOfMeasurement").getString("symbol")).isEqualTo("ug/m3");
    assertThat(d.getString("observationType")).isEqualTo(StaFixture.MEASUREMENT);
    // kept by the trigger in sensor.latest
    assertThat(d.getString("phenomenonTime")).isEqualTo("2026-11-01T00:00:00Z/2026-11-01T09:00:00Z");
    assertThat(d.getString("Thing@iot.navigationLink")).endsWith("/Datastreams(" + f.d1 + ")/Thing");
  }

  @Test
  void navigationPropertiesRefsAndPropertyPaths() throws Exception {
    assertThat(values(get("/Things(" + f.t1 + ")/Datastreams"), "@iot.id")).containsExactlyInAnyOrder(
        (Object) f.d1, (Object) f.d4);
    JsonObject firstObs = get("/Datastreams(" + f.d2 + ")/Observations", "$orderby", "phenomenonTime asc",
        "$top", "1").getJsonArray("value").getJsonObject(0);
    assertThat(firstObs.getDouble("result")).isEqualTo(1.0);
    long obsId = firstObs.getLong("@iot.id");
    assertThat(get("/Observations(" + obsId + ")/Datastream").getLong("@iot.id")).isEqualTo(f.d2);
    assertThat(get("/Observations(" + obsId + ")/Datastream/Thing").getString("name")).isEqualTo("Trạm Bàu Sen");
    assertThat(values(get("/Datastreams(" + f.d3 + ")/Thing/Locations"), "name")).containsExactly("L3");
    assertThat(get("/Things(" + f.t1 + ")/Datastreams(" + f.d1 + ")").getString("name")).isEqualTo("PM2.5 Bãi Trước");
    // a Datastream that is not the Thing's is not found through it
    assertThat(http.get("/sta/v1.1/Things(" + f.t1 + ")/Datastreams(" + f.d2 + ")").statusCode()).isEqualTo(404);
    // HistoricalLocations were recorded when the fixture linked Things and Locations
    assertThat(values(get("/Things(" + f.t2 + ")/HistoricalLocations"), "@iot.id")).hasSize(1);

    JsonObject refs = get("/Things(" + f.t1 + ")/Datastreams/$ref", "$orderby", "id");
    assertThat(refs.getJsonArray("value").getJsonObject(0).fieldNames()).containsExactly("@iot.selfLink");
    assertThat(values(refs, "@iot.selfLink")).containsExactly(base + "/Datastreams(" + f.d1 + ")",
        base + "/Datastreams(" + f.d4 + ")");
    assertThat(get("/Datastreams(" + f.d1 + ")/Thing/$ref").getString("@iot.selfLink"))
        .isEqualTo(base + "/Things(" + f.t1 + ")");

    assertThat(get("/Things(" + f.t2 + ")/name").getString("name")).isEqualTo("Trạm Bàu Sen");
    HttpResponse<byte[]> raw = http.get("/sta/v1.1/Things(" + f.t2 + ")/name/$value");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(Http.text(raw)).isEqualTo("Trạm Bàu Sen");
  }

  @Test
  void filterComparisonsLogicAndPathsAcrossNavigation() throws Exception {
    assertThat(values(get("/Things", "$filter", "name eq 'Trạm Bãi Trước'"), "@iot.id")).containsExactly(f.t1);
    assertThat(values(get("/Things", "$filter", "properties/kind eq 'weather' or properties/code eq 'K22'"),
        "@iot.id")).containsExactlyInAnyOrder(f.t1, f.t3);
    assertThat(values(get("/Things", "$filter", "not (properties/kind eq 'weather')"), "@iot.id"))
        .containsExactlyInAnyOrder(f.t1, f.t2);
    assertThat(values(get("/Things", "$filter", "Datastreams/ObservedProperty/name eq 'PM2.5'"), "@iot.id"))
        .containsExactly(f.t1);
    // Observations of PM2.5 above 15 µg/m³: the API's count equals an independent SQL count
    JsonObject page = get("/Observations", "$filter",
        "Datastream/ObservedProperty/name eq 'PM2.5' and result gt 15", "$count", "true");
    long expected = count("SELECT count(*) FROM sensor.observation o JOIN sensor.datastream d ON d.id = o.datastream_id "
        + "JOIN sensor.observed_property p ON p.id = d.observed_property_id WHERE p.name = 'PM2.5' "
        + "AND o.result_number > 15");
    assertThat(expected).isEqualTo(4);
    assertThat(page.getLong("@iot.count")).isEqualTo(expected);
    assertThat(values(get("/Datastreams(" + f.d1 + ")/Observations", "$filter", "result ge 12 and result le 13.5"),
        "result")).containsExactlyInAnyOrder(12L, 13L);
    assertThat(values(get("/Datastreams(" + f.d4 + ")/Observations", "$filter", "result eq 'warn'"), "result"))
        .containsExactly("warn");
    assertThat(get("/Datastreams(" + f.d1 + ")/Observations", "$filter", "result ne 10", "$count", "true")
        .getLong("@iot.count")).isEqualTo(9);
    assertThat(get("/Observations", "$filter", "phenomenonTime ge 2026-11-01T05:00:00Z and "
        + "phenomenonTime lt 2026-11-02T00:00:00Z", "$count", "true").getLong("@iot.count"))
        .isEqualTo(count("SELECT count(*) FROM sensor.observation WHERE phenomenon_time_start >= "
            + "'2026-11-01T05:00:00Z' AND phenomenon_time_start < '2026-11-02T00:00:00Z'"));
    assertThat(values(get("/Observations", "$filter", "Datastream/@iot.id eq " + f.d1, "$orderby", "phenomenonTime desc",
        "$top", "2"), "result")).containsExactly(19L, 18L);
    assertThat(values(get("/Datastreams", "$filter", "unitOfMeasurement/symbol eq 'Cel'"), "@iot.id"))
        .containsExactly(f.d3);
  }

  @Test
  void filterArithmeticStringAndDateFunctions() throws Exception {
    // result * 2 - 1 > 35  ⇔ result > 18: 19 (D1), 25.5, 27, 30.25 (D3)
    assertThat(get("/Observations", "$filter", "result mul 2 sub 1 gt 35", "$count", "true").getLong("@iot.count"))
        .isEqualTo(4);
    assertThat(values(get("/Datastreams(" + f.d1 + ")/Observations", "$filter", "result mod 4 eq 0 and "
        + "result div 2 lt 7 and result add 1 gt 11"), "result")).containsExactly(12L);
    assertThat(values(get("/ObservedProperties", "$filter", "tolower(name) eq 'pm2.5'"), "@iot.id"))
        .containsExactly(f.op1);
    assertThat(values(get("/ObservedProperties", "$filter", "toupper(name) eq 'WATER LEVEL'"), "@iot.id"))
        .containsExactly(f.op2);
    assertThat(values(get("/ObservedProperties", "$filter", "length(name) eq 5"), "@iot.id")).containsExactly(f.op1);
    assertThat(values(get("/Datastreams", "$filter", "substringof('nước', name)"), "@iot.id")).containsExactly(f.d2);
    assertThat(values(get("/Datastreams", "$filter", "contains(name, 'Bàu')"), "@iot.id")).containsExactly(f.d2);
    assertThat(values(get("/Datastreams", "$filter", "startswith(name, 'PM') and endswith(name, 'Trước')"),
        "@iot.id")).containsExactly(f.d1);
    assertThat(values(get("/Datastreams", "$filter", "indexof(name, 'Bàu') eq 9"), "@iot.id")).containsExactly(f.d2);
    assertThat(values(get("/Sensors", "$filter", "concat(name, '!') eq 'Level gauge!' and trim(' x ') eq 'x'"),
        "@iot.id")).containsExactly(f.s2);
    assertThat(values(get("/ObservedProperties", "$filter", "substring(name, 2) eq '2.5'"), "@iot.id"))
        .containsExactly(f.op1);
    assertThat(values(get("/Datastreams(" + f.d1 + ")/Observations", "$filter",
        "year(phenomenonTime) eq 2026 and month(phenomenonTime) eq 11 and day(phenomenonTime) eq 1 "
            + "and hour(phenomenonTime) eq 3 and minute(phenomenonTime) eq 0 and second(phenomenonTime) eq 0"),
        "result")).containsExactly(13L);
    assertThat(get("/Observations", "$filter", "phenomenonTime lt now()", "$count", "true").getLong("@iot.count"))
        .isEqualTo(count("SELECT count(*) FROM sensor.observation"));
  }

  @Test
  void geoFunctions() {
    String box = "geometry'POLYGON((107.07 10.34, 107.08 10.34, 107.08 10.35, 107.07 10.35, 107.07 10.34))'";
    assertThat(values(get("/Locations", "$filter", "geo.intersects(location, " + box + ")"), "name"))
        .containsExactly("L1");
    assertThat(values(get("/Locations", "$filter", "st_within(location, " + box + ")"), "name"))
        .containsExactly("L1");
    // L2 is 0.0095° from L1, L3 0.0325°: distances in degrees, as FROST
    assertThat(values(get("/Locations", "$filter",
        "geo.distance(location, geometry'POINT(107.0752 10.3452)') lt 0.01", "$orderby", "name"), "name"))
        .containsExactly("L1", "L2");
    assertThat(values(get("/Locations", "$filter",
        "st_distance(location, geometry'POINT(107.0752 10.3452)') gt 0.01"), "name")).containsExactly("L3");
    assertThat(values(get("/Things", "$filter", "st_within(Locations/location, " + box + ")"), "@iot.id"))
        .containsExactly(f.t1);
    assertThat(values(get("/Datastreams", "$filter", "geo.intersects(Thing/Locations/location, " + box + ")",
        "$orderby", "id"), "@iot.id")).containsExactly(f.d1, f.d4);
  }

  @Test
  void orderByTopSkipAndCount() {
    assertThat(values(get("/Datastreams(" + f.d1 + ")/Observations", "$orderby", "result desc", "$top", "3"),
        "result")).containsExactly(19L, 18L, 17L);
    assertThat(values(get("/Datastreams(" + f.d1 + ")/Observations", "$orderby", "phenomenonTime desc",
        "$top", "2", "$skip", "1"), "result")).containsExactly(18L, 17L);
    assertThat(values(get("/Datastreams", "$orderby", "observationType desc, name asc"), "@iot.id"))
        .containsExactly(f.d2, f.d3, f.d1, f.d4); // Measurement before Category; "Mực" < "Nhiệt" < "PM2.5"
    // sorting by a property of the one related entity
    assertThat(values(get("/Datastreams", "$orderby", "Thing/name desc, name"), "@iot.id"))
        .containsExactly(f.d3, f.d1, f.d4, f.d2); // "Trạm khí tượng" > "Trạm Bãi Trước" > "Trạm Bàu Sen" (ã > à)
    JsonObject page = get("/Datastreams(" + f.d1 + ")/Observations", "$count", "true");
    assertThat(page.getLong("@iot.count")).isEqualTo(10);
    assertThat(page.getJsonArray("value")).hasSize(5); // sta.top.default = 5 in this test
    assertThat(page.getString("@iot.nextLink")).contains("$skip=5").contains("$top=5");
    assertThat(get("/Datastreams(" + f.d1 + ")/Observations", "$top", "20").containsKey("@iot.nextLink")).isFalse();
  }

  /** What a SensorThings client does: follow @iot.nextLink to the end and count what it got. */
  @Test
  void clientFollowsNextLinksToTheEnd() throws Exception {
    Set<Long> seen = new HashSet<>();
    String next = base + "/Observations?$top=4&$orderby=phenomenonTime%20desc&$filter=result%20gt%201";
    int pages = 0;
    while (next != null) {
      HttpResponse<byte[]> r = http.get(next.substring(next.indexOf("/sta/v1.1")));
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject page = Http.json(r);
      for (Object o : page.getJsonArray("value")) {
        assertThat(seen.add(((JsonObject) o).getLong("@iot.id"))).isTrue();
      }
      next = page.getString("@iot.nextLink");
      pages++;
    }
    long expected = count("SELECT count(*) FROM sensor.observation WHERE result_number > 1");
    assertThat((long) seen.size()).isEqualTo(expected).isEqualTo(17);
    assertThat(pages).isEqualTo(5);
  }

  @Test
  void selectAndNestedExpand() {
    JsonObject t = get("/Things(" + f.t1 + ")", "$select", "name,id");
    assertThat(t.fieldNames()).containsExactlyInAnyOrder("@iot.id", "name");

    JsonObject page = get("/Things", "$filter", "name eq 'Trạm Bãi Trước'", "$expand",
        "Datastreams($filter=observationType eq '" + StaFixture.MEASUREMENT
            + "';$select=name,id;$expand=ObservedProperty($select=name),Observations($orderby=result desc;$top=2))"
            + ",Locations");
    JsonObject thing = page.getJsonArray("value").getJsonObject(0);
    JsonArray ds = thing.getJsonArray("Datastreams");
    assertThat(ds).hasSize(1);
    JsonObject d = ds.getJsonObject(0);
    assertThat(d.getString("name")).isEqualTo("PM2.5 Bãi Trước");
    assertThat(d.containsKey("description")).isFalse();
    assertThat(d.getJsonObject("ObservedProperty").getString("name")).isEqualTo("PM2.5");
    JsonArray obs = d.getJsonArray("Observations");
    assertThat(obs).hasSize(2);
    assertThat(obs.getJsonObject(0).getLong("result")).isEqualTo(19);
    assertThat(d.getString("Observations@iot.nextLink")).contains("/Datastreams(" + f.d1 + ")/Observations");
    assertThat(thing.getJsonArray("Locations").getJsonObject(0).getString("name")).isEqualTo("L1");

    // $select without id still expands (ids are kept internally)
    JsonObject slim = get("/Things(" + f.t2 + ")", "$select", "name", "$expand",
        "Datastreams($select=name;$expand=Observations($orderby=phenomenonTime desc;$top=1;$select=result))");
    assertThat(slim.fieldNames()).containsExactlyInAnyOrder("name", "Datastreams");
    assertThat(slim.getJsonArray("Datastreams").getJsonObject(0).getJsonArray("Observations").getJsonObject(0)
        .getDouble("result")).isEqualTo(3.0);

    // one $expand level brings at most sta.top.max (12) entities for the page: 4 Datastreams get 3 each, with
    // next links that continue exactly where each page stopped
    JsonObject capped = get("/Datastreams", "$orderby", "id", "$expand", "Observations($orderby=phenomenonTime;$top=5)");
    JsonObject first = capped.getJsonArray("value").getJsonObject(0);
    assertThat(first.getJsonArray("Observations")).hasSize(3);
    assertThat(first.getString("Observations@iot.nextLink")).contains("$top=3").contains("$skip=3");
    JsonObject rest = Http.json(http.get(first.getString("Observations@iot.nextLink").substring(base.length() - 9)));
    assertThat(rest.getJsonArray("value").getJsonObject(0).getLong("result")).isEqualTo(13L);

    // multi-level shorthand and $count inside $expand
    JsonObject o = get("/Datastreams(" + f.d2 + ")", "$expand", "Thing/Locations,Observations($count=true;$top=1)");
    assertThat(o.getJsonObject("Thing").getJsonArray("Locations").getJsonObject(0).getString("name")).isEqualTo("L2");
    assertThat(o.getLong("Observations@iot.count")).isEqualTo(5);
    assertThat(o.getJsonArray("Observations")).hasSize(1);
  }

  @Test
  void dataArrayResultFormat() {
    JsonObject page = get("/Datastreams(" + f.d2 + ")/Observations", "$resultFormat", "dataArray",
        "$select", "phenomenonTime,result", "$orderby", "phenomenonTime", "$top", "100");
    JsonObject group = page.getJsonArray("value").getJsonObject(0);
    assertThat(group.getString("Datastream@iot.navigationLink")).isEqualTo(base + "/Datastreams(" + f.d2 + ")");
    assertThat(group.getJsonArray("components").getList()).containsExactly("phenomenonTime", "result");
    assertThat(group.getInteger("dataArray@iot.count")).isEqualTo(5);
    assertThat(group.getJsonArray("dataArray").getJsonArray(1).getList())
        .containsExactly("2026-11-01T06:00:00Z", 1.5);
  }

  @Test
  void badRequestsAreSensorThingsErrors() {
    assertError("/sta/v1.1/Thingz", 404, null);
    assertError("/sta/v1.1/Things(1)/Sensors", 404, null);
    assertError("/sta/v1.1/Things" + query("$filter", "name eq 'x' and"), 400, "position");
    assertError("/sta/v1.1/Things" + query("$filter", "nmae eq 'x'"), 400, "no property 'nmae'");
    assertError("/sta/v1.1/Things" + query("$filter", "name eq 3"), 400, "cannot compare");
    assertError("/sta/v1.1/Things" + query("$filter", "geo.intersects(name, geometry'POINT(1 2)')"), 400,
        "geometry");
    assertError("/sta/v1.1/Things" + query("$filter", "geo.intersects(name, geometry'POINT(1)')"), 400,
        "not valid WKT");
    assertError("/sta/v1.1/Things" + query("$filter", "frobnicate(name)"), 400, "unknown function");
    assertError("/sta/v1.1/Things" + query("$orderby", "name sideways"), 400, "asc or desc");
    assertError("/sta/v1.1/Things" + query("$orderby", "Datastreams/name"), 400, "entities it has one of");
    assertError("/sta/v1.1/Things" + query("$top", "-1"), 400, "$top");
    assertError("/sta/v1.1/Things" + query("$select", "colour"), 400, "colour");
    assertError("/sta/v1.1/Things" + query("$expand", "Sensors"), 400, "Sensors");
    assertError("/sta/v1.1/Things" + query("$frobnicate", "1"), 400, "$frobnicate");
    assertError("/sta/v1.1/Things" + query("$resultFormat", "dataArray"), 400, "Observations");
    assertError("/sta/v1.1/Things(999999)", 404, null);
    assertError("/sta/v1.1/Things" + query("$expand", "Datastreams($expand=Thing($expand=".repeat(5) + "Locations"
        + "))".repeat(5)), 400, "deeper");
    assertError("/sta/v1.1/Things" + query("$expand", "Datastreams($topp=1)"), 400, "$topp");
  }

  static void assertError(String path, int status, String messagePart) {
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    JsonObject e = Http.json(r);
    assertThat(e.getInteger("code")).isEqualTo(status);
    assertThat(e.getString("type")).isEqualTo("error");
    if (messagePart != null) {
      assertThat(e.getString("message")).contains(messagePart);
    }
  }
}
