package vn.citytwin.ogc.wfs;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.ogc.OgcSchemas;
import vn.citytwin.ogc.XmlDoc;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * WFS-T end to end with transactions enabled: insert/update/delete round trips in 2.0 and 1.1.0, all-or-nothing
 * on any error (invalid geometry, wrong geometry type, bad value, constraint), responses valid against the WFS
 * schemas, and every commit bumps the layer's data version (so tiles and caches refresh).
 */
class WfsTransactionIT {
  static final String NS = "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
      + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:citytwin=\"https://citytwin.vn/features\"";
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wfst");
    // The fixture's one ward covers only part of its city (roads and buildings reach beyond it): edits here are
    // not held to the city boundary; EditModelIT holds them to it.
    server = TestServer.start(db.jdbcUrl(), Map.of("wfs.transactions.enabled", "true",
        "wfs.transactions.city.boundary", "false"));
    // Part 4 and WFS-T need a GIS admin: the test acts as one with a real API token.
    http = new Http(server.port()).as(Identities.bearer(Identities.token(db, "gis-test", Role.GIS_ADMIN)));
    FeatureFixtures.load(db);
    server.catalog().reloadNow();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static HttpResponse<byte[]> post(String xml) {
    return http.send("POST", "/wfs", "application/xml", xml);
  }

  static String polygon(String srsName, String posList) {
    return "<gml:Polygon gml:id=\"p" + Math.abs(posList.hashCode()) + "\" srsName=\"" + srsName + "\"><gml:exterior>"
        + "<gml:LinearRing><gml:posList>" + posList + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
  }

  static long buildings() throws Exception {
    return FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings");
  }

  @Test
  void capabilitiesAdvertiseTransactions() {
    String caps = http.getText("/wfs?service=WFS&request=GetCapabilities");
    OgcSchemas.validate(caps, null, OgcSchemas.WFS20);
    assertThat(caps).contains("<ows:Operation name=\"Transaction\">");
    assertThat(caps).containsPattern("ImplementsTransactionalWFS\">\\s*<ows:NoValues/>\\s*<ows:DefaultValue>TRUE");
  }

