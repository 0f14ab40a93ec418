package vn.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.ogc.OgcSchemas;
import vn.citytwin.ogc.XmlDoc;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * GET requests longer than Vert.x's default 4,096-byte request line (a CQL filter, an FES filter, an SLD_BODY in
 * the URL, as GeoServer takes them) are answered; beyond {@code http.max.request.line} (here 12,000 bytes) each
 * protocol refuses in its own error form with 414, and beyond twice the limit the server still answers a JSON 414.
 */
class LongRequestLinesIT {
  static final int LIMIT = 12_000;
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("longget");
    server = TestServer.start(db.jdbcUrl(), Map.of("http.max.request.line", Integer.toString(LIMIT)));
    http = new Http(server.port());
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

  /** {@code name IN ('Không có 0', …, 'Lê Lợi')}: matches road 1 only, about {@code n} × 14 bytes encoded. */
  static String cqlNames(int n) {
    StringJoiner in = new StringJoiner(",", "name IN (", ",'Lê Lợi')");
    for (int i = 0; i < n; i++) {
      in.add("'Duong " + i + "'");
    }
    return in.toString();
  }

  @Test
  void theDefaultLimitIs64KiB() {
    assertThat(CityTwinConfig.from(ConfigSource.of(Map.of())).server().maxRequestLineBytes()).isEqualTo(65536);
  }

  @Test
  void getsLongerThan4096BytesAreAnswered() {
    String wfs = "/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads&CQL_FILTER="
        + enc(cqlNames(450));
    assertThat(wfs.length()).isBetween(6000, LIMIT - 100);
    HttpResponse<byte[]> r = http.get(wfs);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(XmlDoc.parse(Http.text(r)).featureIds("roads")).containsExactly("roads.1");

    StringBuilder or = new StringBuilder("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:Or>");
    for (int i = 0; i < 60; i++) {
      or.append("<fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>Duong ").append(i)
          .append("</fes:Literal></fes:PropertyIsEqualTo>");
    }
    or.append("<fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>Thùy Vân")
        .append("</fes:Literal></fes:PropertyIsEqualTo></fes:Or></fes:Filter>");
    String fes = "/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads&FILTER="
        + enc(or.toString());
    assertThat(fes.length()).isGreaterThan(4096);
    assertThat(XmlDoc.parse(http.getText(fes)).featureIds("roads")).containsExactly("roads.2");

    String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
        + "<!-- " + "padding ".repeat(700) + "--><NamedLayer><Name>roads</Name><UserStyle><FeatureTypeStyle><Rule>"
        + "<LineSymbolizer><Stroke><CssParameter name=\"stroke\">#ff0000</CssParameter>"
        + "<CssParameter name=\"stroke-width\">6</CssParameter></Stroke></LineSymbolizer></Rule></FeatureTypeStyle>"
        + "</UserStyle></NamedLayer></StyledLayerDescriptor>";
    String wms = "/wms?service=WMS&version=1.3.0&request=GetMap&layers=roads&styles=&crs=CRS:84"
        + "&bbox=107.078,10.348,107.084,10.352&width=64&height=64&format=image/png&SLD_BODY=" + enc(sld);
    assertThat(wms.length()).isGreaterThan(6000);
    HttpResponse<byte[]> map = http.get(wms);
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.headers().firstValue("Content-Type")).hasValue("image/png");

    String items = "/ogc/collections/roads/items?filter=" + enc(cqlNames(450));
    JsonObject fc = http.getJson(items);
    assertThat(fc.getJsonArray("features").size()).isEqualTo(1);
  }

  @Test
  void beyondTheLimitEachProtocolAnswersInItsOwnErrorForm() {
    String cql = enc(cqlNames(1000));
    HttpResponse<byte[]> wfs20 = http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature"
        + "&typeNames=citytwin:roads&CQL_FILTER=" + cql);
    assertThat(wfs20.statusCode()).isEqualTo(414);
    OgcSchemas.validate(Http.text(wfs20), null, OgcSchemas.OWS11_EXCEPTIONS);
    assertThat(Http.text(wfs20)).contains("http.max.request.line").contains("POST");

    HttpResponse<byte[]> wfs11 = http.get("/wfs?service=WFS&version=1.1.0&request=GetFeature"
        + "&typeName=citytwin:roads&CQL_FILTER=" + cql);
    assertThat(wfs11.statusCode()).isEqualTo(414);
    OgcSchemas.validate(Http.text(wfs11), null, OgcSchemas.OWS10_EXCEPTIONS);

    HttpResponse<byte[]> wfs10 = http.get("/ows?service=WFS&version=1.0.0&request=GetFeature"
        + "&typeName=citytwin:roads&CQL_FILTER=" + cql);
    assertThat(wfs10.statusCode()).isEqualTo(414);
    OgcSchemas.validate(Http.text(wfs10), null, "http://schemas.opengis.net/wfs/1.0.0/OGC-exception.xsd");

    HttpResponse<byte[]> wms = http.get("/wms?service=WMS&version=1.3.0&request=GetMap&layers=roads&styles="
        + "&crs=CRS:84&bbox=107,10,108,11&width=64&height=64&format=image/png&CQL_FILTER=" + cql);
    assertThat(Http.text(wms)).contains("<ServiceExceptionReport").contains("http.max.request.line");
    OgcSchemas.validate(Http.text(wms), null, "http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");

    HttpResponse<byte[]> api = http.get("/ogc/collections/roads/items?filter=" + cql);
    assertThat(api.statusCode()).isEqualTo(414);
    assertThat(Http.json(api).getString("code")).isEqualTo("URITooLong");

    // beyond twice the limit the request never reaches a router: still a clear 414 with a JSON body
    HttpResponse<byte[]> huge = http.get("/wfs?service=WFS&CQL_FILTER=" + enc(cqlNames(2500)));
    assertThat(huge.statusCode()).isEqualTo(414);
    assertThat(Http.json(huge).getString("description")).contains("http.max.request.line");
  }
}
