package vn.citytwin.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.ogc.wms.WmsFixtures.at;
import static vn.citytwin.ogc.wms.WmsFixtures.count;
import static vn.citytwin.ogc.wms.WmsFixtures.enc;
import static vn.citytwin.ogc.wms.WmsFixtures.image;
import static vn.citytwin.ogc.wms.WmsFixtures.near;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * GetFeatureInfo (hits, misses, tolerance, formats, both versions), GetLegendGraphic, every exception code in
 * both report forms and as images, the configured limits, and GDAL reading the service.
 */
class WmsOperationsIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static double[] p3857;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wms_ops");
    server = TestServer.start(db.jdbcUrl(), Map.of("wms.max.width", "2048", "wms.max.height", "2048"));
    http = new Http(server.port());
    WmsFixtures.insert(db);
    server.catalog().versions().refresh();
    p3857 = WmsFixtures.project(db, WmsFixtures.LON, WmsFixtures.LAT, 3857);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  /** GetFeatureInfo on a 256×256 EPSG:3857 map of ±250 m around the school, clicked at pixel (i, j). */
  static String info(String version, int i, int j, String extra) {
    double h = 250;
    String bbox = (p3857[0] - h) + "," + (p3857[1] - h) + "," + (p3857[0] + h) + "," + (p3857[1] + h);
    boolean v13 = version.equals("1.3.0");
    return "/wms?SERVICE=WMS&VERSION=" + version + "&REQUEST=GetFeatureInfo&LAYERS=schools,buildings&STYLES="
        + WmsFixtures.SCHOOL_STYLE + ",&" + (v13 ? "CRS" : "SRS") + "=EPSG:3857&BBOX=" + bbox
        + "&WIDTH=256&HEIGHT=256&" + (v13 ? "I=" + i + "&J=" + j : "X=" + i + "&Y=" + j) + extra;
  }

  static JsonArray features(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(Http.text(r)).startsWith("application/json");
    return Http.json(r).getJsonArray("features");
  }

  @Test
  void featureInfoHitsTheSchoolAndTheBuildingUnderIt() {
    // the school is at the map centre: pixel 128 (its centre is 0.5 px off the school)
    JsonArray hits = features(info("1.3.0", 128, 128,
        "&QUERY_LAYERS=schools,buildings&INFO_FORMAT=application/json&FEATURE_COUNT=5"));
    assertThat(hits).hasSize(2);
    JsonObject school = hits.getJsonObject(0);
    assertThat(school.getString("id")).isEqualTo("schools.1");
    assertThat(school.getJsonObject("properties").getString("name")).isEqualTo("Trường THPT Vũng Tàu");
    assertThat(school.getJsonObject("properties").getInteger("students")).isEqualTo(1200);
    JsonArray lonLat = school.getJsonObject("geometry").getJsonArray("coordinates");
    assertThat(lonLat.getDouble(0)).isCloseTo(WmsFixtures.LON, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lonLat.getDouble(1)).isCloseTo(WmsFixtures.LAT, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(hits.getJsonObject(1).getString("id")).isEqualTo("buildings.3");
    // the same click in 1.1.1 (X/Y)
    assertThat(features(info("1.1.1", 128, 128, "&QUERY_LAYERS=schools&INFO_FORMAT=application/json")))
        .hasSize(1);
  }

  @Test
  void pixelToleranceAndMisses() {
    String q = "&QUERY_LAYERS=schools&INFO_FORMAT=application/json";
    // 5 px off the point: within the 12 px symbol, a hit
    assertThat(features(info("1.3.0", 133, 124, q))).hasSize(1);
    // 30 px off: a miss
    assertThat(features(info("1.3.0", 158, 128, q))).isEmpty();
    // BUFFER widens the search
    assertThat(features(info("1.3.0", 158, 128, q + "&BUFFER=40"))).hasSize(1);
    // a miss far away in the corner; buildings there neither
    assertThat(features(info("1.3.0", 3, 3, "&QUERY_LAYERS=schools,buildings&INFO_FORMAT=application/json")))
        .isEmpty();
  }

  @Test
  void featureCountAndFiltersApply() {
    // the building and the school at the centre; FEATURE_COUNT is per layer
    String both = "&QUERY_LAYERS=buildings,schools&INFO_FORMAT=application/json";
    assertThat(features(info("1.3.0", 128, 128, both))).hasSize(2);
    assertThat(features(info("1.3.0", 128, 128, both + "&CQL_FILTER=" + enc("id = 2;INCLUDE")))).hasSize(1);
  }

  @Test
  void featureInfoFormats() {
    String text = http.getText(info("1.3.0", 128, 128, "&QUERY_LAYERS=schools&INFO_FORMAT=text/plain"));
    assertThat(text).contains("Results for FeatureType 'schools'").contains("name = Trường THPT Vũng Tàu");
    String html = http.getText(info("1.3.0", 128, 128, "&QUERY_LAYERS=schools&INFO_FORMAT=text/html"));
    assertThat(html).contains("<table").contains("Trường THPT Vũng Tàu").contains("<th>students</th>");
    HttpResponse<byte[]> gml = http.get(info("1.1.1", 128, 128,
        "&QUERY_LAYERS=schools&INFO_FORMAT=application/vnd.ogc.gml"));
    assertThat(gml.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.gml");
    var doc = WmsFixtures.xml(Http.text(gml));
    assertThat(doc.getElementsByTagNameNS("http://www.opengis.net/gml", "featureMember").getLength()).isEqualTo(1);
    var point = doc.getElementsByTagNameNS("http://www.opengis.net/gml", "Point");
    assertThat(point.getLength()).isEqualTo(1);
    assertThat(point.item(0).getAttributes().getNamedItem("srsName").getNodeValue()).endsWith("#3857");
    String coords = doc.getElementsByTagNameNS("http://www.opengis.net/gml", "coordinates").item(0).getTextContent();
    assertThat(Double.parseDouble(coords.split(",")[0])).isCloseTo(p3857[0], org.assertj.core.data.Offset.offset(1e-3));
    assertThat(doc.getElementsByTagNameNS(FeatureInfoWriter.NS, "name").item(0).getTextContent())
        .isEqualTo("Trường THPT Vũng Tàu");
    String none = http.getText(info("1.3.0", 3, 3, "&QUERY_LAYERS=schools&INFO_FORMAT=text/plain"));
    assertThat(none).contains("no features were found");
  }

  @Test
  void legends() {
    BufferedImage red = image(http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png"
        + "&LAYER=schools&STYLE=" + WmsFixtures.SCHOOL_STYLE));
    assertThat(count(red, new Color(255, 0, 0), 10)).isGreaterThan(50);
    assertThat(count(red, Color.BLACK, 100)).as("the rule title").isGreaterThan(10);
    BufferedImage flood = image(http.get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=flood_reports"));
    assertThat(flood.getHeight()).as("four depth classes").isGreaterThanOrEqualTo(4 * 20);
    BufferedImage oneRule = image(http.get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=flood_reports"
        + "&RULE=lt10"));
    assertThat(oneRule.getHeight()).isLessThan(flood.getHeight() / 2);
    BufferedImage big = image(http.get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=flood_reports"
        + "&WIDTH=40&HEIGHT=40"));
    assertThat(big.getHeight()).isGreaterThan(flood.getHeight());
    BufferedImage group = image(http.get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=basemap"));
    assertThat(group.getHeight()).isGreaterThan(flood.getHeight());
    BufferedImage transparent = image(http.get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=flood_reports"
        + "&TRANSPARENT=TRUE"));
    assertThat(at(transparent, 0, 0).getAlpha()).isZero();
    String unknown = http.getText("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=nope");
    assertThat(WmsFixtures.exceptionCode(unknown)).isEqualTo("LayerNotDefined");
  }

  /** Every exception code, in 1.3.0 (valid against the XSD) and 1.1.1 (valid against the DTD). */
  @Test
  void everyExceptionCode() {
    String okMap = "&LAYERS=schools&STYLES=&CRS=EPSG:3857&BBOX=0,0,1000,1000&WIDTH=10&HEIGHT=10&FORMAT=image/png";
    record Case(String code, String locator, String query) {}
    List<Case> cases = List.of(
        new Case("InvalidFormat", "FORMAT", "REQUEST=GetMap" + okMap.replace("image/png", "image/gif")),
        new Case("InvalidCRS", "CRS", "REQUEST=GetMap" + okMap.replace("EPSG:3857", "EPSG:2154")),
        new Case("LayerNotDefined", "LAYERS", "REQUEST=GetMap" + okMap.replace("schools", "nope")),
        new Case("LayerNotDefined", "LAYERS", "REQUEST=GetMap" + okMap.replace("schools", "cameras")),
        new Case("StyleNotDefined", "STYLES", "REQUEST=GetMap" + okMap.replace("STYLES=", "STYLES=nope")),
        new Case("MissingParameterValue", "BBOX", "REQUEST=GetMap" + okMap.replace("&BBOX=0,0,1000,1000", "")),
        new Case("MissingParameterValue", "REQUEST", "FOO=1"),
        new Case("InvalidParameterValue", "BBOX", "REQUEST=GetMap" + okMap.replace("0,0,1000,1000", "1,1,0,0")),
        new Case("InvalidParameterValue", "WIDTH", "REQUEST=GetMap" + okMap.replace("WIDTH=10", "WIDTH=5000")),
        new Case("InvalidDimensionValue", "TIME", "REQUEST=GetMap" + okMap + "&TIME=yesterday"),
        new Case("OperationNotSupported", "REQUEST", "REQUEST=GetStyles"),
        new Case("InvalidPoint", "I", "REQUEST=GetFeatureInfo" + okMap + "&QUERY_LAYERS=schools&I=10&J=3"),
        new Case("LayerNotDefined", "QUERY_LAYERS", "REQUEST=GetFeatureInfo" + okMap
            + "&QUERY_LAYERS=buildings&I=1&J=1"),
        new Case("InvalidFormat", "INFO_FORMAT", "REQUEST=GetFeatureInfo" + okMap
            + "&QUERY_LAYERS=schools&I=1&J=1&INFO_FORMAT=image/png"));
    for (Case c : cases) {
      HttpResponse<byte[]> r = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&" + c.query());
      String xml = Http.text(r);
      assertThat(r.statusCode()).as(c.toString()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
      assertThat(WmsSchemas.exceptions130(xml)).as(xml).isEmpty();
      var e = WmsFixtures.xml(xml).getElementsByTagNameNS(ServiceExceptionWriter.OGC_NS, "ServiceException").item(0);
      assertThat(e.getAttributes().getNamedItem("code").getNodeValue()).as(c + " " + xml).isEqualTo(c.code());
      assertThat(e.getAttributes().getNamedItem("locator").getNodeValue()).as(xml).isEqualTo(c.locator());
      assertThat(e.getTextContent()).isNotBlank().doesNotContainIgnoringCase("sql").doesNotContain("Exception");
    }
    // 1.1.1: InvalidSRS, and the DTD form
    HttpResponse<byte[]> r11 = http.get("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap" + okMap.replace("CRS=",
        "SRS=").replace("EPSG:3857", "EPSG:2154"));
    assertThat(r11.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.se_xml");
    assertThat(WmsSchemas.dtd111(Http.text(r11))).isEmpty();
    assertThat(WmsFixtures.exceptionCode(Http.text(r11))).isEqualTo("InvalidSRS");
    // the size limit names the setting
    String tooWide = http.getText("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
        + okMap.replace("WIDTH=10", "WIDTH=5000"));
    assertThat(tooWide).contains("2048").contains("wms.max.width");
  }

  @Test
  void exceptionsAsImages() {
    String bad = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nope&STYLES=&CRS=EPSG:3857"
        + "&BBOX=0,0,1000,1000&WIDTH=300&HEIGHT=120&FORMAT=image/png";
    HttpResponse<byte[]> inimage = http.get(bad + "&EXCEPTIONS=INIMAGE");
    assertThat(inimage.statusCode()).isEqualTo(200);
    assertThat(inimage.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage msg = image(inimage);
    assertThat(msg.getWidth()).isEqualTo(300);
    assertThat(msg.getHeight()).isEqualTo(120);
    assertThat(count(msg, Color.BLACK, 100)).as("message text").isGreaterThan(30);
    BufferedImage blank = image(http.get(bad + "&EXCEPTIONS=application/vnd.ogc.se_blank&BGCOLOR=0x00FF00"));
    assertThat(count(blank, new Color(0, 255, 0), 0)).isEqualTo(300 * 120);
    BufferedImage clear = image(http.get(bad + "&EXCEPTIONS=BLANK&TRANSPARENT=TRUE"));
    assertThat(at(clear, 150, 60).getAlpha()).isZero();
    // GetFeatureInfo errors stay XML whatever EXCEPTIONS says
    String xml = http.getText(bad.replace("GetMap", "GetFeatureInfo") + "&EXCEPTIONS=INIMAGE");
    assertThat(WmsFixtures.exceptionCode(xml)).isEqualTo("LayerNotDefined");
  }

  @Test
  void maxFeaturesLimit() throws Exception {
    try (CityTwinServer small = TestServer.start(db.jdbcUrl(), Map.of("wms.max.features", "1"))) {
      Http h = new Http(small.port());
      String all = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=schools&STYLES=" + WmsFixtures.SCHOOL_STYLE
          + "&CRS=CRS:84"
          + "&BBOX=107.0,10.3,107.2,10.4&WIDTH=100&HEIGHT=100&FORMAT=image/png";
      String xml = h.getText(all);
      assertThat(xml).contains("wms.max.features");
      assertThat(WmsFixtures.exceptionCode(xml)).isEqualTo("InvalidParameterValue");
      assertThat(h.get(all + "&CQL_FILTER=" + enc("id = 1")).headers().firstValue("Content-Type"))
          .hasValue("image/png");
    }
  }

  @Test
  void gdalReadsTheCapabilitiesAndTheMap(@TempDir Path dir) throws Exception {
    String base = "http://127.0.0.1:" + server.port() + "/wms";
    String info = run(dir, "gdalinfo", "WMS:" + base + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
    assertThat(info).contains("SUBDATASET_").contains("LAYERS=schools").contains("LAYERS=basemap")
        .contains("Trường học");
    double h = 0.002;
    String bbox = (WmsFixtures.LAT - h) + "," + (WmsFixtures.LON - h) + "," + (WmsFixtures.LAT + h) + ","
        + (WmsFixtures.LON + h);
    Path out = dir.resolve("map.png");
    // GDAL rebuilds the GetMap request itself (its own tiling, STYLES left empty): the default school style
    run(dir, "gdal_translate", "-of", "PNG", "-outsize", "256", "256", "WMS:" + base
        + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=schools&CRS=EPSG:4326&BBOX=" + bbox
        + "&FORMAT=image/png", out.toString());
    BufferedImage img = javax.imageio.ImageIO.read(out.toFile());
    assertThat(img.getWidth()).isEqualTo(256);
    // the school's symbol is at the centre of GDAL's picture: GDAL wrote the 1.3.0 lat/lon order as we read it
    int centre = 0;
    int corners = 0;
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        boolean ink = !near(at(img, x, y), Color.WHITE, 10);
        if (ink && Math.abs(x - 128) < 16 && Math.abs(y - 128) < 16) {
          centre++;
        }
        if (ink && (x < 40 || x >= 216) && (y < 40 || y >= 216)) {
          corners++;
        }
      }
    }
    assertThat(centre).isGreaterThan(8);
    assertThat(corners).isZero();
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    Files.writeString(dir.resolve(command[0] + ".log"), output);
    return output;
  }
}
