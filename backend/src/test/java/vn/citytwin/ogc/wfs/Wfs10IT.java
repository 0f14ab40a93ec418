package vn.citytwin.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.citytwin.access.Role;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.ogc.OgcSchemas;
import vn.citytwin.ogc.XmlDoc;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * WFS 1.0.0 end to end (what OWSLib's {@code WebFeatureService(url)} speaks by default): capabilities, GML 2
 * schemas and feature collections, OGC Filter 1.0, BBOX, maxFeatures, featureId, propertyName, Transaction and the
 * ServiceExceptionReport, each document validated against the official 1.0.0 schemas and each count checked against
 * PostGIS; plus GetCapabilities version negotiation across the three versions.
 */
class Wfs10IT {
  static final String CAPS10 = "http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd";
  static final String TRANSACTION10 = "http://schemas.opengis.net/wfs/1.0.0/WFS-transaction.xsd";
  static final String EXCEPTION10 = "http://schemas.opengis.net/wfs/1.0.0/OGC-exception.xsd";
  static final String WFS10_NS = "http://www.opengis.net/wfs";
  static final String GML = "http://www.opengis.net/gml";
  static final String OGC = "http://www.opengis.net/ogc";
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Function<String, String> fetch;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wfs10");
    server = TestServer.start(db.jdbcUrl(), Map.of("wfs.transactions.enabled", "true"));
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

  static String dft(String types) {
    return "http://127.0.0.1:" + server.port() + "/wfs?service=WFS&version=1.0.0&request=DescribeFeatureType"
        + "&typeName=" + enc(types);
  }

  static int members(String xml) {
    return XmlDoc.parse(xml).all(GML, "featureMember").size();
  }

  @Test
  void capabilities10AreSchemaValidWithSrsAndLatLongBoxes() {
    String caps = wfs("request=GetCapabilities&version=1.0.0");
    OgcSchemas.validate(caps, null, CAPS10);
    XmlDoc doc = XmlDoc.parse(caps);
    assertThat(doc.rootAttr("version")).isEqualTo("1.0.0");
    assertThat(doc.texts(WFS10_NS, "Name")).contains("WFS", "citytwin:buildings", "citytwin:roads")
        .doesNotContain("citytwin:cameras");
    assertThat(doc.texts(WFS10_NS, "SRS")).containsOnly("EPSG:4326");
    Element buildings = doc.all(WFS10_NS, "FeatureType").stream()
        .filter(t -> t.getElementsByTagNameNS(WFS10_NS, "Name").item(0).getTextContent().equals("citytwin:buildings"))
        .findFirst().orElseThrow();
    Element box = (Element) buildings.getElementsByTagNameNS(WFS10_NS, "LatLongBoundingBox").item(0);
    assertThat(Double.parseDouble(box.getAttribute("minx"))).isBetween(107.0, 107.2);
    assertThat(Double.parseDouble(box.getAttribute("miny"))).isBetween(10.3, 10.5);
    assertThat(caps).contains("<ogc:Filter_Capabilities>").contains("<ogc:BBOX/>").contains("<ogc:Between/>")
        .contains("<wfs:Insert/>").contains("onlineResource=\"http://127.0.0.1:" + server.port() + "/wfs?\"");
  }

  @Test
  void versionNegotiationAnswersTheHighestServedVersionNotAboveTheRequestedOne() {
    assertThat(XmlDoc.parse(wfs("request=GetCapabilities")).rootAttr("version")).isEqualTo("2.0.0");
    assertThat(XmlDoc.parse(wfs("request=GetCapabilities&version=1.1.0")).rootAttr("version")).isEqualTo("1.1.0");
    assertThat(XmlDoc.parse(wfs("request=GetCapabilities&version=1.5.0")).rootAttr("version")).isEqualTo("1.1.0");
    assertThat(XmlDoc.parse(wfs("request=GetCapabilities&version=0.9.0")).rootAttr("version")).isEqualTo("1.0.0");
    assertThat(XmlDoc.parse(wfs("request=GetCapabilities&version=3.0.0")).rootAttr("version")).isEqualTo("2.0.0");
    assertThat(XmlDoc.parse(wfs("request=GetCapabilities&acceptVersions=1.0.0,2.0.0")).rootAttr("version"))
        .isEqualTo("1.0.0");
    // the newer documents list 1.0.0 among the versions served
    assertThat(wfs("request=GetCapabilities")).contains("<ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>");
  }

  @Test
  void describeFeatureTypeIsAGml2Schema() {
    String url = dft("citytwin:buildings,citytwin:wards");
    String xsd = fetch.apply(url);
    OgcSchemas.compileSchemaText(xsd, url, fetch);
    assertThat(xsd).contains("http://schemas.opengis.net/gml/2.1.2/feature.xsd")
        .contains("gml:MultiPolygonPropertyType").contains("name=\"buildingsType\"");
  }

  @Test
  void getFeatureDefaultsToValidGml2LongitudeFirst() throws Exception {
    String xml = wfs("version=1.0.0&request=GetFeature&typeName=citytwin:wards,citytwin:roads");
    OgcSchemas.validate(xml, fetch, OgcSchemas.WFS10, dft("citytwin:wards,citytwin:roads"));
    assertThat(members(xml)).isEqualTo(4);
    assertThat(xml).contains("fid=\"wards.1\"").contains("srsName=\"EPSG:4326\"").contains("107.06,10.32");
    // explicit GML2 and GeoServer's aliases name the same format
    for (String f : new String[] {"GML2", "text/xml; subtype=gml/2.1.2"}) {
      assertThat(wfs("version=1.0.0&request=GetFeature&typeName=citytwin:wards&outputFormat=" + enc(f)))
          .contains("<gml:outerBoundaryIs>");
    }
    assertThat(wfs("version=1.0.0&request=GetFeature&typeName=citytwin:wards&outputFormat=GML3"))
        .contains("<gml:exterior>");
    assertThat(wfs("version=1.0.0&request=GetFeature&typeName=citytwin:wards&outputFormat=json"))
        .startsWith("{\"type\":\"FeatureCollection\"");
  }

  @Test
  void maxFeaturesBboxFeatureIdAndFilter10SelectWhatPostgisSelects() throws Exception {
    assertThat(members(wfs("version=1.0.0&request=GetFeature&typeName=citytwin:buildings&maxFeatures=7")))
        .isEqualTo(7);
    // BBOX in 1.0 is longitude first
    String bbox = "107.07,10.34,107.08,10.345";
    long expected = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE geom && "
        + "ST_MakeEnvelope(107.07,10.34,107.08,10.345,4326)");
    assertThat(expected).isPositive();
    assertThat(members(wfs("version=1.0.0&request=GetFeature&typeName=citytwin:buildings&bbox=" + bbox)))
        .isEqualTo((int) expected);
    assertThat(XmlDoc.parse(wfs("version=1.0.0&request=GetFeature&featureId=buildings.7,buildings.14"))
        .featureIds("buildings")).containsExactly("buildings.7", "buildings.14");
    // OGC Filter 1.0: a comparison and a BBOX with a GML 2 Box
    String filter = "<ogc:Filter xmlns:ogc=\"" + OGC + "\" xmlns:gml=\"" + GML + "\"><ogc:And>"
        + "<ogc:PropertyIsEqualTo><ogc:PropertyName>use_type</ogc:PropertyName><ogc:Literal>hotel</ogc:Literal>"
        + "</ogc:PropertyIsEqualTo><ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Box srsName=\"EPSG:4326\">"
        + "<gml:coordinates>107.07,10.34 107.08,10.345</gml:coordinates></gml:Box></ogc:BBOX></ogc:And></ogc:Filter>";
    long hotels = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE use_type = 'hotel' AND "
        + "ST_Intersects(geom, ST_MakeEnvelope(107.07,10.34,107.08,10.345,4326))");
    assertThat(hotels).isPositive();
    assertThat(members(wfs("version=1.0.0&request=GetFeature&typeName=citytwin:buildings&filter=" + enc(filter))))
        .isEqualTo((int) hotels);
  }

  @Test
  void propertyNameStarOrEmptyMeansEveryPropertyInEveryVersion() {
    for (String version : new String[] {"1.0.0", "1.1.0", "2.0.0"}) {
      String types = version.equals("2.0.0") ? "typeNames" : "typeName";
      String base = "version=" + version + "&request=GetFeature&" + types + "=citytwin:roads&featureId=roads.1";
      if (version.equals("2.0.0")) {
        base = "version=2.0.0&request=GetFeature&typeNames=citytwin:roads&resourceId=roads.1";
      }
      for (String p : new String[] {"*", "", "citytwin:*"}) {
        String xml = wfs(base + "&propertyName=" + enc(p));
        assertThat(xml).as(version + " propertyName=" + p).contains("Lê Lợi").contains(">primary<")
            .contains("LineString");
      }
      // a named list still narrows the properties
      assertThat(wfs(base + "&propertyName=name")).as(version).contains("Lê Lợi").doesNotContain(">primary<");
    }
  }

  @Test
  void transaction10InsertsAndDeletes() throws Exception {
    long before = FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings");
    String ns = "xmlns:wfs=\"" + WFS10_NS + "\" xmlns:ogc=\"" + OGC + "\" xmlns:gml=\"" + GML + "\""
        + " xmlns:citytwin=\"https://citytwin.vn/features\"";
    String insert = "<wfs:Transaction service=\"WFS\" version=\"1.0.0\" " + ns + "><wfs:Insert handle=\"t1\">"
        + "<citytwin:buildings><citytwin:name>Tháp 1.0</citytwin:name><citytwin:use_type>hotel</citytwin:use_type>"
        + "<citytwin:levels>20</citytwin:levels><citytwin:height>66</citytwin:height>"
        + "<citytwin:geom><gml:Polygon srsName=\"EPSG:4326\"><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>"
        + "107.0815,10.35 107.0818,10.35 107.0818,10.3503 107.0815,10.3503 107.0815,10.35</gml:coordinates>"
        + "</gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></citytwin:geom></citytwin:buildings>"
        + "</wfs:Insert></wfs:Transaction>";
    Http gisAdmin = http.as(Identities.bearer(Identities.token(db, "gis-admin", Role.GIS_ADMIN)));
    HttpResponse<byte[]> r = gisAdmin.send("POST", "/wfs", "text/xml", insert);
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(200);
    OgcSchemas.validate(body, null, TRANSACTION10);
    assertThat(body).contains("<wfs:SUCCESS/>");
    String fid = XmlDoc.parse(body).all(OGC, "FeatureId").get(0).getAttribute("fid");
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings")).isEqualTo(before + 1);
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE name = 'Tháp 1.0' AND "
        + "ST_X(ST_Centroid(geom)) BETWEEN 107.0815 AND 107.0818")).isEqualTo(1);

    String delete = "<wfs:Transaction service=\"WFS\" version=\"1.0.0\" " + ns + "><wfs:Delete"
        + " typeName=\"citytwin:buildings\"><ogc:Filter><ogc:FeatureId fid=\"" + fid + "\"/></ogc:Filter>"
        + "</wfs:Delete></wfs:Transaction>";
    String deleted = Http.text(gisAdmin.send("POST", "/wfs", "text/xml", delete));
    OgcSchemas.validate(deleted, null, TRANSACTION10);
    assertThat(FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings")).isEqualTo(before);
  }

  @Test
  void errorsAreServiceExceptionReports() {
    assertReport(http.get("/wfs?service=WFS&version=1.0.0&request=GetFeature&typeName=citytwin:nope"), 400,
        "InvalidParameterValue", "typeNames");
    assertReport(http.get("/wfs?service=WFS&version=1.0.0&request=GetFeature"), 400, "MissingParameterValue",
        "typeNames");
    assertReport(http.get("/wfs?service=WFS&version=1.0.0&request=GetFeature&typeName=citytwin:roads&filter="
        + enc("<ogc:Filter xmlns:ogc=\"" + OGC + "\"><ogc:PropertyIsEqualTo><ogc:PropertyName>nope"
        + "</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>")), 400,
        "InvalidParameterValue", "filter");
    assertReport(http.get("/wfs?service=WFS&version=1.0.0&request=GetPropertyValue&typeNames=citytwin:roads"
        + "&valueReference=name"), 501, "OperationNotSupported", "request");
  }

  static void assertReport(HttpResponse<byte[]> r, int status, String code, String locator) {
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(status);
    OgcSchemas.validate(body, null, EXCEPTION10);
    Element e = XmlDoc.parse(body).all(OGC, "ServiceException").get(0);
    assertThat(e.getAttribute("code")).as(body).isEqualTo(code);
    assertThat(e.getAttribute("locator")).as(body).isEqualTo(locator);
    assertThat(body).doesNotContain("SELECT");
  }
}
