package vn.citytwin.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * GetCapabilities against the official schemas (1.3.0 XSD with the SLD 1.1 extension, 1.1.1 DTD), and what the
 * documents say: layers, groups, CRSs, axis-ordered bounding boxes, time dimension, styles, languages.
 */
class WmsCapabilitiesIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wms_caps");
    server = TestServer.start(db);
    http = new Http(server.port());
    WmsFixtures.insert(db);
    server.catalog().versions().refresh();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static String caps(String query) {
    HttpResponse<byte[]> r = http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities" + query);
    assertThat(r.statusCode()).isEqualTo(200);
    return Http.text(r);
  }

  static String xpath(Document d, String expr) {
    try {
      XPath x = XPathFactory.newInstance().newXPath();
      return x.evaluate(expr, d);
    } catch (Exception e) {
      throw new AssertionError(expr, e);
    }
  }

  static List<String> xpathAll(Document d, String expr) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expr, d, XPathConstants.NODESET);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        out.add(nodes.item(i).getTextContent());
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError(expr, e);
    }
  }

  @Test
  void capabilities130AreValidAndComplete() {
    HttpResponse<byte[]> r = http.get("/wms?service=wms&request=getcapabilities&version=1.3.0");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    String xml = Http.text(r);
    assertThat(WmsSchemas.capabilities130(xml)).isEmpty();
    Document d = WmsFixtures.xml(xml);
    // local-name() paths: the document is in the WMS namespace
    String root = "/*[local-name()='WMS_Capabilities']/*[local-name()='Capability']/*[local-name()='Layer']";
    assertThat(xpathAll(d, root + "/*[local-name()='CRS']"))
        .containsExactly("EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:32648", "EPSG:4756", "EPSG:3405");
    List<String> names = xpathAll(d, "//*[local-name()='Layer']/*[local-name()='Name']");
    assertThat(names).contains("basemap", "wards", "buildings", "roads", "schools", "flood_reports")
        .doesNotContain("cameras");
    assertThat(xpathAll(d, root + "/*[local-name()='Layer'][*[local-name()='Name']='basemap']"
        + "/*[local-name()='Layer']/*[local-name()='Name']")).contains("water", "wards", "roads", "buildings");
    String schools = "//*[local-name()='Layer'][*[local-name()='Name']='schools']";
    assertThat(xpath(d, schools + "/*[local-name()='Title']")).isEqualTo("Trường học");
    assertThat(xpath(d, schools + "/@queryable")).isEqualTo("1");
    // EPSG:4326 is latitude first in 1.3.0: minx is the school's latitude
    double minx = Double.parseDouble(xpath(d, schools + "/*[local-name()='BoundingBox'][@CRS='EPSG:4326']/@minx"));
    double miny = Double.parseDouble(xpath(d, schools + "/*[local-name()='BoundingBox'][@CRS='EPSG:4326']/@miny"));
    assertThat(minx).isBetween(10.34, 10.35);
    assertThat(miny).isBetween(107.08, 107.09);
    double crs84x = Double.parseDouble(xpath(d, schools + "/*[local-name()='BoundingBox'][@CRS='CRS:84']/@minx"));
    assertThat(crs84x).isBetween(107.08, 107.09);
    assertThat(Double.parseDouble(xpath(d, schools + "/*[local-name()='EX_GeographicBoundingBox']"
        + "/*[local-name()='westBoundLongitude']"))).isBetween(107.08, 107.09);
    assertThat(xpathAll(d, schools + "/*[local-name()='BoundingBox']/@CRS")).hasSize(6);
    assertThat(xpathAll(d, schools + "/*[local-name()='Style']/*[local-name()='Name']"))
        .startsWith("schools").contains(WmsFixtures.SCHOOL_STYLE);
    assertThat(xpath(d, schools + "/*[local-name()='Style']/*[local-name()='LegendURL']/*[local-name()="
        + "'OnlineResource']/@*[local-name()='href']")).contains("REQUEST=GetLegendGraphic").contains("LAYER=schools");
    String flood = "//*[local-name()='Layer'][*[local-name()='Name']='flood_reports']";
    assertThat(xpath(d, flood + "/*[local-name()='Dimension']/@name")).isEqualTo("time");
    assertThat(xpath(d, flood + "/*[local-name()='Dimension']")).isEqualTo(
        "2022-10-20T01:00:00Z,2024-06-01T01:00:00Z");
    // TIME takes lists and current (Annex C/D): the dimension says so
    assertThat(xpath(d, flood + "/*[local-name()='Dimension']/@multipleValues")).isEqualTo("1");
    assertThat(xpath(d, flood + "/*[local-name()='Dimension']/@current")).isEqualTo("1");
    assertThat(xpath(d, flood + "/*[local-name()='Dimension']/@default"))
        .isEqualTo("2022-10-20T01:00:00Z/2024-06-01T01:00:00Z");
    assertThat(xpath(d, "//*[local-name()='GetLegendGraphic']/*[local-name()='Format']")).isEqualTo("image/png");
    assertThat(xpathAll(d, "//*[local-name()='Exception']/*[local-name()='Format']"))
        .containsExactly("XML", "INIMAGE", "BLANK");
  }

  @Test
  void capabilities111AreValidAgainstTheDtd() {
    HttpResponse<byte[]> r = http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.wms_xml");
    String xml = Http.text(r);
    assertThat(WmsSchemas.dtd111(xml)).isEmpty();
    Document d = WmsFixtures.xml(xml);
    assertThat(xpath(d, "/WMT_MS_Capabilities/@version")).isEqualTo("1.1.1");
    assertThat(xpathAll(d, "/WMT_MS_Capabilities/Capability/Layer/SRS")).contains("EPSG:4326", "EPSG:3405")
        .doesNotContain("CRS:84");
    // 1.1.1: EPSG:4326 is longitude first
    double minx = Double.parseDouble(xpath(d, "//Layer[Name='schools']/BoundingBox[@SRS='EPSG:4326']/@minx"));
    assertThat(minx).isBetween(107.08, 107.09);
    assertThat(xpath(d, "//Layer[Name='flood_reports']/Extent[@name='time']"))
        .isEqualTo("2022-10-20T01:00:00Z,2024-06-01T01:00:00Z");
    assertThat(xpath(d, "//Layer[Name='flood_reports']/Dimension/@units")).isEqualTo("ISO8601");
    assertThat(xpath(d, "//Layer[Name='flood_reports']/Extent[@name='time']/@multipleValues")).isEqualTo("1");
    assertThat(xpath(d, "//Layer[Name='flood_reports']/Extent[@name='time']/@current")).isEqualTo("1");
  }

  @Test
  void versionNegotiationAndLanguage() {
    assertThat(caps("")).contains("<WMS_Capabilities");
    assertThat(caps("&VERSION=1.0.0")).contains("<WMT_MS_Capabilities");
    assertThat(caps("&VERSION=9.9.9")).contains("<WMS_Capabilities");
    Document en = WmsFixtures.xml(caps("&VERSION=1.3.0&language=en"));
    assertThat(xpath(en, "//*[local-name()='Layer'][*[local-name()='Name']='schools']/*[local-name()='Title']"))
        .isEqualTo("Schools");
    assertThat(xpath(en, "//*[local-name()='Layer'][*[local-name()='Name']='basemap']/*[local-name()='Title']"))
        .isEqualTo("Base map");
    assertThat(WmsSchemas.capabilities130(caps("&VERSION=1.3.0&language=en"))).isEmpty();
  }

  @Test
  void updateSequence() {
    Document d = WmsFixtures.xml(caps("&VERSION=1.3.0"));
    long seq = Long.parseLong(xpath(d, "/*/@updateSequence"));
    assertThat(WmsFixtures.exceptionCode(caps("&VERSION=1.3.0&UPDATESEQUENCE=" + seq)))
        .isEqualTo("CurrentUpdateSequence");
    assertThat(WmsFixtures.exceptionCode(caps("&VERSION=1.3.0&UPDATESEQUENCE=" + (seq + 1))))
        .isEqualTo("InvalidUpdateSequence");
    assertThat(caps("&VERSION=1.3.0&UPDATESEQUENCE=" + (seq - 1))).contains("<WMS_Capabilities");
  }

  @Test
  void theOwsEndpointServesWmsByServiceParameterAndFormPost() {
    String xml = Http.text(http.get("/ows?service=WMS&request=GetCapabilities&version=1.3.0"));
    assertThat(WmsSchemas.capabilities130(xml)).isEmpty();
    HttpResponse<byte[]> post = http.send("POST", "/ows", "application/x-www-form-urlencoded",
        "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities");
    assertThat(WmsSchemas.dtd111(Http.text(post))).isEmpty();
    // a WMS error through /ows is still a WMS ServiceExceptionReport
    String error = http.getText("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nope");
    assertThat(WmsFixtures.exceptionCode(error)).isEqualTo("LayerNotDefined");
    assertThat(WmsSchemas.exceptions130(error)).isEmpty();
  }

  @Test
  void layerLinksAdvertiseTheWms() {
    String layers = http.getText("/api/layers/schools");
    assertThat(layers).contains("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities")
        .contains("REQUEST=GetMap&LAYERS=schools");
  }
}
