package vn.citytwin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.testing.Identities.bearer;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.ScenarioFixture;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The access rules checked through every way out, generated from the rules rather than listed: for each endpoint
 * family × role × object the expected outcome comes from a small oracle of the rule (public layer: everyone;
 * internal layer and the internal attribute {@code buildings.address}: any signed-in role; private scenario: its
 * author and admins; shared: also the user it is shared with; published: everyone), and a hidden object must be
 * answered exactly like one that does not exist (same status, same body once names and request ids are equalised).
 * Writes are checked the same way: who may create scenarios, edit someone's scenario, or edit features (Part 4).
 */
class AccessMatrixIT {
  enum Who { ANONYMOUS, VIEWER, AUTHOR, OTHER_PLANNER, ADMIN }

  enum Vis { PRIVATE, SHARED, PUBLISHED }

  static TestDatabase db;
  static CityTwinServer server;
  static final Map<Who, Http> CLIENT = new java.util.EnumMap<>(Who.class);
  static final Map<Vis, Long> SCENARIO = new java.util.EnumMap<>(Vis.class);
  static final String INTERNAL_LAYER = "cameras";
  static final String PUBLIC_LAYER = "buildings";
  static final String MISSING_LAYER = "khong_co_lop";
  static final long MISSING_SCENARIO = 987654321L;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("access_matrix");
    server = TestServer.start(db.jdbcUrl(), Map.of("wfs.transactions.enabled", "true"));
    FeatureFixtures.load(db);
    long author;
    long viewer;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.cameras (id, code, kind, ward, geom) VALUES"
          + " (1, 'CAM-001', 'traffic', 'Phường Vũng Tàu', ST_GeomFromText('POINT(107.0710 10.3402)', 4326))");
      s.execute("INSERT INTO access.attribute_rule (layer_id, attribute, visibility) VALUES"
          + " ('buildings', 'address', 'internal')");
    }
    CLIENT.put(Who.ANONYMOUS, new Http(server.port()));
    CLIENT.put(Who.VIEWER, client(Identities.token(db, "xem", Role.VIEWER)));
    CLIENT.put(Who.AUTHOR, client(Identities.token(db, "lan", Role.PLANNER)));
    CLIENT.put(Who.OTHER_PLANNER, client(Identities.token(db, "hoa", Role.PLANNER)));
    CLIENT.put(Who.ADMIN, client(Identities.token(db, "quan-tri", Role.ADMIN)));
    author = Identities.user(db, "lan", "mat-khau-cua-lan", Role.PLANNER);
    viewer = Identities.user(db, "xem", "mat-khau-cua-xem", Role.VIEWER);
    for (Vis v : Vis.values()) {
      long id = ScenarioFixture.named("kịch bản " + v).modify("buildings", 1,
          "{\"name\":\"Khách sạn mới\",\"use_type\":\"hotel\",\"levels\":20,\"height\":66,"
              + "\"address\":\"Số 1 Lê Lợi\"}",
          "POLYGON((107.0708 10.34, 107.0712 10.34, 107.0712 10.3404, 107.0708 10.3404, 107.0708 10.34))").create(db);
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("UPDATE planning.scenario SET owner_id = " + author + ", visibility = '"
            + v.name().toLowerCase() + "' WHERE id = " + id);
        if (v == Vis.SHARED) {
          s.execute("INSERT INTO planning.scenario_share VALUES (" + id + ", " + viewer + ")");
        }
      }
      SCENARIO.put(v, id);
    }
    server.access().rules().refresh();
    server.catalog().reloadNow();
    server.scenarios().refresh();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static Http client(String token) {
    return new Http(server.port()).as(bearer(token));
  }

  // ---- the oracle: what the rules say, written independently of the production code ----

  static boolean seesLayer(Who who, String layer) {
    return !layer.equals(INTERNAL_LAYER) || who != Who.ANONYMOUS;
  }

  static boolean seesAddress(Who who) {
    return who != Who.ANONYMOUS;
  }

  static boolean seesScenario(Who who, Vis v) {
    return switch (v) {
      case PUBLISHED -> true;
      case SHARED -> Set.of(Who.AUTHOR, Who.VIEWER, Who.ADMIN).contains(who);
      case PRIVATE -> Set.of(Who.AUTHOR, Who.ADMIN).contains(who);
    };
  }

  // ---- the endpoint families ----

  /** One way to ask for a layer: the answer, and whether it shows the layer. */
  record LayerProbe(String family, BiFunction<Http, String, HttpResponse<byte[]>> ask, boolean listing) {}

  static final String WMS_MAP = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:4326"
      + "&BBOX=10.3400,107.0706,10.3406,107.0714&WIDTH=16&HEIGHT=16&FORMAT=image/png&LAYERS=";
  static final String WMS_INFO = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&STYLES=&CRS=EPSG:4326"
      + "&BBOX=10.3400,107.0706,10.3406,107.0714&WIDTH=16&HEIGHT=16&I=8&J=8&FEATURE_COUNT=10"
      + "&INFO_FORMAT=application/json&BUFFER=20&LAYERS=%1$s&QUERY_LAYERS=%1$s";
  static final int Z = 14;
  static final int TX = (int) Math.floor((107.0710 + 180) / 360 * (1 << Z));
  static final int TY = (int) Math.floor((1 - Math.log(Math.tan(Math.toRadians(10.3402))
      + 1 / Math.cos(Math.toRadians(10.3402))) / Math.PI) / 2 * (1 << Z));

  static List<LayerProbe> layerProbes() {
    return List.of(
        new LayerProbe("WMS GetCapabilities", (h, l) -> h.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities"), true),
        new LayerProbe("WMS GetMap", (h, l) -> h.get(WMS_MAP + l), false),
        new LayerProbe("WMS GetFeatureInfo", (h, l) -> h.get(String.format(WMS_INFO, l)), false),
        new LayerProbe("WMS GetLegendGraphic", (h, l) -> h.get("/wms?SERVICE=WMS&VERSION=1.3.0"
            + "&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=" + l), false),
        new LayerProbe("WFS GetCapabilities", (h, l) -> h.get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities"), true),
        new LayerProbe("WFS DescribeFeatureType", (h, l) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0"
            + "&REQUEST=DescribeFeatureType&TYPENAMES=" + l), false),
        new LayerProbe("WFS GetFeature", (h, l) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&COUNT=3&OUTPUTFORMAT=application/json&TYPENAMES=" + l), false),
        new LayerProbe("OGC API collections", (h, l) -> h.get("/ogc/collections?f=json"), true),
        new LayerProbe("OGC API collection", (h, l) -> h.get("/ogc/collections/" + l + "?f=json"), false),
        new LayerProbe("OGC API items", (h, l) -> h.get("/ogc/collections/" + l + "/items?f=json&limit=3"), false),
        new LayerProbe("OGC API OpenAPI", (h, l) -> h.get("/ogc/api"), true),
        new LayerProbe("MVT tile", (h, l) -> h.get("/tiles/" + l + "/" + Z + "/" + TX + "/" + TY + ".mvt"), false),
        new LayerProbe("TileJSON", (h, l) -> h.get("/tiles/" + l + ".json"), false),
        new LayerProbe("OGC API Tiles", (h, l) -> h.get("/ogc/collections/" + l + "/tiles/WebMercatorQuad/"
            + Z + "/" + TY + "/" + TX + "?f=mvt"), false),
        new LayerProbe("3D Tiles tileset", (h, l) -> h.get("/3dtiles/" + l + "/tileset.json"), false),
        new LayerProbe("/api/layers", (h, l) -> h.get("/api/layers"), true),
        new LayerProbe("/api/layers/{id}", (h, l) -> h.get("/api/layers/" + l), false));
  }

  @TestFactory
  Stream<DynamicTest> layersThroughEveryProtocol() {
    List<DynamicTest> tests = new ArrayList<>();
    for (LayerProbe probe : layerProbes()) {
      for (Who who : Who.values()) {
        for (String layer : List.of(PUBLIC_LAYER, INTERNAL_LAYER)) {
          boolean expected = seesLayer(who, layer);
          tests.add(DynamicTest.dynamicTest(probe.family() + " × " + who + " × " + layer + " → "
              + (expected ? "visible" : "as if missing"), () -> checkLayer(probe, who, layer, expected)));
        }
      }
    }
    return tests.stream();
  }

  static void checkLayer(LayerProbe probe, Who who, String layer, boolean expected) {
    Http h = CLIENT.get(who);
    HttpResponse<byte[]> r = probe.ask().apply(h, layer);
    String body = Http.text(r);
    if (probe.listing()) {
      assertThat(r.statusCode()).as(body).isEqualTo(200);
      String listed = probe.family().startsWith("W") ? ":" + layer + "<" : "\"" + layer + "\"";
      String named = probe.family().startsWith("WMS") ? "<Name>" + layer + "</Name>"
          : probe.family().startsWith("WFS") ? "citytwin:" + layer + "<"
          : probe.family().contains("OpenAPI") ? "/collections/" + layer + "/" : "\"id\":\"" + layer + "\"";
      if (expected) {
        assertThat(body).contains(named);
      } else {
        assertThat(body).doesNotContain(named).doesNotContain(listed);
      }
      return;
    }
    if (expected) {
      assertThat(r.statusCode()).as(body).isNotEqualTo(404);
      assertThat(body).doesNotContain("Unknown layer").doesNotContain("not defined")
          .doesNotContain("Unknown feature type");
    } else {
      HttpResponse<byte[]> missing = probe.ask().apply(h, MISSING_LAYER);
      assertThat(r.statusCode()).isEqualTo(missing.statusCode());
      assertThat(normalise(body, layer)).isEqualTo(normalise(Http.text(missing), MISSING_LAYER));
      assertThat(r.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
    }
  }

  /** The same answer for two names: the name and the request id equalised. */
  static String normalise(String body, String name) {
    return body.replace(name, "{layer}").replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"-\"");
  }

  /** One way to read an attribute of buildings ({@code address} is internal): the answer for an attribute name. */
  record AttributeProbe(String family, BiFunction<Http, String, HttpResponse<byte[]>> ask) {}

  static List<AttributeProbe> attributeProbes() {
    return List.of(
        new AttributeProbe("WMS GetFeatureInfo", (h, a) -> h.get(String.format(WMS_INFO, PUBLIC_LAYER))),
        new AttributeProbe("WFS DescribeFeatureType", (h, a) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0"
            + "&REQUEST=DescribeFeatureType&TYPENAMES=buildings")),
        new AttributeProbe("WFS GetFeature", (h, a) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&COUNT=3&OUTPUTFORMAT=application/json&TYPENAMES=buildings")),
        new AttributeProbe("WFS GetFeature GML", (h, a) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0"
            + "&REQUEST=GetFeature&COUNT=3&TYPENAMES=buildings")),
        new AttributeProbe("WFS GetPropertyValue", (h, a) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0"
            + "&REQUEST=GetPropertyValue&COUNT=3&TYPENAMES=buildings&VALUEREFERENCE=" + a)),
        new AttributeProbe("OGC API items", (h, a) -> h.get("/ogc/collections/buildings/items?f=json&limit=3")),
        new AttributeProbe("OGC API items CSV", (h, a) -> h.get("/ogc/collections/buildings/items?f=csv&limit=3")),
        new AttributeProbe("OGC API queryables", (h, a) -> h.get("/ogc/collections/buildings/queryables")),
        new AttributeProbe("MVT tile properties=", (h, a) -> h.get("/tiles/buildings/" + Z + "/" + TX + "/" + TY
            + ".mvt?properties=name," + a)),
        new AttributeProbe("/api/layers/{id}", (h, a) -> h.get("/api/layers/buildings")),
        new AttributeProbe("planning edits", (h, a) -> h.get("/api/scenarios/" + SCENARIO.get(Vis.PUBLISHED)
            + "/edits")),
        new AttributeProbe("planning diff", (h, a) -> h.get("/api/scenarios/" + SCENARIO.get(Vis.PUBLISHED)
            + "/diff")));
  }

  @TestFactory
  Stream<DynamicTest> hiddenAttributeThroughEveryProtocol() {
    List<DynamicTest> tests = new ArrayList<>();
    for (AttributeProbe probe : attributeProbes()) {
      for (Who who : Who.values()) {
        boolean expected = seesAddress(who);
        tests.add(DynamicTest.dynamicTest(probe.family() + " × " + who + " × buildings.address → "
            + (expected ? "shown" : "absent"), () -> {
              HttpResponse<byte[]> r = probe.ask().apply(CLIENT.get(who), "address");
              String body = new String(r.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
              if (expected) {
                assertThat(r.statusCode()).as(body).isEqualTo(200);
                assertThat(body).contains("address");
              } else if (r.statusCode() == 200) {
                assertThat(body).doesNotContain("address");
              } else {
                // Asked for by name: answered as for an attribute that does not exist.
                HttpResponse<byte[]> missing = probe.ask().apply(CLIENT.get(who), "zzzzzzz");
                assertThat(r.statusCode()).isEqualTo(missing.statusCode());
                assertThat(normalise(Http.text(r), "address")).isEqualTo(normalise(Http.text(missing), "zzzzzzz"));
              }
            }));
      }
    }
    // A filter on the hidden attribute is a filter on an unknown property, not an oracle of its values.
    tests.add(DynamicTest.dynamicTest("CQL2 filter on a hidden attribute × ANONYMOUS → unknown property", () -> {
      HttpResponse<byte[]> r = CLIENT.get(Who.ANONYMOUS).get("/ogc/collections/buildings/items?f=json&filter="
          + java.net.URLEncoder.encode("address LIKE 'Số 1%'", java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<byte[]> missing = CLIENT.get(Who.ANONYMOUS).get("/ogc/collections/buildings/items?f=json&filter="
          + java.net.URLEncoder.encode("zzzzzzz LIKE 'Số 1%'", java.nio.charset.StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(400).isEqualTo(missing.statusCode());
      assertThat(normalise(Http.text(r), "address")).isEqualTo(normalise(Http.text(missing), "zzzzzzz"));
    }));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> cachesNeverHandOneRolesAnswerToAnother() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String path : List.of("/tiles/buildings/" + Z + "/" + TX + "/" + TY + ".mvt", "/tiles/buildings.json",
        "/3dtiles/buildings/tileset.json", "/api/layers/buildings")) {
      tests.add(DynamicTest.dynamicTest("ETag of VIEWER then ANONYMOUS on " + path, () -> {
        HttpResponse<byte[]> viewer = CLIENT.get(Who.VIEWER).get(path);
        assertThat(viewer.headers().allValues("Vary").toString()).contains("Authorization");
        java.util.Optional<String> etag = viewer.headers().firstValue("ETag");
        HttpResponse<byte[]> anonymous = etag.isEmpty() ? CLIENT.get(Who.ANONYMOUS).get(path)
            : CLIENT.get(Who.ANONYMOUS).get(path, "If-None-Match", etag.get());
        if (path.contains("3dtiles")) {
          return; // 3D tiles carry no attribute columns here; the key includes them all the same
        }
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(new String(anonymous.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain("address");
        assertThat(viewer.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
      }));
    }
    return tests.stream();
  }

  static String scenarioNormalised(String body, long id) {
    return body.replaceAll("(scenario[ =/]|scenarios/|a=)" + id + "\\b", "$1{id}")
        .replaceAll("\"requestId\":\"[^\"]*\"", "");
  }

  /** One way to read a scenario's city. */
  record ScenarioProbe(String family, BiFunction<Http, Long, HttpResponse<byte[]>> ask) {}

  static List<ScenarioProbe> scenarioProbes() {
    return List.of(
        new ScenarioProbe("WMS GetMap", (h, id) -> h.get(WMS_MAP + "buildings&scenario=" + id)),
        new ScenarioProbe("WMS GetFeatureInfo", (h, id) -> h.get(String.format(WMS_INFO, "buildings")
            + "&scenario=" + id)),
        new ScenarioProbe("WFS GetFeature", (h, id) -> h.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&COUNT=3&OUTPUTFORMAT=application/json&TYPENAMES=buildings&scenario=" + id)),
        new ScenarioProbe("OGC API items", (h, id) -> h.get("/ogc/collections/buildings/items?f=json&limit=3"
            + "&scenario=" + id)),
        new ScenarioProbe("MVT tile", (h, id) -> h.get("/tiles/buildings/" + Z + "/" + TX + "/" + TY + ".mvt"
            + "?scenario=" + id)),
        new ScenarioProbe("3D Tiles tileset", (h, id) -> h.get("/3dtiles/buildings/tileset.json?scenario=" + id)),
        new ScenarioProbe("planning scenario", (h, id) -> h.get("/api/scenarios/" + id)),
        new ScenarioProbe("planning indicators", (h, id) -> h.get("/api/scenarios/" + id + "/indicators")),
        new ScenarioProbe("planning diff", (h, id) -> h.get("/api/scenarios/" + id + "/diff")),
        new ScenarioProbe("planning compare", (h, id) -> h.get("/api/scenarios/compare?a=" + id + "&b=base")));
  }

  @TestFactory
  Stream<DynamicTest> scenariosThroughEveryProtocol() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ScenarioProbe probe : scenarioProbes()) {
      for (Who who : Who.values()) {
        for (Vis v : Vis.values()) {
          boolean expected = seesScenario(who, v);
          tests.add(DynamicTest.dynamicTest(probe.family() + " × " + who + " × " + v + " scenario → "
              + (expected ? "readable" : "as if missing"), () -> {
                Http h = CLIENT.get(who);
                long id = SCENARIO.get(v);
                HttpResponse<byte[]> r = probe.ask().apply(h, id);
                String body = Http.text(r);
                if (expected) {
                  assertThat(r.statusCode()).as(body).isBetween(200, 299);
                } else {
                  HttpResponse<byte[]> missing = probe.ask().apply(h, MISSING_SCENARIO);
                  assertThat(r.statusCode()).as(body).isEqualTo(missing.statusCode());
                  assertThat(body).contains("Unknown scenario"); // WMS reports errors with status 200
                  assertThat(scenarioNormalised(body, id))
                      .isEqualTo(scenarioNormalised(Http.text(missing), MISSING_SCENARIO));
                }
              }));
        }
      }
      // The scenario list shows exactly the readable ones.
    }
    for (Who who : Who.values()) {
      tests.add(DynamicTest.dynamicTest("planning list × " + who, () -> {
        String body = Http.text(CLIENT.get(who).get("/api/scenarios?limit=100"));
        for (Vis v : Vis.values()) {
          if (seesScenario(who, v)) {
            assertThat(body).contains("\"id\":" + SCENARIO.get(v) + ",");
          } else {
            assertThat(body).doesNotContain("\"id\":" + SCENARIO.get(v) + ",");
          }
        }
      }));
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void theAuthorSharesThenPublishesADraft() {
    HttpResponse<byte[]> created = CLIENT.get(Who.AUTHOR).send("POST", "/api/scenarios", "application/json",
        "{\"name\":\"bản nháp chia sẻ\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    long id = Http.json(created).getLong("id");
    assertThat(Http.json(created).getString("visibility")).isEqualTo("private");
    assertThat(Http.json(created).getString("owner")).isEqualTo("lan");
    String wfs = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=1&OUTPUTFORMAT=application/json"
        + "&TYPENAMES=buildings&scenario=" + id;
    // A new scenario is private to its author.
    assertThat(CLIENT.get(Who.AUTHOR).get(wfs).statusCode()).isEqualTo(200);
    assertThat(CLIENT.get(Who.OTHER_PLANNER).get(wfs).statusCode()).isEqualTo(404);
    assertThat(CLIENT.get(Who.ANONYMOUS).get(wfs).statusCode()).isEqualTo(404);
    // Nobody else may change who reads it (and one who cannot see it is told it does not exist).
    assertThat(CLIENT.get(Who.OTHER_PLANNER).send("PUT", "/api/scenarios/" + id + "/visibility", "application/json",
        "{\"visibility\":\"published\"}").statusCode()).isEqualTo(404);
    // Shared with hoa: hoa reads it, the public still does not.
    HttpResponse<byte[]> shared = CLIENT.get(Who.AUTHOR).send("PUT", "/api/scenarios/" + id + "/visibility",
        "application/json", "{\"visibility\":\"shared\",\"users\":[\"hoa\"]}");
    assertThat(shared.statusCode()).as(Http.text(shared)).isEqualTo(200);
    assertThat(CLIENT.get(Who.OTHER_PLANNER).get(wfs).statusCode()).isEqualTo(200);
    assertThat(CLIENT.get(Who.VIEWER).get(wfs).statusCode()).isEqualTo(404);
    assertThat(CLIENT.get(Who.ANONYMOUS).get(wfs).statusCode()).isEqualTo(404);
    // hoa may read but not change it.
    assertThat(CLIENT.get(Who.OTHER_PLANNER).send("PATCH", "/api/scenarios/" + id, "application/json",
        "{\"description\":\"x\"}").statusCode()).isEqualTo(403);
    // An unknown user name is refused and changes nothing.
    assertThat(CLIENT.get(Who.AUTHOR).send("PUT", "/api/scenarios/" + id + "/visibility", "application/json",
        "{\"visibility\":\"shared\",\"users\":[\"khong-ai\"]}").statusCode()).isEqualTo(400);
    assertThat(CLIENT.get(Who.OTHER_PLANNER).get(wfs).statusCode()).isEqualTo(200);
    // Published: everyone reads it.
    assertThat(CLIENT.get(Who.AUTHOR).send("PUT", "/api/scenarios/" + id + "/visibility", "application/json",
        "{\"visibility\":\"published\"}").statusCode()).isEqualTo(200);
    assertThat(CLIENT.get(Who.ANONYMOUS).get(wfs).statusCode()).isEqualTo(200);
  }

  // ---- writes ----

  static final Set<Who> PLANNERS = EnumSet.of(Who.AUTHOR, Who.OTHER_PLANNER, Who.ADMIN);

  @TestFactory
  Stream<DynamicTest> writesNeedTheirRole() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Who who : Who.values()) {
      tests.add(DynamicTest.dynamicTest("create scenario × " + who, () -> {
        HttpResponse<byte[]> r = CLIENT.get(who).send("POST", "/api/scenarios", "application/json",
            "{\"name\":\"mới của " + who + "\"}");
        int expected = PLANNERS.contains(who) ? 201 : who == Who.ANONYMOUS ? 401 : 403;
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(expected);
        assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM planning.scenario WHERE name = 'mới của "
            + who + "'")).isEqualTo(expected == 201 ? 1 : 0);
      }));
      for (Vis v : Vis.values()) {
        // Only the author (or an admin) changes a scenario; one the principal cannot see is not found.
        int expected = who == Who.AUTHOR || who == Who.ADMIN ? 200
            : !seesScenario(who, v) ? 404 : who == Who.ANONYMOUS ? 401 : 403;
        tests.add(DynamicTest.dynamicTest("rename " + v + " scenario × " + who + " → " + expected, () -> {
          long id = SCENARIO.get(v);
          HttpResponse<byte[]> r = CLIENT.get(who).send("PATCH", "/api/scenarios/" + id, "application/json",
              "{\"description\":\"sửa bởi " + who + "\"}");
          assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(expected);
          assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM planning.scenario WHERE id = " + id
              + " AND description = 'sửa bởi " + who + "'")).isEqualTo(expected == 200 ? 1 : 0);
        }));
      }
      int part4 = who == Who.ADMIN ? 201 : who == Who.ANONYMOUS ? 401 : 403;
      tests.add(DynamicTest.dynamicTest("OGC API Part 4 insert × " + who + " → " + part4, () -> {
        HttpResponse<byte[]> r = CLIENT.get(who).send("POST", "/ogc/collections/roads/items", "application/geo+json",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"Đường " + who + "\",\"class\":\"residential\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[107.08,10.35],[107.081,10.351]]}}");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(part4);
        assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.roads WHERE name = 'Đường " + who + "'"))
            .isEqualTo(part4 == 201 ? 1 : 0);
      }));
      boolean wfsOk = who == Who.ADMIN;
      tests.add(DynamicTest.dynamicTest("WFS-T insert × " + who + " → " + (wfsOk ? "done" : "refused"), () -> {
        String xml = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
            + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:citytwin=\"https://citytwin.vn/features\">"
            + "<wfs:Insert><citytwin:roads><citytwin:name>WFS " + who + "</citytwin:name><citytwin:class>residential"
            + "</citytwin:class><citytwin:geom><gml:LineString srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:posList>"
            + "10.35 107.08 10.351 107.081</gml:posList></gml:LineString></citytwin:geom></citytwin:roads>"
            + "</wfs:Insert></wfs:Transaction>";
        HttpResponse<byte[]> r = CLIENT.get(who).send("POST", "/wfs", "application/xml", xml);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(wfsOk ? 200 : who == Who.ANONYMOUS ? 401 : 403);
        assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.roads WHERE name = 'WFS " + who + "'"))
            .isEqualTo(wfsOk ? 1 : 0);
      }));
    }
    return tests.stream();
  }
}