  @Test
  void insertUpdateDeleteRoundTrip() throws Exception {
    long before = buildings();
    long version = server.catalog().versions().of("buildings");
    String insert = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Insert handle=\"towers\">"
        + "<citytwin:buildings><citytwin:name>Tháp A</citytwin:name><citytwin:use_type>hotel</citytwin:use_type>"
        + "<citytwin:levels>25</citytwin:levels><citytwin:height>82.5</citytwin:height><citytwin:geom>"
        + polygon("urn:ogc:def:crs:EPSG::4326",
            "10.35 107.0815 10.35 107.0818 10.3503 107.0818 10.3503 107.0815 10.35 107.0815")
        + "</citytwin:geom></citytwin:buildings>"
        + "<citytwin:buildings><citytwin:name>Tháp B</citytwin:name><citytwin:use_type>office</citytwin:use_type>"
        + "<citytwin:levels>10</citytwin:levels><citytwin:height>33</citytwin:height><citytwin:address"
        + " xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/><citytwin:geom>"
        + polygon("EPSG:4326", "107.09 10.36 107.0903 10.36 107.0903 10.3603 107.09 10.3603 107.09 10.36")
        + "</citytwin:geom></citytwin:buildings></wfs:Insert></wfs:Transaction>";
    HttpResponse<byte[]> r = post(insert);
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(200);
    OgcSchemas.validate(body, null, OgcSchemas.WFS20);
    XmlDoc doc = XmlDoc.parse(body);
    assertThat(doc.texts(XmlDoc.WFS20, "totalInserted")).containsExactly("2");
    java.util.List<String> rids = doc.all("http://www.opengis.net/fes/2.0", "ResourceId").stream()
        .map(e -> e.getAttribute("rid")).toList();
    assertThat(rids).hasSize(2).allMatch(s -> s.startsWith("buildings."));
    assertThat(doc.all(XmlDoc.WFS20, "Feature").get(0).getAttribute("handle")).isEqualTo("towers");
    assertThat(buildings()).isEqualTo(before + 2);
    assertThat(server.catalog().versions().of("buildings")).isGreaterThan(version);
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT name, ST_XMin(geom), ST_YMin(geom) FROM city.buildings WHERE id = "
            + rids.get(0).substring("buildings.".length()))) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("Tháp A");
      assertThat(rs.getDouble(2)).isEqualTo(107.0815); // read latitude first, stored longitude first
      assertThat(rs.getDouble(3)).isEqualTo(10.35);
    }

    // the new features are served at once
    String read = http.getText("/wfs?service=WFS&version=2.0.0&request=GetFeature&resourceId=" + rids.get(1));
    assertThat(XmlDoc.parse(read).texts(XmlDoc.CT, "name")).containsExactly("Tháp B");

    String update = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Update typeName=\"citytwin:buildings\"><wfs:Property><wfs:ValueReference>levels</wfs:ValueReference>"
        + "<wfs:Value>30</wfs:Value></wfs:Property><wfs:Property><wfs:ValueReference>citytwin:name"
        + "</wfs:ValueReference></wfs:Property><wfs:Property><wfs:ValueReference>geom</wfs:ValueReference>"
        + "<wfs:Value>" + polygon("urn:ogc:def:crs:EPSG::4326",
            "10.37 107.1 10.37 107.1002 10.3702 107.1002 10.3702 107.1 10.37 107.1") + "</wfs:Value></wfs:Property>"
        + "<fes:Filter><fes:ResourceId rid=\"" + rids.get(0) + "\"/></fes:Filter></wfs:Update></wfs:Transaction>";
    String updated = Http.text(post(update));
    OgcSchemas.validate(updated, null, OgcSchemas.WFS20);
    assertThat(XmlDoc.parse(updated).texts(XmlDoc.WFS20, "totalUpdated")).containsExactly("1");
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT name, levels, ST_XMin(geom) FROM city.buildings WHERE id = "
            + rids.get(0).substring("buildings.".length()))) {
      rs.next();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getInt(2)).isEqualTo(30);
      assertThat(rs.getDouble(3)).isEqualTo(107.1);
    }

    String delete = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Delete typeName=\"citytwin:buildings\"><fes:Filter><fes:Or><fes:ResourceId rid=\"" + rids.get(0)
        + "\"/><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>Tháp B</fes:Literal>"
        + "</fes:PropertyIsEqualTo></fes:Or></fes:Filter></wfs:Delete></wfs:Transaction>";
    String deleted = Http.text(post(delete));
    assertThat(XmlDoc.parse(deleted).texts(XmlDoc.WFS20, "totalDeleted")).as(deleted).containsExactly("2");
    assertThat(buildings()).isEqualTo(before);
  }

  @Test
  void anInvalidGeometryWritesNothing() throws Exception {
    long before = buildings();
    String bowTie = polygon("urn:ogc:def:crs:EPSG::4326",
        "10.35 107.0815 10.3503 107.0818 10.35 107.0818 10.3503 107.0815 10.35 107.0815");
    String tx = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Insert><citytwin:buildings><citytwin:use_type>villa</citytwin:use_type><citytwin:levels>2"
        + "</citytwin:levels><citytwin:height>6</citytwin:height><citytwin:geom>"
        + polygon("EPSG:4326", "107.09 10.36 107.0903 10.36 107.0903 10.3603 107.09 10.3603 107.09 10.36")
        + "</citytwin:geom></citytwin:buildings></wfs:Insert>"
        + "<wfs:Insert><citytwin:buildings><citytwin:use_type>villa</citytwin:use_type><citytwin:levels>2"
        + "</citytwin:levels><citytwin:height>6</citytwin:height><citytwin:geom>" + bowTie
        + "</citytwin:geom></citytwin:buildings></wfs:Insert></wfs:Transaction>";
    Element e = report(post(tx), 400, "InvalidParameterValue");
    assertThat(e.getAttribute("locator")).isEqualTo("geom");
    assertThat(e.getTextContent()).contains("Self-intersection").contains("nothing was written")
        .contains("citytwin:geom/gml:Polygon (line 1, column ");
    assertThat(buildings()).isEqualTo(before);
  }

  static String unnamedPolygon(String posList) {
    return "<gml:Polygon gml:id=\"u" + Math.abs(posList.hashCode()) + "\"><gml:exterior><gml:LinearRing><gml:posList>"
        + posList + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
  }

  static String building(String name, String geometry) {
    return "<citytwin:buildings><citytwin:name>" + name + "</citytwin:name><citytwin:use_type>villa"
        + "</citytwin:use_type><citytwin:levels>2</citytwin:levels><citytwin:height>6</citytwin:height>"
        + "<citytwin:geom>" + geometry + "</citytwin:geom></citytwin:buildings>";
  }

  /** ST_XMin and ST_YMin of each building named {@code name}, by id. */
  static java.util.List<String> corners(String name) throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c = db.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
        "SELECT ST_XMin(geom), ST_YMin(geom) FROM city.buildings WHERE name = ? ORDER BY id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getDouble(1) + " " + rs.getDouble(2));
        }
      }
    }
    return out;
  }

  @Test
  void geometriesWithoutSrsNameAreInTheActionsSrsNameElseTheDefaultCrs() throws Exception {
    long before = buildings();
    // no srsName anywhere: the feature type's default, urn:ogc:def:crs:EPSG::4326, latitude first
    String defaultCrs = "<wfs:Insert>" + building("srs-test", unnamedPolygon(
        "10.38 107.121 10.38 107.1213 10.3803 107.1213 10.3803 107.121 10.38 107.121")) + "</wfs:Insert>";
    // srsName on the Insert: EPSG:4326, longitude first
    String insertSrs = "<wfs:Insert srsName=\"EPSG:4326\">" + building("srs-test", unnamedPolygon(
        "107.122 10.381 107.1223 10.381 107.1223 10.3813 107.122 10.3813 107.122 10.381")) + "</wfs:Insert>";
    String tx = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">" + defaultCrs + insertSrs
        + "</wfs:Transaction>";
    HttpResponse<byte[]> r = post(tx);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(corners("srs-test")).containsExactly("107.121 10.38", "107.122 10.381");

    // srsName on the Update, longitude first; the filter's unnamed box is latitude first
    String update = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Update typeName=\"citytwin:buildings\" srsName=\"EPSG:4326\"><wfs:Property><wfs:ValueReference>geom"
        + "</wfs:ValueReference><wfs:Value>" + unnamedPolygon(
            "107.123 10.382 107.1233 10.382 107.1233 10.3823 107.123 10.3823 107.123 10.382") + "</wfs:Value>"
        + "</wfs:Property><fes:Filter><fes:And><fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope>"
        + "<gml:lowerCorner>10.3805 107.1215</gml:lowerCorner><gml:upperCorner>10.3815 107.1225</gml:upperCorner>"
        + "</gml:Envelope></fes:BBOX><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference>"
        + "<fes:Literal>srs-test</fes:Literal></fes:PropertyIsEqualTo></fes:And></fes:Filter></wfs:Update>"
        + "</wfs:Transaction>";
    String updated = Http.text(post(update));
    assertThat(XmlDoc.parse(updated).texts(XmlDoc.WFS20, "totalUpdated")).as(updated).containsExactly("1");
    assertThat(corners("srs-test")).containsExactly("107.121 10.38", "107.123 10.382");

    // a Delete filter's unnamed geometry is latitude first too
    String delete = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Delete typeName=\"citytwin:buildings\"><fes:Filter><fes:And><fes:Intersects><fes:ValueReference>"
        + "geom</fes:ValueReference>" + unnamedPolygon("10.37 107.12 10.37 107.13 10.39 107.13 10.39 107.12 10.37"
        + " 107.12") + "</fes:Intersects><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference>"
        + "<fes:Literal>srs-test</fes:Literal></fes:PropertyIsEqualTo></fes:And></fes:Filter></wfs:Delete>"
        + "</wfs:Transaction>";
    String deleted = Http.text(post(delete));
    assertThat(XmlDoc.parse(deleted).texts(XmlDoc.WFS20, "totalDeleted")).as(deleted).containsExactly("2");
    assertThat(buildings()).isEqualTo(before);

    Element bad = report(post("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Insert srsName=\"EPSG:bogus\">" + building("srs-test", unnamedPolygon(
            "10.38 107.121 10.38 107.1213 10.3803 107.1213 10.3803 107.121 10.38 107.121")) + "</wfs:Insert>"
        + "</wfs:Transaction>"), 400, "InvalidParameterValue");
    assertThat(bad.getAttribute("locator")).isEqualTo("srsName");
    assertThat(buildings()).isEqualTo(before);
  }

  @Test
  void wrongTypesAndValuesAreRefusedAndRolledBack() throws Exception {
    long before = buildings();
    String point = "<gml:Point gml:id=\"pt\" srsName=\"EPSG:4326\"><gml:pos>107.09 10.36</gml:pos></gml:Point>";
    Element wrongType = report(post("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Insert><citytwin:buildings><citytwin:use_type>villa</citytwin:use_type><citytwin:levels>2"
        + "</citytwin:levels><citytwin:height>6</citytwin:height><citytwin:geom>" + point
        + "</citytwin:geom></citytwin:buildings></wfs:Insert></wfs:Transaction>"), 400, "InvalidParameterValue");
    assertThat(wrongType.getTextContent()).contains("Polygon").contains("Point");

    Element badValue = report(post("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Update typeName=\"citytwin:buildings\"><wfs:Property><wfs:ValueReference>levels</wfs:ValueReference>"
        + "<wfs:Value>many</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"buildings.1\"/></fes:Filter>"
        + "</wfs:Update></wfs:Transaction>"), 400, "InvalidParameterValue");
    assertThat(badValue.getAttribute("locator")).isEqualTo("levels");

    // a database constraint (levels > 0) in the second action rolls back the first
    Element check = report(post("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + ">"
        + "<wfs:Delete typeName=\"citytwin:buildings\"><fes:Filter><fes:ResourceId rid=\"buildings.5\"/>"
        + "</fes:Filter></wfs:Delete>"
        + "<wfs:Update typeName=\"citytwin:buildings\"><wfs:Property><wfs:ValueReference>levels</wfs:ValueReference>"
        + "<wfs:Value>0</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"buildings.1\"/></fes:Filter>"
        + "</wfs:Update></wfs:Transaction>"), 400, "InvalidParameterValue");
    assertThat(check.getTextContent()).contains("check constraint").doesNotContain("UPDATE");
    assertThat(buildings()).isEqualTo(before);
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE id = 5")).isEqualTo(1);

    report(post("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + "><wfs:Delete"
        + " typeName=\"citytwin:buildings\"/></wfs:Transaction>"), 400, "MissingParameterValue");
    report(post("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + "><wfs:Replace/></wfs:Transaction>"),
        501, "OptionNotSupported");
  }

  @Test
  void wfs11TransactionWithGml31() throws Exception {
    String tx = "<wfs:Transaction service=\"WFS\" version=\"1.1.0\" xmlns:wfs=\"http://www.opengis.net/wfs\""
        + " xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\""
        + " xmlns:citytwin=\"https://citytwin.vn/features\"><wfs:Insert><citytwin:roads>"
        + "<citytwin:name>Đường 1.1</citytwin:name><citytwin:class>service</citytwin:class><citytwin:geom>"
        + "<gml:LineString srsName=\"EPSG:4326\"><gml:posList>107.11 10.36 107.112 10.362</gml:posList>"
        + "</gml:LineString></citytwin:geom></citytwin:roads></wfs:Insert>"
        + "<wfs:Update typeName=\"citytwin:roads\"><wfs:Property><wfs:Name>lanes</wfs:Name><wfs:Value>2</wfs:Value>"
        + "</wfs:Property><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>name</ogc:PropertyName>"
        + "<ogc:Literal>Đường 1.1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></wfs:Update></wfs:Transaction>";
    HttpResponse<byte[]> r = post(tx);
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(200);
    OgcSchemas.validate(body, null, OgcSchemas.WFS11);
    assertThat(body).contains("<ogc:FeatureId fid=\"roads.4\"/>").contains("<wfs:totalUpdated>1</wfs:totalUpdated>");
    assertThat(FeatureFixtures.count(db, "SELECT lanes FROM city.roads WHERE id = 4")).isEqualTo(2);
  }

  @Test
  void scenarioEditsGoThroughThePlanningApi() {
    HttpResponse<byte[]> r = http.send("POST", "/wfs?scenario=1", "application/xml",
        "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + "><wfs:Delete typeName=\"citytwin:roads\">"
            + "<fes:Filter><fes:ResourceId rid=\"roads.1\"/></fes:Filter></wfs:Delete></wfs:Transaction>");
    report(r, 501, "OperationNotSupported");
  }

  static Element report(HttpResponse<byte[]> r, int status, String code) {
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(status);
    Element e = XmlDoc.parse(body).all(XmlDoc.OWS11, "Exception").get(0);
    assertThat(e.getAttribute("exceptionCode")).as(body).isEqualTo(code);
    return e;
  }
}
