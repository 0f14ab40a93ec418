package vn.citytwin.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.ogc.wms.WmsFixtures.count;
import static vn.citytwin.ogc.wms.WmsFixtures.enc;
import static vn.citytwin.ogc.wms.WmsFixtures.image;

import io.vertx.core.json.JsonArray;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * WMS TIME as GIS clients send it (1.3.0 Annex C/D, 1.1.1 Annex C): lists, interval lists, partial dates,
 * periods and {@code current}, each checked against the same selection written directly in PostGIS, through
 * GetFeatureInfo (ids) and GetMap (pixels); every bad value is InvalidDimensionValue/TIME in both versions.
 */
class WmsTimeIT {
  static final Color BLUE = new Color(0, 0, 255);
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static double[] p3857;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("wms_time");
    server = TestServer.start(db);
    http = new Http(server.port());
    WmsFixtures.insert(db);
    // Six more reports, 0.0012° (≈ 130 m) apart, north and south of the two fixture ones (2022-10-20T01:00Z at
    // 107.0860, 2024-06-01T01:00Z at 107.0840): two share those UTC days, one is the next day, one the eve of
    // 2024-06-01, one in 2023, and the latest in 2025.
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.flood_reports (id, street, depth_cm, reported_at, geom) VALUES "
          + row(10, "2022-10-20T20:00:00Z", 107.0838, 10.3458) + ","
          + row(11, "2022-10-21T00:30:00Z", 107.0850, 10.3458) + ","
          + row(12, "2023-03-15T12:00:00Z", 107.0862, 10.3458) + ","
          + row(13, "2024-05-31T23:00:00Z", 107.0838, 10.3442) + ","
          + row(14, "2024-06-01T22:00:00Z", 107.0850, 10.3442) + ","
          + row(15, "2025-01-02T00:00:00Z", 107.0862, 10.3442));
    }
    server.catalog().versions().refresh();
    p3857 = WmsFixtures.project(db, WmsFixtures.LON, WmsFixtures.LAT, 3857);
  }

  private static String row(int id, String at, double lon, double lat) {
    return "(" + id + ", 'phố " + id + "', 20, '" + at + "', ST_SetSRID(ST_MakePoint(" + lon + ", " + lat
        + "), 4326))";
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  private static String bbox() {
    double h = 250;
    return (p3857[0] - h) + "," + (p3857[1] - h) + "," + (p3857[0] + h) + "," + (p3857[1] + h);
  }

  /** Flood report ids GetFeatureInfo finds with a search radius covering every report (100 px ≈ 195 m). */
  static List<Long> infoIds(String version, String time) {
    boolean v13 = version.equals("1.3.0");
    String path = "/wms?SERVICE=WMS&VERSION=" + version + "&REQUEST=GetFeatureInfo&LAYERS=flood_reports&STYLES="
        + "&QUERY_LAYERS=flood_reports&" + (v13 ? "CRS" : "SRS") + "=EPSG:3857&BBOX=" + bbox()
        + "&WIDTH=256&HEIGHT=256&" + (v13 ? "I=128&J=128" : "X=128&Y=128")
        + "&INFO_FORMAT=application/json&FEATURE_COUNT=50&BUFFER=100" + (time == null ? "" : "&TIME=" + enc(time));
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(Http.text(r)).startsWith("application/json");
    JsonArray features = Http.json(r).getJsonArray("features");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      String id = features.getJsonObject(i).getString("id");
      ids.add(Long.parseLong(id.substring(id.indexOf('.') + 1)));
    }
    return ids;
  }

  /** The ids PostGIS selects with the predicate, written independently of the server's SQL. */
  static List<Long> sqlIds(String predicate) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM city.flood_reports WHERE " + predicate + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** Blue pixels of a 101×101 GetMap drawing every flood report as a 10 px blue square. */
  static int bluePixels(String version, String time) {
    boolean v13 = version.equals("1.3.0");
    String sld = WmsFixtures.sld("flood_reports", WmsFixtures.square("#0000ff", 10));
    HttpResponse<byte[]> r = http.get("/wms?SERVICE=WMS&VERSION=" + version + "&REQUEST=GetMap&LAYERS=flood_reports"
        + "&STYLES=&" + (v13 ? "CRS" : "SRS") + "=EPSG:3857&BBOX=" + bbox() + "&WIDTH=101&HEIGHT=101"
        + "&FORMAT=image/png&SLD_BODY=" + enc(sld) + (time == null ? "" : "&TIME=" + enc(time)));
    assertThat(r.statusCode()).isEqualTo(200);
    return count(image(r), BLUE, 0);
  }

  record Case(String time, String predicate, List<Long> expected) {}

  static final String UTC_DAY = "(reported_at AT TIME ZONE 'UTC')::date";

  static final List<Case> CASES = List.of(
      new Case("2022-10-20,2024-06-01", UTC_DAY + " IN ('2022-10-20', '2024-06-01')", List.of(1L, 2L, 10L, 14L)),
      new Case("2022-01-01/2022-12-31,2024-06-01", "extract(year FROM reported_at AT TIME ZONE 'UTC') = 2022 OR "
          + UTC_DAY + " = '2024-06-01'", List.of(1L, 2L, 10L, 11L, 14L)),
      new Case("2023", "extract(year FROM reported_at AT TIME ZONE 'UTC') = 2023", List.of(12L)),
      new Case("2024-06", "date_trunc('month', reported_at AT TIME ZONE 'UTC') = '2024-06-01'", List.of(2L, 14L)),
      new Case("2022-10-20/2022-10-21/P1D", UTC_DAY + " BETWEEN '2022-10-20' AND '2022-10-21'",
          List.of(1L, 10L, 11L)),
      new Case("current", "reported_at = (SELECT max(reported_at) FROM city.flood_reports)", List.of(15L)),
      new Case("present", "reported_at = (SELECT max(reported_at) FROM city.flood_reports)", List.of(15L)),
      new Case("2023,current", "extract(year FROM reported_at AT TIME ZONE 'UTC') = 2023 OR reported_at = "
          + "(SELECT max(reported_at) FROM city.flood_reports)", List.of(12L, 15L)),
      new Case("2024-06-01T00:00:00Z/present", "reported_at >= '2024-06-01T00:00:00Z'", List.of(2L, 14L, 15L)));

  @Test
  void featureInfoSelectsExactlyTheReportsPostgisSelects() throws SQLException {
    for (Case c : CASES) {
      List<Long> expected = sqlIds(c.predicate());
      assertThat(expected).as("fixture " + c.time()).containsExactlyElementsOf(c.expected());
      assertThat(infoIds("1.3.0", c.time())).as(c.time()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(infoIds("1.1.1", c.time())).as(c.time()).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(infoIds("1.3.0", null)).as("no TIME: every time").hasSize(8);
  }

  @Test
  void mapsDrawExactlyThoseReports() throws SQLException {
    int one = bluePixels("1.3.0", "2023");
    assertThat(one).as("one 10 px square").isBetween(80, 121);
    for (Case c : CASES) {
      assertThat(bluePixels("1.3.0", c.time())).as(c.time()).isEqualTo(one * sqlIds(c.predicate()).size());
    }
    assertThat(bluePixels("1.1.1", "2022-10-20,2024-06-01")).isEqualTo(one * 4);
    assertThat(bluePixels("1.3.0", null)).isEqualTo(one * 8);
  }

  @Test
  void badTimesAreInvalidDimensionValueInBothVersions() {
    String map = "&LAYERS=flood_reports&STYLES=&BBOX=" + bbox() + "&WIDTH=10&HEIGHT=10&FORMAT=image/png";
    for (String bad : List.of("2022-13-01", "a/b", "2024-01-01/2023-01-01", "2022-10-20,", "2022-10-20,,2024",
        "2022-01-01/2022-12-31/1D", "2022-13")) {
      for (String request : List.of("GetMap", "GetFeatureInfo")) {
        String info = request.equals("GetFeatureInfo") ? "&QUERY_LAYERS=flood_reports&INFO_FORMAT=text/plain" : "";
        String x13 = Http.text(http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=" + request + map
            + "&CRS=EPSG:3857&I=1&J=1" + info + "&TIME=" + enc(bad)));
        assertThat(WmsSchemas.exceptions130(x13)).as(x13).isEmpty();
        assertException(x13, bad + " " + request + " 1.3.0");
        HttpResponse<byte[]> r11 = http.get("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=" + request + map
            + "&SRS=EPSG:3857&X=1&Y=1" + info + "&TIME=" + enc(bad));
        assertThat(r11.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.se_xml");
        String x11 = Http.text(r11);
        assertThat(WmsSchemas.dtd111(x11)).as(x11).isEmpty();
        assertException(x11, bad + " " + request + " 1.1.1");
      }
    }
  }

  private static void assertException(String xml, String what) {
    Node e = WmsFixtures.xml(xml).getElementsByTagNameNS("*", "ServiceException").item(0);
    assertThat(e).as(what + ": " + xml).isNotNull();
    assertThat(e.getAttributes().getNamedItem("code").getNodeValue()).as(what).isEqualTo("InvalidDimensionValue");
    // 1.1.1 reports have no locator attribute (exception_1_1_1.dtd): the message names the parameter instead
    Node locator = e.getAttributes().getNamedItem("locator");
    if (what.endsWith("1.3.0")) {
      assertThat(locator.getNodeValue()).as(what).isEqualTo("TIME");
    } else {
      assertThat(locator).as(what).isNull();
    }
    assertThat(e.getTextContent()).as(what).startsWith("TIME");
  }
}
