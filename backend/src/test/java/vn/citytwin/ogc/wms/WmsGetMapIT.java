package vn.citytwin.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.ogc.wms.WmsFixtures.at;
import static vn.citytwin.ogc.wms.WmsFixtures.count;
import static vn.citytwin.ogc.wms.WmsFixtures.enc;
import static vn.citytwin.ogc.wms.WmsFixtures.image;
import static vn.citytwin.ogc.wms.WmsFixtures.near;
import static vn.citytwin.ogc.wms.WmsFixtures.sld;
import static vn.citytwin.ogc.wms.WmsFixtures.square;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.ScenarioFixture;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * GetMap end to end (real PostGIS, real server, PNG decoded by ImageIO): pixels at known places for known styles,
 * axis order in both versions and every CRS family, formats and transparency, several layers and groups, vendor
 * filters, TIME, scenarios, SLD_BODY, scale-dependent rules and labels.
 */
class WmsGetMapIT {
  static final Color RED = new Color(255, 0, 0);
  static final Color BLUE = new Color(0, 0, 255);
  static final Color GREEN = new Color(0, 200, 0);
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  /** The school's position in EPSG:3857. */
  static double[] p3857;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wms_map");
    server = TestServer.start(db);
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

  /** A 1.3.0 GetMap in EPSG:3857 of a square {@code halfMetres} around the school, 101×101 pixels. */
  static String map3857(double halfMetres, String extra) {
    String bbox = (p3857[0] - halfMetres) + "," + (p3857[1] - halfMetres) + "," + (p3857[0] + halfMetres) + ","
        + (p3857[1] + halfMetres);
    return "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:3857&BBOX=" + bbox
        + "&WIDTH=101&HEIGHT=101&FORMAT=image/png" + extra;
  }

  static BufferedImage get(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return image(r);
  }

  @Test
  void aNamedStyleFromStylesDrawsTheSchoolAtTheCentre() {
    HttpResponse<byte[]> r = http.get(map3857(250, "&LAYERS=schools&STYLES=" + WmsFixtures.SCHOOL_STYLE));
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(r.headers().firstValue("Server-Timing").orElse("")).contains("draw;dur=");
    BufferedImage img = image(r);
    assertThat(img.getWidth()).isEqualTo(101);
    assertThat(img.getHeight()).isEqualTo(101);
    assertThat(near(at(img, 50, 50), RED, 0)).isTrue();
    assertThat(near(at(img, 5, 5), Color.WHITE, 0)).isTrue();
    // a 12 px square: about 144 red pixels, the second school is outside this map
    assertThat(count(img, RED, 10)).isBetween(100, 200);
  }

  /** The school lands on the centre pixel whatever the CRS, in each version's axis order. */
  @Test
  void axisOrderForEveryCrsAndVersion() throws Exception {
    record Case(String version, String crs, int srid, double half, boolean latFirst) {}
    var cases = java.util.List.of(
        new Case("1.3.0", "EPSG:4326", 4326, 0.002, true),
        new Case("1.1.1", "EPSG:4326", 4326, 0.002, false),
        new Case("1.3.0", "CRS:84", 4326, 0.002, false),
        new Case("1.1.1", "CRS:84", 4326, 0.002, false),
        new Case("1.3.0", "EPSG:3857", 3857, 250, false),
        new Case("1.1.1", "EPSG:3857", 3857, 250, false),
        new Case("1.3.0", "EPSG:32648", 32648, 250, false),
        new Case("1.1.1", "EPSG:32648", 32648, 250, false),
        new Case("1.3.0", "EPSG:4756", 4756, 0.002, true),
        new Case("1.1.1", "EPSG:4756", 4756, 0.002, false),
        new Case("1.3.0", "EPSG:3405", 3405, 250, false),
        new Case("1.1.1", "EPSG:3405", 3405, 250, false));
    for (Case c : cases) {
      double[] p = WmsFixtures.project(db, WmsFixtures.LON, WmsFixtures.LAT, c.srid());
      double[] b = {p[0] - c.half(), p[1] - c.half(), p[0] + c.half(), p[1] + c.half()};
      String bbox = c.latFirst() ? b[1] + "," + b[0] + "," + b[3] + "," + b[2] : b[0] + "," + b[1] + "," + b[2]
          + "," + b[3];
      String crsParam = c.version().equals("1.3.0") ? "CRS" : "SRS";
      BufferedImage img = get("/wms?SERVICE=WMS&VERSION=" + c.version() + "&REQUEST=GetMap&LAYERS=schools&STYLES="
          + WmsFixtures.SCHOOL_STYLE + "&" + crsParam + "=" + c.crs() + "&BBOX=" + bbox
          + "&WIDTH=101&HEIGHT=101&FORMAT=image/png");
      assertThat(near(at(img, 50, 50), RED, 0)).as(c.toString()).isTrue();
      assertThat(near(at(img, 50, 40), Color.WHITE, 0)).as(c.toString()).isTrue();
      assertThat(near(at(img, 40, 50), Color.WHITE, 0)).as(c.toString()).isTrue();
    }
    // the same lat-first box read as lon-first (1.1.1) is far off the city: nothing drawn
    double h = 0.002;
    String latFirst = (WmsFixtures.LAT - h) + "," + (WmsFixtures.LON - h) + "," + (WmsFixtures.LAT + h) + ","
        + (WmsFixtures.LON + h);
    BufferedImage wrong = get("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=schools&STYLES="
        + WmsFixtures.SCHOOL_STYLE + "&SRS=EPSG:4326&BBOX=" + latFirst + "&WIDTH=101&HEIGHT=101&FORMAT=image/png");
    assertThat(count(wrong, RED, 10)).isZero();
  }

