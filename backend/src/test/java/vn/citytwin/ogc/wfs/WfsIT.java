package vn.citytwin.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.ogc.OgcSchemas;
import vn.citytwin.ogc.XmlDoc;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.ScenarioFixture;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * WFS 2.0 and 1.1.0 reads end to end over real PostGIS: every document validated against the official schemas
 * (capabilities, DescribeFeatureType, GML 3.2 / 3.1.1 / 2 feature collections, value collections, stored query
 * descriptions, exception reports), and every count checked against PostGIS.
 */
class WfsIT {
  static final int MAX = 300;
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Function<String, String> fetch;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wfs");
    server = TestServer.start(db.jdbcUrl(), Map.of("features.max.limit", Integer.toString(MAX),
        "features.default.limit", "50"));
    http = new Http(server.port());
    FeatureFixtures.load(db);
    server.catalog().reloadNow();
    fetch = url -> http.getText(url.substring(url.indexOf('/', "http://".length())));
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static String wfs(String query) {
    return http.getText("/wfs?service=WFS&" + query);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String dft(String version, String types) {
    return "http://127.0.0.1:" + server.port() + "/wfs?service=WFS&version=" + version
        + "&request=DescribeFeatureType&" + (version.equals("2.0.0") ? "typeNames=" : "typeName=") + enc(types);
  }

  @Test
  void capabilities20AreSchemaValidAndListThePublicLayers() {
    String caps = wfs("request=GetCapabilities");
    OgcSchemas.validate(caps, null, OgcSchemas.WFS20);
    XmlDoc doc = XmlDoc.parse(caps);
    List<String> names = doc.texts(XmlDoc.WFS20, "Name");
    assertThat(names).contains("citytwin:buildings", "citytwin:roads", "citytwin:Khu_vực_1")
        .doesNotContain("citytwin:cameras"); // internal layer
    assertThat(caps).contains("ImplementsResultPaging").contains("<ows:DefaultValue>" + MAX + "</ows:DefaultValue>")
        .contains("urn:ogc:def:crs:EPSG::3405").doesNotContain("name=\"Transaction\"");
    // the extent of buildings is the fixture grid
    Element type = doc.all(XmlDoc.WFS20, "FeatureType").stream()
        .filter(t -> t.getTextContent().contains("citytwin:buildings")).findFirst().orElseThrow();
    assertThat(type.getElementsByTagNameNS(XmlDoc.OWS11, "LowerCorner").item(0).getTextContent())
        .startsWith("107.07 10.34");
  }

  @Test
  void capabilities11AreSchemaValid() {
    String caps = wfs("request=GetCapabilities&version=1.1.0");
    OgcSchemas.validate(caps, null, OgcSchemas.WFS11);
    assertThat(caps).contains("version=\"1.1.0\"").contains("<wfs:DefaultSRS>urn:ogc:def:crs:EPSG::4326");
    String negotiated = wfs("request=GetCapabilities&acceptVersions=3.0.0,1.1.0");
    assertThat(negotiated).contains("version=\"1.1.0\"");
  }

  @Test
  void describeFeatureTypeIsAValidSchemaForEachGmlVersion() {
    for (String url : List.of(dft("2.0.0", "citytwin:buildings,citytwin:roads,citytwin:Khu_vực_1"),
        dft("1.1.0", "citytwin:wards"), dft("1.1.0", "citytwin:wards") + "&outputFormat="
            + enc("text/xml; subtype=gml/2.1.2"))) {
      String xsd = fetch.apply(url);
      OgcSchemas.compileSchemaText(xsd, url, fetch);
    }
    String all = wfs("version=2.0.0&request=DescribeFeatureType");
    assertThat(all).contains("name=\"buildingsType\"").contains("name=\"_2024_value\"")
        .contains("name=\"Tên_gọi\"").contains("gml:SurfacePropertyType").doesNotContain("camerasType");
  }

  @Test
  void gml32FeatureCollectionsValidateAgainstWfsAndTheDescribedTypes() throws Exception {
    for (String type : List.of("buildings", "roads", "wards", "flood_reports", "Khu_vực_1")) {
      String xml = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:" + enc(type));
      OgcSchemas.validate(xml, fetch, OgcSchemas.WFS20, dft("2.0.0", "citytwin:" + type));
    }
    String roads = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads");
    assertThat(XmlDoc.parse(roads).texts(XmlDoc.CT, "name")).contains("Hẻm \"A\" & <B>");
    String wards = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:wards");
    assertThat(wards).contains("<gml:MultiSurface").contains("<gml:interior>").contains("gml:id=\"wards.1.g.1\"");
  }

  @Test
  void gml31AndGml2Validate() {
    String gml31 = wfs("version=1.1.0&request=GetFeature&typeName=citytwin:wards,citytwin:roads");
    OgcSchemas.validate(gml31, fetch, OgcSchemas.WFS11, dft("1.1.0", "citytwin:wards,citytwin:roads"));
    XmlDoc doc = XmlDoc.parse(gml31);
    assertThat(doc.rootAttr("numberOfFeatures")).isEqualTo("4");
    String gml2Format = "text/xml; subtype=gml/2.1.2";
    String gml2 = wfs("version=1.1.0&request=GetFeature&typeName=citytwin:wards&outputFormat=" + enc(gml2Format));
    OgcSchemas.validate(gml2, fetch, OgcSchemas.WFS10, dft("1.1.0", "citytwin:wards") + "&outputFormat="
        + enc(gml2Format));
    assertThat(gml2).contains("<gml:outerBoundaryIs>").contains("fid=\"wards.1\"").contains("107.06,10.32");
  }

  @Test
  void countAndStartIndexPageThroughEverythingWithNextLinks() {
    Set<String> ids = new HashSet<>();
    String url = "/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&count=200";
    int pages = 0;
    String previous = null;
    while (url != null) {
      XmlDoc doc = XmlDoc.parse(http.getText(url));
      assertThat(doc.rootAttr("numberMatched")).isEqualTo("500");
      List<String> page = doc.featureIds("buildings");
      assertThat(doc.rootAttr("numberReturned")).isEqualTo(Integer.toString(page.size()));
      ids.addAll(page);
      if (pages > 0) {
        assertThat(doc.rootAttr("previous")).contains("STARTINDEX=" + (pages - 1) * 200);
      } else {
        assertThat(doc.root().hasAttribute("previous")).isFalse();
      }
      String next = doc.rootAttr("next");
      url = next.isEmpty() ? null : next.substring(next.indexOf("/wfs"));
      pages++;
      previous = next;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(FeatureFixtures.BUILDINGS);
    assertThat(previous).isEmpty();
  }

  @Test
  void withoutCountTheServerMaximumApplies() {
    XmlDoc doc = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings"));
    assertThat(doc.rootAttr("numberReturned")).isEqualTo(Integer.toString(MAX));
    assertThat(doc.rootAttr("next")).contains("STARTINDEX=" + MAX);
    HttpResponse<byte[]> tooMany = http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature"
        + "&typeNames=citytwin:buildings&count=" + (MAX + 1));
    assertReport(tooMany, 400, "InvalidParameterValue", "count");
  }

  @Test
  void hitsCountWithoutFeatures() throws Exception {
    XmlDoc doc = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&resultType=hits"
        + "&CQL_FILTER=" + enc("height > 30")));
    assertThat(doc.rootAttr("numberMatched")).isEqualTo(Long.toString(
        FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE height > 30")));
    assertThat(doc.rootAttr("numberReturned")).isEqualTo("0");
    assertThat(doc.featureIds("buildings")).isEmpty();
  }

  @Test
  void wfs11HitsCountTheFeaturesTheRequestWouldReturn() throws Exception {
    long matched = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE height > 30");
    assertThat(matched).isGreaterThan(5);
    XmlDoc all = XmlDoc.parse(wfs("version=1.1.0&request=GetFeature&typeName=citytwin:buildings&resultType=hits"
        + "&CQL_FILTER=" + enc("height > 30")));
    assertThat(all.rootAttr("numberOfFeatures")).isEqualTo(Long.toString(matched));
    assertThat(all.featureIds("buildings")).isEmpty();
    XmlDoc capped = XmlDoc.parse(wfs("version=1.1.0&request=GetFeature&typeName=citytwin:buildings&resultType=hits"
        + "&maxFeatures=5&CQL_FILTER=" + enc("height > 30")));
    assertThat(capped.rootAttr("numberOfFeatures")).isEqualTo("5");
    XmlDoc results = XmlDoc.parse(wfs("version=1.1.0&request=GetFeature&typeName=citytwin:buildings"
        + "&maxFeatures=5&CQL_FILTER=" + enc("height > 30")));
    assertThat(results.rootAttr("numberOfFeatures")).isEqualTo("5");
    assertThat(results.featureIds("buildings")).hasSize(5);
  }

  @Test
  void fesAndCqlFiltersAndResourceIdsSelectTheSameFeaturesAsPostgis() throws Exception {
    long expected = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE height > 30 AND"
        + " use_type = 'hotel'");
    String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And><fes:PropertyIsGreaterThan>"
        + "<fes:ValueReference>citytwin:height</fes:ValueReference><fes:Literal>30</fes:Literal>"
        + "</fes:PropertyIsGreaterThan><fes:PropertyIsEqualTo><fes:ValueReference>use_type</fes:ValueReference>"
        + "<fes:Literal>hotel</fes:Literal></fes:PropertyIsEqualTo></fes:And></fes:Filter>";
    List<String> byFes = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&filter="
        + enc(fes))).featureIds("buildings");
    List<String> byCql = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings"
        + "&CQL_FILTER=" + enc("height > 30 AND use_type = 'hotel'"))).featureIds("buildings");
    assertThat(byFes).hasSize((int) expected).containsExactlyElementsOf(byCql);
    List<String> byId = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&resourceId=buildings.7,roads.2,"
        + "buildings.8")).featureIds("buildings");
    assertThat(byId).containsExactly("buildings.7", "buildings.8");
    String mixed = wfs("version=2.0.0&request=GetFeature&resourceId=buildings.7,roads.2");
    assertThat(XmlDoc.parse(mixed).featureIds("roads")).containsExactly("roads.2");
  }

  @Test
  void bboxAxisOrderFollowsTheCrsName() throws Exception {
    long expected = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE ST_Intersects(geom,"
        + " ST_MakeEnvelope(107.07, 10.34, 107.075, 10.345, 4326))");
    assertThat(expected).isGreaterThan(0).isLessThan(FeatureFixtures.BUILDINGS);
    String latLon = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&resultType=hits"
        + "&bbox=10.34,107.07,10.345,107.075,urn:ogc:def:crs:EPSG::4326");
    String lonLat = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&resultType=hits"
        + "&bbox=107.07,10.34,107.075,10.345,EPSG:4326");
    String noCrs = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&resultType=hits"
        + "&bbox=10.34,107.07,10.345,107.075");
    double[] utm = utm(107.07, 10.34, 107.075, 10.345);
    String projected = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&resultType=hits"
        + "&bbox=" + utm[0] + "," + utm[1] + "," + utm[2] + "," + utm[3] + ",urn:ogc:def:crs:EPSG::3405");
    // a FES literal without srsName is in the feature type's default CRS, latitude first (as GDAL sends it)
    String unnamed = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&resultType=hits&filter="
        + enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
        + "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope><gml:lowerCorner>10.34 107.07"
        + "</gml:lowerCorner><gml:upperCorner>10.345 107.075</gml:upperCorner></gml:Envelope></fes:BBOX>"
        + "</fes:Filter>"));
    // the same in XML POST filters, WFS 2.0 (GML 3.2) and 1.1.0 (GML 3.1)
    String unnamedPost20 = Http.text(http.send("POST", "/wfs", "application/xml", "<wfs:GetFeature service=\"WFS\""
        + " version=\"2.0.0\" resultType=\"hits\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
        + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
        + "<wfs:Query typeNames=\"citytwin:buildings\"><fes:Filter><fes:BBOX><fes:ValueReference>geom"
        + "</fes:ValueReference><gml:Envelope><gml:lowerCorner>10.34 107.07</gml:lowerCorner><gml:upperCorner>10.345"
        + " 107.075</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter></wfs:Query></wfs:GetFeature>"));
    String unnamedPost11 = Http.text(http.send("POST", "/wfs", "application/xml", "<wfs:GetFeature service=\"WFS\""
        + " version=\"1.1.0\" xmlns:wfs=\"http://www.opengis.net/wfs\""
        + " xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\">"
        + "<wfs:Query typeName=\"citytwin:buildings\"><ogc:Filter><ogc:Intersects><ogc:PropertyName>geom"
        + "</ogc:PropertyName><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>10.34 107.07 10.345 107.07"
        + " 10.345 107.075 10.34 107.075 10.34 107.07</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
        + "</ogc:Intersects></ogc:Filter></wfs:Query></wfs:GetFeature>"));
    assertThat(XmlDoc.parse(unnamedPost11).featureIds("buildings")).hasSize((int) expected);
    for (String r : List.of(latLon, lonLat, noCrs, unnamed, unnamedPost20)) {
      assertThat(XmlDoc.parse(r).rootAttr("numberMatched")).isEqualTo(Long.toString(expected));
    }
    // the projected box is not the same area exactly (a box in UTM is not a box in degrees), but close
    long inUtm = Long.parseLong(XmlDoc.parse(projected).rootAttr("numberMatched"));
    assertThat(inUtm).isBetween(expected - 15, expected + 15);
  }

  static double[] utm(double minLon, double minLat, double maxLon, double maxLat) throws Exception {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT ST_XMin(b), ST_YMin(b),"
        + " ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 3405) b) x")) {
      ps.setDouble(1, minLon);
      ps.setDouble(2, minLat);
      ps.setDouble(3, maxLon);
      ps.setDouble(4, maxLat);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
      }
    }
  }

  @Test
  void srsNameReprojectsLikePostgis() throws Exception {
    String xml = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads&resourceId=roads.1"
        + "&srsName=urn:ogc:def:crs:EPSG::3405");
    OgcSchemas.validate(xml, fetch, OgcSchemas.WFS20, dft("2.0.0", "citytwin:roads"));
    String posList = XmlDoc.parse(xml).texts(XmlDoc.GML32, "posList").get(0);
    assertThat(XmlDoc.parse(xml).all(XmlDoc.GML32, "LineString").get(0).getAttribute("srsName"))
        .isEqualTo("urn:ogc:def:crs:EPSG::3405");
    String[] v = posList.split(" ");
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_StartPoint(ST_Transform(geom, 3405)) p FROM city.roads"
            + " WHERE id = 1) x")) {
      rs.next();
      assertThat(Double.parseDouble(v[0])).isCloseTo(rs.getDouble(1), org.assertj.core.data.Offset.offset(0.001));
      assertThat(Double.parseDouble(v[1])).isCloseTo(rs.getDouble(2), org.assertj.core.data.Offset.offset(0.001));
    }
    // WGS 84 in the two axis orders
    String urn = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads&resourceId=roads.1");
    String epsg = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads&resourceId=roads.1"
        + "&srsName=EPSG:4326");
    assertThat(XmlDoc.parse(urn).texts(XmlDoc.GML32, "posList").get(0)).startsWith("10.3495 107.079");
    assertThat(XmlDoc.parse(epsg).texts(XmlDoc.GML32, "posList").get(0)).startsWith("107.079 10.3495");
    HttpResponse<byte[]> bad = http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature"
        + "&typeNames=citytwin:roads&srsName=EPSG:2154");
    assertReport(bad, 400, "InvalidParameterValue", "srsName");
  }

  @Test
  void sortByAndPropertyNameShapeTheFeatures() {
    XmlDoc doc = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings&count=5"
        + "&sortBy=" + enc("height DESC,citytwin:name ASC") + "&propertyName=height,citytwin:name"));
    List<Double> heights = doc.texts(XmlDoc.CT, "height").stream().map(Double::parseDouble).toList();
    assertThat(heights).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(heights.get(0)).isEqualTo(39.6);
    assertThat(doc.all(XmlDoc.CT, "use_type")).isEmpty();
    assertThat(doc.all(XmlDoc.CT, "geom")).isEmpty(); // not requested
    assertThat(doc.all(XmlDoc.CT, "name")).isNotEmpty();
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:buildings"
        + "&propertyName=nope"), 400, "InvalidParameterValue", "propertyName");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:buildings"
        + "&sortBy=nope"), 400, "InvalidParameterValue", "sortBy");
  }

  @Test
  void severalTypeNamesWithOneFilterListEach() {
    String f1 = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:ResourceId rid=\"buildings.3\"/>"
        + "</fes:Filter>";
    String f2 = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLike wildCard=\"*\""
        + " singleChar=\"?\" escapeChar=\"\\\"><fes:ValueReference>name</fes:ValueReference>"
        + "<fes:Literal>Th*</fes:Literal></fes:PropertyIsLike></fes:Filter>";
    String xml = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:buildings,citytwin:roads&filter="
        + enc("(" + f1 + ")(" + f2 + ")"));
    OgcSchemas.validate(xml, fetch, OgcSchemas.WFS20, dft("2.0.0", "citytwin:buildings,citytwin:roads"));
    XmlDoc doc = XmlDoc.parse(xml);
    assertThat(doc.featureIds("buildings")).containsExactly("buildings.3");
    assertThat(doc.featureIds("roads")).containsExactly("roads.2");
    assertThat(doc.rootAttr("numberMatched")).isEqualTo("2");
  }

  @Test
  void scenarioAndDatetimeNarrowTheCity() throws Exception {
    long scenario = ScenarioFixture.named("WFS test")
        .delete("roads", 1)
        .add("roads", 1000000000001L, "{\"name\":\"Đường mới\",\"class\":\"secondary\"}",
            "LINESTRING(107.09 10.35, 107.1 10.36)")
        .create(db);
    server.scenarios().refresh();
    String xml = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads&scenario=" + scenario);
    OgcSchemas.validate(xml, fetch, OgcSchemas.WFS20, dft("2.0.0", "citytwin:roads"));
    XmlDoc doc = XmlDoc.parse(xml);
    assertThat(doc.featureIds("roads")).containsExactlyInAnyOrder("roads.2", "roads.3", "roads.1000000000001");
    assertThat(doc.texts(XmlDoc.CT, "scenario_status")).containsExactlyInAnyOrder("base", "base", "add");
    XmlDoc floods = XmlDoc.parse(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:flood_reports"
        + "&datetime=2022-10-20T00:00:00Z/2022-10-21T00:00:00Z"));
    assertThat(floods.featureIds("flood_reports")).containsExactly("flood_reports.1");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads"
        + "&scenario=99999"), 404, "NotFound", "scenario");
  }

  @Test
  void getPropertyValueAndStoredQueries() {
    String values = wfs("version=2.0.0&request=GetPropertyValue&typeNames=citytwin:roads&valueReference=name"
        + "&sortBy=name");
    OgcSchemas.validate(values, fetch, OgcSchemas.WFS20);
    assertThat(XmlDoc.parse(values).texts(XmlDoc.WFS20, "member")).containsExactly("Hẻm \"A\" & <B>", "Lê Lợi",
        "Thùy Vân");
    String geoms = wfs("version=2.0.0&request=GetPropertyValue&typeNames=citytwin:wards&valueReference=geom");
    OgcSchemas.validate(geoms, fetch, OgcSchemas.WFS20);
    assertThat(geoms).contains("<wfs:member><gml:MultiSurface");

    String list = wfs("version=2.0.0&request=ListStoredQueries");
    OgcSchemas.validate(list, null, OgcSchemas.WFS20);
    assertThat(list).contains(StoredQueries.GET_FEATURE_BY_ID);
    String describe = wfs("version=2.0.0&request=DescribeStoredQueries");
    OgcSchemas.validate(describe, null, OgcSchemas.WFS20);

    String byId = wfs("version=2.0.0&request=GetFeature&STOREDQUERY_ID=" + StoredQueries.GET_FEATURE_BY_ID
        + "&ID=buildings.42");
    OgcSchemas.validate(byId, fetch, dft("2.0.0", "citytwin:buildings"));
    assertThat(XmlDoc.parse(byId).root().getLocalName()).isEqualTo("buildings");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&STOREDQUERY_ID="
        + StoredQueries.GET_FEATURE_BY_ID + "&ID=buildings.99999"), 404, "NotFound", "ID");
  }

  @Test
  void jsonAndCsvOutputs() {
    JsonObject json = new JsonObject(wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads"
        + "&outputFormat=application/json&sortBy=id"));
    assertThat(json.getInteger("numberMatched")).isEqualTo(3);
    JsonObject first = json.getJsonArray("features").getJsonObject(0);
    assertThat(first.getString("id")).isEqualTo("roads.1");
    // GeoJSON stays longitude first even with the default (latitude-first) CRS name
    assertThat(first.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).getDouble(0))
        .isEqualTo(107.079);
    String csv = wfs("version=2.0.0&request=GetFeature&typeNames=citytwin:roads&outputFormat=csv&sortBy=id");
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("id,name,class,lanes,oneway,width,geometry");
    assertThat(lines).hasSize(4);
    assertThat(lines[3]).startsWith("3,\"Hẻm \"\"A\"\" & <B>\",residential,1,true,,\"LINESTRING (107.08 10.35");
  }

  @Test
  void xmlPostGetFeatureIn20And11() {
    String post20 = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"3\""
        + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
        + " xmlns:citytwin=\"https://citytwin.vn/features\"><wfs:Query typeNames=\"citytwin:buildings\">"
        + "<wfs:PropertyName>citytwin:height</wfs:PropertyName>"
        + "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>use_type</fes:ValueReference>"
        + "<fes:Literal>villa</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"
        + "<fes:SortBy><fes:SortProperty><fes:ValueReference>height</fes:ValueReference>"
        + "<fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy></wfs:Query></wfs:GetFeature>";
    HttpResponse<byte[]> r = http.send("POST", "/ows", "application/xml", post20);
    assertThat(r.statusCode()).isEqualTo(200);
    XmlDoc doc = XmlDoc.parse(Http.text(r));
    assertThat(doc.featureIds("buildings")).hasSize(3);
    assertThat(doc.rootAttr("numberMatched")).isEqualTo("100");
    assertThat(doc.texts(XmlDoc.CT, "height").get(0)).isEqualTo("39.6");

    String post11 = "<wfs:GetFeature service=\"WFS\" version=\"1.1.0\" maxFeatures=\"2\""
        + " xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
        + "<wfs:Query typeName=\"citytwin:roads\"><ogc:Filter><ogc:FeatureId fid=\"roads.1\"/></ogc:Filter>"
        + "</wfs:Query></wfs:GetFeature>";
    String gml31 = Http.text(http.send("POST", "/wfs", "text/xml", post11));
    OgcSchemas.validate(gml31, fetch, OgcSchemas.WFS11, dft("1.1.0", "citytwin:roads"));
    assertThat(XmlDoc.parse(gml31).featureIds("roads")).containsExactly("roads.1");

    String form = "service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads&resultType=hits";
    XmlDoc hits = XmlDoc.parse(Http.text(http.send("POST", "/wfs", "application/x-www-form-urlencoded", form)));
    assertThat(hits.rootAttr("numberMatched")).isEqualTo("3");
  }

  @Test
  void errorsAreSchemaValidExceptionReportsNamingTheParameter() {
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:nope"), 400,
        "InvalidParameterValue", "typeNames");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:cameras"), 400,
        "InvalidParameterValue", "typeNames");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature"), 400, "MissingParameterValue",
        "typeNames");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads"
        + "&filter=" + enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
        + "<fes:ValueReference>nope</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo>"
        + "</fes:Filter>")), 400, "InvalidParameterValue", "filter");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads"
        + "&CQL_FILTER=" + enc("name = ")), 400, "InvalidParameterValue", "filter");
    assertReport(http.get("/wfs?service=WFS&version=3.0.0&request=GetFeature&typeNames=citytwin:roads"), 400,
        "InvalidParameterValue", "version");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=LockFeature"), 501, "OperationNotSupported",
        "request");
    assertReport(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads"
        + "&outputFormat=shapefile"), 400, "InvalidParameterValue", "outputFormat");
    assertReport(http.get("/ows?request=GetCapabilities"), 400, "MissingParameterValue", "service");
    assertReport(http.get("/ows?service=WCS&request=GetCapabilities"), 400, "InvalidParameterValue", "service");
    assertReport(http.send("POST", "/wfs", "text/xml", "<wfs:GetFeature"), 400, "InvalidParameterValue",
        "request");
    assertReport(http.send("POST", "/wfs", "text/xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">&e;</wfs:GetFeature>"), 400,
        "InvalidParameterValue", "request");
    // transactions are off by default
    assertReport(http.send("POST", "/wfs", "text/xml", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\""
        + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"/>"), 403, "OperationNotSupported", "Transaction");
    // 1.1.0 requests get OWS 1.0 reports
    HttpResponse<byte[]> v11 = http.get("/wfs?service=WFS&version=1.1.0&request=GetFeature&typeName=nope");
    assertThat(v11.statusCode()).isEqualTo(400);
    OgcSchemas.validate(Http.text(v11), null, OgcSchemas.WFS11);
  }

  static void assertReport(HttpResponse<byte[]> r, int status, String code, String locator) {
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(status);
    // (validated through the WFS schema, which includes OWS 1.1 whole)
    OgcSchemas.validate(body, null, OgcSchemas.WFS20);
    Element e = XmlDoc.parse(body).all(XmlDoc.OWS11, "Exception").get(0);
    assertThat(e.getAttribute("exceptionCode")).as(body).isEqualTo(code);
    assertThat(e.getAttribute("locator")).as(body).isEqualTo(locator);
    assertThat(body).doesNotContain("SELECT").doesNotContain("Exception:");
  }
}
