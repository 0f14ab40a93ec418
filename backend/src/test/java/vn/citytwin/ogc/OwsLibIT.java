package vn.citytwin.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * OWSLib, the Python client most scripts use, against the running server with its defaults: WebMapService (1.1.1
 * by default, and 1.3.0), WebFeatureService (1.0.0 by default, and 1.1.0 and 2.0.0, whose getfeature always sends
 * propertyName=*), OGC API Features; and the client quirks OWSLib users meet (EPSG:900913, image/png8, GML2 /
 * GML3 / JSON output format names). Feature counts are checked against PostGIS. Each case runs
 * {@code src/test/resources/owslib/owslib_client.py} as a process with Debian's {@code python3-owslib}
 * ({@code CITYTWIN_TEST_PYTHON} names another interpreter); without OWSLib the test fails, it does not skip.
 */
class OwsLibIT {
  /** Box over the fixture buildings, longitude first. */
  static final String BOX = "107.07,10.34,107.08,10.345";
  static final String BOX_SQL = "SELECT count(*) FROM city.buildings WHERE ST_Intersects(geom, "
      + "ST_MakeEnvelope(107.07,10.34,107.08,10.345,4326))";
  static TestDatabase db;
  static CityTwinServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("owslib");
    server = TestServer.start(db.jdbcUrl(), Map.of());
    base = "http://127.0.0.1:" + server.port();
    FeatureFixtures.load(db);
    server.catalog().reloadNow();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static String python() {
    String configured = System.getenv("CITYTWIN_TEST_PYTHON");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    // Debian's python3-owslib lives in the system interpreter, which a pyenv shim on PATH may hide
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** Runs one case of the script; fails with the client's traceback when it raised. */
  static JsonObject owslib(String clientCase, String... options) throws Exception {
    Path script;
    try {
      script = Path.of(OwsLibIT.class.getClassLoader().getResource("owslib/owslib_client.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> cmd = new ArrayList<>(List.of(python(), script.toString(), clientCase, base));
    cmd.addAll(List.of(options));
    Process p;
    try {
      p = new ProcessBuilder(cmd).start();
    } catch (IOException e) {
      throw new AssertionError("python3 is not installed: " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    byte[] err = p.getErrorStream().readAllBytes(); // a traceback: small, read after stdout closed
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(err, StandardCharsets.UTF_8);
    assertThat(stderr).as("OWSLib must be installed (apt-get install python3-owslib)")
        .doesNotContain("No module named 'owslib'");
    assertThat(p.exitValue()).as(String.join(" ", options) + "\n" + stderr).isZero();
    return new JsonObject(out);
  }

  static BufferedImage image(JsonObject r) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(r.getString("image"))));
    assertThat(img).isNotNull();
    return img;
  }

  /** Pixels that are not the white background (OWSLib asks for opaque maps). */
  static int drawn(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return n;
  }

  static int count(String xml, String ns, String member) {
    return XmlDoc.parse(xml).all(ns, member).size();
  }

  static final String GML = "http://www.opengis.net/gml";
  static final String WFS20 = "http://www.opengis.net/wfs/2.0";

  @Test
  void webMapServiceDefaultsTo111AndGetsAMap() throws Exception {
    JsonObject r = owslib("wms", "layer=buildings", "bbox=107.07,10.34,107.09,10.35");
    assertThat(r.getString("version")).isEqualTo("1.1.1");
    assertThat(r.getJsonArray("layers").getList()).contains("buildings", "roads", "basemap");
    assertThat(r.getString("contentType")).isEqualTo("image/png");
    assertThat(drawn(image(r))).isGreaterThan(2000);
  }

  @Test
  void webMapService130GetsAMap() throws Exception {
    JsonObject r = owslib("wms", "layer=buildings", "version=1.3.0", "bbox=107.07,10.34,107.09,10.35");
    assertThat(r.getString("version")).isEqualTo("1.3.0");
    assertThat(drawn(image(r))).isGreaterThan(2000);
  }

  @Test
  void webMapServiceWithGoogleMercatorAndPng8() throws Exception {
    JsonObject r = owslib("wms", "layer=buildings", "srs=EPSG:900913", "format=image/png8",
        "bbox=11919000,1157000,11921000,1158000");
    assertThat(r.getJsonArray("formats").getList()).contains("image/png8");
    byte[] png = Base64.getDecoder().decode(r.getString("image"));
    assertThat(png[25]).as("paletted PNG").isEqualTo((byte) 3);
    assertThat(drawn(image(r))).isGreaterThan(2000);
  }

  @Test
  void webFeatureServiceDefaultsTo100AndReadsEveryFeature() throws Exception {
    JsonObject r = owslib("wfs", "typename=citytwin:buildings");
    assertThat(r.getString("version")).isEqualTo("1.0.0");
    assertThat(r.getJsonArray("types").getList()).contains("citytwin:buildings", "citytwin:roads");
    assertThat(r.getJsonArray("operations").getList()).contains("GetCapabilities", "DescribeFeatureType",
        "GetFeature");
    assertThat(r.getJsonArray("crs").getList()).hasSize(1);
    assertThat(r.getJsonArray("bbox").getDouble(0)).isBetween(107.06, 107.08);
    assertThat(r.getJsonObject("schema").getJsonObject("properties").fieldNames()).contains("use_type", "height");
    assertThat(count(r.getString("body"), GML, "featureMember")).isEqualTo(FeatureFixtures.BUILDINGS);
  }

  @Test
  void webFeatureService100BboxAndMaxFeatures() throws Exception {
    long inBox = FeatureFixtures.count(db, BOX_SQL);
    assertThat(inBox).isPositive();
    JsonObject r = owslib("wfs", "typename=citytwin:buildings", "bbox=" + BOX);
    assertThat(count(r.getString("body"), GML, "featureMember")).isEqualTo(inBox);
    JsonObject five = owslib("wfs", "typename=citytwin:buildings", "maxfeatures=5");
    assertThat(count(five.getString("body"), GML, "featureMember")).isEqualTo(5);
  }

  @Test
  void webFeatureService110GetFeature() throws Exception {
    JsonObject r = owslib("wfs", "typename=citytwin:buildings", "version=1.1.0");
    assertThat(r.getString("version")).isEqualTo("1.1.0");
    assertThat(count(r.getString("body"), GML, "featureMember")).isEqualTo(FeatureFixtures.BUILDINGS);
    JsonObject box = owslib("wfs", "typename=citytwin:buildings", "version=1.1.0", "bbox=" + BOX);
    assertThat(count(box.getString("body"), GML, "featureMember")).isEqualTo(FeatureFixtures.count(db, BOX_SQL));
  }

  @Test
  void webFeatureService200GetFeature() throws Exception {
    JsonObject r = owslib("wfs", "typename=citytwin:buildings", "version=2.0.0");
    assertThat(r.getString("version")).isEqualTo("2.0.0");
    assertThat(count(r.getString("body"), WFS20, "member")).isEqualTo(FeatureFixtures.BUILDINGS);
    JsonObject box = owslib("wfs", "typename=citytwin:buildings", "version=2.0.0", "bbox=" + BOX);
    assertThat(count(box.getString("body"), WFS20, "member")).isEqualTo(FeatureFixtures.count(db, BOX_SQL));
  }

  @Test
  void webFeatureServiceOutputFormatNames() throws Exception {
    String gml2 = owslib("wfs", "typename=citytwin:roads", "outputFormat=GML2").getString("body");
    assertThat(gml2).contains("<gml:coordinates");
    String json = owslib("wfs", "typename=citytwin:roads", "outputFormat=application/json").getString("body");
    assertThat(new JsonObject(json).getJsonArray("features")).hasSize(3);
    String gml3 = owslib("wfs", "typename=citytwin:roads", "version=1.1.0", "outputFormat=GML3")
        .getString("body");
    assertThat(gml3).contains("<gml:posList").doesNotContain("<gml:coordinates");
    String mercator = owslib("wfs", "typename=citytwin:roads", "version=1.1.0", "srsname=EPSG:900913",
        "outputFormat=json").getString("body");
    double x = new JsonObject(mercator).getJsonArray("features").getJsonObject(0).getJsonObject("geometry")
        .getJsonArray("coordinates").getJsonArray(0).getDouble(0);
    assertThat(x).isGreaterThan(11_000_000);
  }

  @Test
  void ogcApiFeaturesCollectionsAndItems() throws Exception {
    JsonObject r = owslib("features", "collection=buildings", "limit=5");
    assertThat(r.getJsonArray("collections").getList()).contains("buildings", "roads");
    assertThat(r.getJsonArray("conformsTo").getList())
        .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
    assertThat(r.getJsonArray("features")).hasSize(5);
    assertThat(r.getLong("numberMatched")).isEqualTo(FeatureFixtures.BUILDINGS);
    assertThat(r.getJsonArray("queryables").getList()).contains("use_type");
    JsonArray inBox = owslib("features", "collection=buildings", "limit=1000", "bbox=" + BOX)
        .getJsonArray("features");
    assertThat((long) inBox.size()).isEqualTo(FeatureFixtures.count(db, BOX_SQL));
  }
}