  @Test
  void transparencyBackgroundAndFormats() {
    String layer = "&LAYERS=schools&STYLES=" + WmsFixtures.SCHOOL_STYLE;
    BufferedImage transparent = get(map3857(250, layer + "&TRANSPARENT=TRUE"));
    assertThat(at(transparent, 5, 5).getAlpha()).isZero();
    assertThat(near(at(transparent, 50, 50), RED, 0)).isTrue();

    BufferedImage blue = get(map3857(250, layer + "&BGCOLOR=0x0000FF"));
    assertThat(near(at(blue, 5, 5), BLUE, 0)).isTrue();

    HttpResponse<byte[]> png8 = http.get(map3857(250, layer + "&TRANSPARENT=TRUE").replace("image/png",
        "image/png8"));
    BufferedImage p8 = image(png8);
    assertThat(p8.getColorModel()).isInstanceOf(IndexColorModel.class);
    assertThat(at(p8, 5, 5).getAlpha()).isZero();
    assertThat(near(at(p8, 50, 50), RED, 8)).isTrue();

    HttpResponse<byte[]> jpeg = http.get(map3857(250, layer + "&TRANSPARENT=TRUE").replace("image/png",
        "image/jpeg"));
    assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    BufferedImage j = image(jpeg);
    assertThat(near(at(j, 50, 50), RED, 40)).isTrue();
    assertThat(near(at(j, 5, 5), Color.WHITE, 10)).isTrue(); // no alpha in JPEG: the background colour
  }

  @Test
  void severalLayersWithTheirStylesAndSldBody() {
    String body = sld("flood_reports", square("#0000ff", 10));
    // SLD_BODY styles flood_reports; STYLES names the schools style; draw order is LAYERS order
    BufferedImage img = get(map3857(250, "&LAYERS=flood_reports,schools&STYLES=," + WmsFixtures.SCHOOL_STYLE
        + "&SLD_BODY=" + enc(body)));
    assertThat(near(at(img, 50, 50), RED, 0)).isTrue();
    int[] east = pixelOf(WmsFixtures.FLOOD_2022_LON, 250);
    int[] west = pixelOf(WmsFixtures.FLOOD_2024_LON, 250);
    assertThat(near(at(img, east[0], east[1]), BLUE, 0)).isTrue();
    assertThat(near(at(img, west[0], west[1]), BLUE, 0)).isTrue();
  }

