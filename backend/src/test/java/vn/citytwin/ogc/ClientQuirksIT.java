package vn.citytwin.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * What older and GeoServer-minded clients send keeps working, one case per quirk: WMS 1.1.1 and 1.3.0 with
 * {@code EPSG:900913} (and ESRI's 102100) draw exactly what EPSG:3857 draws; GeoServer's GetMap format names give the
 * right image kind; GeoServer's WFS output format names give the right encoding in every version; WFS srsName
 * {@code EPSG:900913} is Web Mercator.
 */
class ClientQuirksIT {
  /** Web Mercator box over the fixture buildings (107.07–107.09 E, 10.34–10.35 N), 5 m a pixel at 400 px. */
  static final String BOX_3857 = "11919000,1157000,11921000,1158000";
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("quirks");
    server = TestServer.start(db.jdbcUrl(), Map.of());
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

  static HttpResponse<byte[]> map111(String srs, String format) {
    return http.get("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=buildings&STYLES=&SRS=" + enc(srs)
        + "&BBOX=" + BOX_3857 + "&WIDTH=400&HEIGHT=200&FORMAT=" + enc(format));
  }

  /** PNG colour type from the IHDR chunk: 3 paletted, 2 RGB, 6 RGBA. */
  static int pngColourType(byte[] png) {
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    return png[25];
  }

  @ParameterizedTest
  @ValueSource(strings = {"EPSG:900913", "epsg:900913", "EPSG:102100"})
  void wms111GoogleMercatorDrawsWhatEpsg3857Draws(String srs) {
    HttpResponse<byte[]> reference = map111("EPSG:3857", "image/png");
    HttpResponse<byte[]> quirk = map111(srs, "image/png");
    assertThat(quirk.statusCode()).as(Http.text(quirk)).isEqualTo(200);
    assertThat(quirk.body()).isEqualTo(reference.body());
    assertThat(reference.body().length).isGreaterThan(500); // buildings were drawn, not an empty image
    HttpResponse<byte[]> v130 = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=buildings&STYLES="
        + "&CRS=" + enc(srs) + "&BBOX=" + BOX_3857 + "&WIDTH=400&HEIGHT=200&FORMAT=image/png");
    assertThat(v130.body()).isEqualTo(reference.body());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"image/png8|3", "png8|3", "image/png; mode=8bit|3", "image/vnd.jpeg-png8|3",
      "png|6", "image/png|6", "image/png; mode=24bit|6", "image/vnd.jpeg-png|6"})
  void geoServerPngNamesGiveTheRightPng(String format, int colourType) {
    HttpResponse<byte[]> r = http.get("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=buildings&STYLES="
        + "&SRS=EPSG:3857&BBOX=" + BOX_3857 + "&WIDTH=400&HEIGHT=200&TRANSPARENT=TRUE&FORMAT=" + enc(format));
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(pngColourType(r.body())).isEqualTo(colourType);
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/jpeg", "jpeg", "image/jpg", "jpg"})
  void jpegNames(String format) {
    HttpResponse<byte[]> r = map111("EPSG:3857", format);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(r.body()).startsWith((byte) 0xFF, (byte) 0xD8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.0.0|GML2|<gml:coordinates", "1.1.0|GML2|<gml:coordinates", "2.0.0|GML2|<gml:coordinates",
      "1.1.0|text/xml; subtype=gml/2.1.2|<gml:coordinates",
      "1.0.0|GML3|<gml:posList", "2.0.0|GML3|<gml:posList", "1.1.0|text/xml; subtype=gml/3.1.1|<gml:posList",
      "1.0.0|application/json|\"type\":\"FeatureCollection\"", "1.1.0|json|\"type\":\"FeatureCollection\"",
      "2.0.0|application/json|\"type\":\"FeatureCollection\"", "2.0.0|gml32|http://www.opengis.net/gml/3.2"})
  void geoServerWfsFormatNames(String version, String format, String expected) {
    String types = version.equals("2.0.0") ? "typeNames" : "typeName";
    HttpResponse<byte[]> r = http.get("/wfs?service=WFS&version=" + version + "&request=GetFeature&" + types
        + "=citytwin:buildings&maxFeatures=2&count=2&outputFormat=" + enc(format));
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(200);
    assertThat(body).contains(expected);
    if (format.startsWith("GML3") || format.contains("3.1.1")) {
      assertThat(body).contains("xmlns:gml=\"http://www.opengis.net/gml\"").doesNotContain("<gml:coordinates");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"EPSG:900913", "EPSG:102100"})
  void wfsSrsNameGoogleMercatorIsWebMercator(String srs) {
    String json = http.getText("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:roads"
        + "&resourceId=roads.1&outputFormat=json&srsName=" + enc(srs));
    double x = new io.vertx.core.json.JsonObject(json).getJsonArray("features").getJsonObject(0)
        .getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).getDouble(0);
    assertThat(x).isBetween(11_919_000.0, 11_921_000.0); // 107.079° E in metres
  }
}