  @Test
  void aLayerGroupDrawsItsMembers() {
    // the ward polygon (basemap) covers the whole map; schools are not in the group
    BufferedImage group = get(map3857(250, "&LAYERS=basemap&STYLES="));
    BufferedImage none = get(map3857(250, "&LAYERS=schools&STYLES=&CQL_FILTER=" + enc("id = 999")));
    assertThat(count(none, Color.WHITE, 0)).isEqualTo(101 * 101);
    assertThat(count(group, Color.WHITE, 0)).isLessThan(101 * 101);
    HttpResponse<byte[]> badStyle = http.get(map3857(250, "&LAYERS=basemap&STYLES=schools"));
    assertThat(WmsFixtures.exceptionCode(Http.text(badStyle))).isEqualTo("StyleNotDefined");
  }

  @Test
  void cqlFilterPerLayerAndFeFilter() {
    String body = sld("flood_reports", square("#0000ff", 10));
    int[] east = pixelOf(WmsFixtures.FLOOD_2022_LON, 250);
    int[] west = pixelOf(WmsFixtures.FLOOD_2024_LON, 250);
    // one filter per layer: no school 1; only deep floods
    BufferedImage img = get(map3857(250, "&LAYERS=schools,flood_reports&STYLES=" + WmsFixtures.SCHOOL_STYLE
        + ",&SLD_BODY=" + enc(body) + "&CQL_FILTER=" + enc("name LIKE 'Trường Tiểu%';depth_cm > 30")));
    assertThat(near(at(img, 50, 50), Color.WHITE, 0)).isTrue();
    assertThat(near(at(img, east[0], east[1]), BLUE, 0)).isTrue();
    assertThat(near(at(img, west[0], west[1]), Color.WHITE, 0)).isTrue();

    String fe = "<Filter xmlns=\"http://www.opengis.net/ogc\"><PropertyIsLessThan><PropertyName>depth_cm"
        + "</PropertyName><Literal>30</Literal></PropertyIsLessThan></Filter>";
    BufferedImage feImg = get(map3857(250, "&LAYERS=schools,flood_reports&STYLES=" + WmsFixtures.SCHOOL_STYLE
        + ",&SLD_BODY=" + enc(body) + "&FILTER=" + enc("()(" + fe + ")")));
    assertThat(near(at(feImg, 50, 50), RED, 0)).isTrue();
    assertThat(near(at(feImg, east[0], east[1]), Color.WHITE, 0)).isTrue();
    assertThat(near(at(feImg, west[0], west[1]), BLUE, 0)).isTrue();

    HttpResponse<byte[]> bad = http.get(map3857(250, "&LAYERS=schools&STYLES=&CQL_FILTER=" + enc("nosuch > 1")));
    assertThat(WmsFixtures.exceptionCode(Http.text(bad))).isEqualTo("InvalidParameterValue");
  }

  @Test
  void timeSelectsFloodReports() {
    String body = sld("flood_reports", square("#0000ff", 10));
    int[] east = pixelOf(WmsFixtures.FLOOD_2022_LON, 250);
    int[] west = pixelOf(WmsFixtures.FLOOD_2024_LON, 250);
    String base = "&LAYERS=flood_reports,schools&STYLES=," + WmsFixtures.SCHOOL_STYLE + "&SLD_BODY=" + enc(body);
    BufferedImage y2022 = get(map3857(250, base + "&TIME=2022-10-20"));
    assertThat(near(at(y2022, east[0], east[1]), BLUE, 0)).isTrue();
    assertThat(near(at(y2022, west[0], west[1]), Color.WHITE, 0)).isTrue();
    assertThat(near(at(y2022, 50, 50), RED, 0)).as("layers without time are not filtered").isTrue();
    BufferedImage since2023 = get(map3857(250, base + "&TIME=" + enc("2023-01-01T00:00:00Z/..")));
    assertThat(near(at(since2023, east[0], east[1]), Color.WHITE, 0)).isTrue();
    assertThat(near(at(since2023, west[0], west[1]), BLUE, 0)).isTrue();
    BufferedImage all = get(map3857(250, base));
    assertThat(near(at(all, east[0], east[1]), BLUE, 0)).isTrue();
    assertThat(near(at(all, west[0], west[1]), BLUE, 0)).isTrue();
  }

  @Test
  void scenarioMapsDiffer() throws Exception {
    long scenario = ScenarioFixture.named("bỏ trường").delete("schools", 1).create(db);
    server.scenarios().refresh();
    String path = map3857(250, "&LAYERS=schools&STYLES=" + WmsFixtures.SCHOOL_STYLE);
    HttpResponse<byte[]> base = http.get(path);
    HttpResponse<byte[]> edited = http.get(path + "&scenario=" + scenario);
    assertThat(near(at(image(base), 50, 50), RED, 0)).isTrue();
    assertThat(near(at(image(edited), 50, 50), Color.WHITE, 0)).isTrue();
    assertThat(edited.headers().firstValue("ETag")).isNotEqualTo(base.headers().firstValue("ETag"));
    HttpResponse<byte[]> unknown = http.get(path + "&scenario=999999");
    assertThat(WmsFixtures.exceptionCode(Http.text(unknown))).isEqualTo("InvalidParameterValue");
  }

  @Test
  void scaleDependentRulesSwitch() {
    String body = sld("schools",
        "<MaxScaleDenominator>20000</MaxScaleDenominator>" + square("#0000ff", 12),
        "<MinScaleDenominator>20000</MinScaleDenominator>" + square("#00c800", 12));
    // 500 m over 101 px ≈ 4.95 m/px ≈ 1:17,700; 5 km ≈ 1:177,000
    BufferedImage near = get(map3857(250, "&LAYERS=schools&SLD_BODY=" + enc(body)));
    BufferedImage far = get(map3857(2500, "&LAYERS=schools&SLD_BODY=" + enc(body)));
    assertThat(WmsFixtures.near(at(near, 50, 50), BLUE, 0)).isTrue();
    assertThat(WmsFixtures.near(at(far, 50, 50), GREEN, 0)).isTrue();
  }

  @Test
  void labelsAreDrawnInVietnamese() {
    String label = "<TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font>"
        + "<CssParameter name=\"font-family\">Noto Sans</CssParameter><CssParameter name=\"font-size\">14"
        + "</CssParameter></Font><Fill><CssParameter name=\"fill\">#000000</CssParameter></Fill></TextSymbolizer>";
    String withLabel = sld("schools", label);
    String bbox = (p3857[0] - 400) + "," + (p3857[1] - 100) + "," + (p3857[0] + 400) + "," + (p3857[1] + 100);
    String path = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:3857&BBOX=" + bbox
        + "&WIDTH=400&HEIGHT=100&FORMAT=image/png&LAYERS=schools&SLD_BODY=" + enc(withLabel);
    BufferedImage img = get(path);
    int dark = count(img, Color.BLACK, 60);
    assertThat(dark).as("text pixels").isGreaterThan(80);
    // the label sits around the point, in the middle of the image
    int darkInMiddle = 0;
    for (int y = 25; y < 75; y++) {
      for (int x = 100; x < 300; x++) {
        if (near(at(img, x, y), Color.BLACK, 60)) {
          darkInMiddle++;
        }
      }
    }
    assertThat(darkInMiddle).isEqualTo(dark);
  }

  @Test
  void shippedDefaultStylesDrawTheCity() {
    // default styles at a street scale (≈ 1:17,700, zoom 15): the public building under the school in its
    // zoom 14–15 colour (the darker outline tint, no outline), the school's icon over it
    BufferedImage img = get(map3857(250, "&LAYERS=basemap,schools,flood_reports&STYLES=,,"));
    Color publicFill = new Color(0xa9, 0xbc, 0x98);
    assertThat(count(img, publicFill, 2)).isGreaterThan(150);
    assertThat(near(at(img, 50, 50), publicFill, 2)).isFalse();
    assertThat(count(img, Color.WHITE, 3)).isLessThan(101 * 101 - 300);
  }

  /** The pixel of a point on the school's latitude in {@link #map3857} (same 101-pixel box). */
  static int[] pixelOf(double lon, double halfMetres) {
    try {
      double[] p = WmsFixtures.project(db, lon, WmsFixtures.LAT, 3857);
      double upp = 2 * halfMetres / 101;
      int i = (int) Math.floor((p[0] - (p3857[0] - halfMetres)) / upp);
      int j = (int) Math.floor(((p3857[1] + halfMetres) - p[1]) / upp);
      return new int[] {i, j};
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
