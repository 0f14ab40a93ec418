package vn.citytwin.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The request sequences QGIS 3 sends when a user adds a layer, replayed with its parameters as it writes them
 * (version auto-detection with ACCEPTVERSIONS, NAMESPACES/NAMESPACE, hits before paging, STARTINDEX/COUNT pages
 * with a lat/lon BBOX carrying its CRS, DPI vendor parameters on GetMap, OGC API paging by next links). Each
 * sequence must end with every feature exactly once, counted against PostGIS.
 */
class QgisRequestSequencesIT {
  static final int PAGE = 120;
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("qgis");
    server = TestServer.start(db.jdbcUrl(), Map.of("features.max.limit", "1000", "features.default.limit", "50"));
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

  static long postgis(String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String ok(String path) {
    HttpResponse<byte[]> r = http.get(path);
    String body = Http.text(r);
    assertThat(r.statusCode()).as(path + "\n" + body).isEqualTo(200);
    assertThat(body).as(path).doesNotContain("ExceptionReport");
    return body;
  }

  /** WFS provider, "Maximum version: Auto": capabilities, schema, hits, then pages of a bbox in lat/lon order. */
  @Test
  void wfsAutoVersionHitsThenPagesOfABbox() throws Exception {
    String caps = ok("/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=2.0.0,1.1.0,1.0.0");
    assertThat(caps).contains("version=\"2.0.0\"").contains("citytwin:buildings");
    String ns = enc("xmlns(citytwin,https://citytwin.vn/features)");
    ok("/wfs?SERVICE=WFS&REQUEST=DescribeFeatureType&VERSION=2.0.0&TYPENAMES=citytwin:buildings&TYPENAME="
        + "citytwin:buildings&NAMESPACES=" + ns + "&NAMESPACE=" + ns);
    // the map canvas in EPSG:4326: QGIS writes the BBOX in the CRS's axis order (lat first) with its URN
    String bbox = "10.340,107.070,10.352,107.090," + enc("urn:ogc:def:crs:EPSG::4326");
    long expected = postgis("SELECT count(*) FROM city.buildings WHERE ST_Intersects(geom, "
        + "ST_MakeEnvelope(107.070, 10.340, 107.090, 10.352, 4326))");
    assertThat(expected).isGreaterThan(PAGE);
    String hits = ok("/wfs?SERVICE=WFS&REQUEST=GetFeature&VERSION=2.0.0&TYPENAMES=citytwin:buildings"
        + "&RESULTTYPE=hits&BBOX=" + bbox + "&NAMESPACES=" + ns);
    assertThat(hits).contains("numberMatched=\"" + expected + "\"");
    Set<String> ids = new HashSet<>();
    for (int start = 0; start < expected; start += PAGE) {
      String page = ok("/wfs?SERVICE=WFS&REQUEST=GetFeature&VERSION=2.0.0&TYPENAMES=citytwin:buildings"
          + "&STARTINDEX=" + start + "&COUNT=" + PAGE + "&SRSNAME=" + enc("urn:ogc:def:crs:EPSG::4326")
          + "&BBOX=" + bbox + "&NAMESPACES=" + ns);
      XmlDoc doc = XmlDoc.parse(page);
      for (String id : doc.featureIds("buildings")) {
        assertThat(ids.add(id)).as("feature %s twice", id).isTrue();
      }
    }
    assertThat(ids).hasSize((int) expected);
  }

  /** WFS 1.1.0, as QGIS uses it for older servers: NAMESPACE, MAXFEATURES paging with STARTINDEX, EPSG:3857. */
  @Test
  void wfs11PagesInWebMercator() throws Exception {
    ok("/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=1.1.0");
    String ns = enc("xmlns(citytwin=https://citytwin.vn/features)");
    long expected = postgis("SELECT count(*) FROM city.buildings");
    Set<String> ids = new HashSet<>();
    for (int start = 0; start < expected; start += PAGE) {
      String page = ok("/wfs?SERVICE=WFS&REQUEST=GetFeature&VERSION=1.1.0&TYPENAME=citytwin:buildings"
          + "&STARTINDEX=" + start + "&MAXFEATURES=" + PAGE + "&SRSNAME=EPSG:3857&NAMESPACE=" + ns);
      ids.addAll(XmlDoc.parse(page).featureIds("buildings"));
    }
    assertThat(ids).hasSize((int) expected);
  }

  /** WMS: capabilities, then GetMap with the DPI vendor parameters QGIS adds, and GetFeatureInfo. */
  @Test
  void wmsMapWithQgisVendorParameters() {
    ok("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
    HttpResponse<byte[]> map = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&BBOX=10.340,107.070,"
        + "10.352,107.090&CRS=EPSG:4326&WIDTH=512&HEIGHT=307&LAYERS=buildings&STYLES=&FORMAT=image/png"
        + "&DPI=96&MAP_RESOLUTION=96&FORMAT_OPTIONS=dpi:96&TRANSPARENT=TRUE");
    assertThat(map.headers().firstValue("Content-Type")).as(Http.text(map)).hasValue("image/png");
    String info = ok("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&BBOX=10.340,107.070,10.352,107.090"
        + "&CRS=EPSG:4326&WIDTH=512&HEIGHT=307&LAYERS=buildings&STYLES=&FORMAT=image/png&QUERY_LAYERS=buildings"
        + "&INFO_FORMAT=text/plain&I=100&J=150&FEATURE_COUNT=10&DPI=96&MAP_RESOLUTION=96&FORMAT_OPTIONS=dpi:96");
    assertThat(info).isNotBlank();
  }

  /** OGC API Features provider: landing, conformance, collections, then items by next links with a bbox. */
  @Test
  void ogcApiFollowsNextLinksToTheEnd() throws Exception {
    JsonObject landing = new JsonObject(ok("/ogc?f=json"));
    assertThat(landing.getJsonArray("links")).isNotEmpty();
    ok("/ogc/conformance?f=json");
    JsonArray collections = new JsonObject(ok("/ogc/collections?f=json")).getJsonArray("collections");
    assertThat(collections.stream().map(c -> ((JsonObject) c).getString("id"))).contains("buildings");
    long expected = postgis("SELECT count(*) FROM city.buildings WHERE ST_Intersects(geom, "
        + "ST_MakeEnvelope(107.070, 10.340, 107.090, 10.352, 4326))");
    String url = "/ogc/collections/buildings/items?limit=" + PAGE + "&bbox=107.070,10.340,107.090,10.352";
    Set<Object> ids = new HashSet<>();
    while (url != null) {
      JsonObject page = new JsonObject(ok(url));
      for (Object f : page.getJsonArray("features")) {
        assertThat(ids.add(((JsonObject) f).getValue("id"))).isTrue();
      }
      url = null;
      for (Object l : page.getJsonArray("links")) {
        JsonObject link = (JsonObject) l;
        if ("next".equals(link.getString("rel"))) {
          String href = link.getString("href");
          url = href.substring(href.indexOf('/', "http://".length()));
        }
      }
    }
    assertThat(ids).hasSize((int) expected);
  }

  /** Vector tiles: QGIS reads the TileJSON, then XYZ tiles from its template. */
  @Test
  void vectorTilesFromTheTileJsonTemplate() {
    JsonObject tilejson = new JsonObject(ok("/tiles/buildings.json"));
    String template = tilejson.getJsonArray("tiles").getString(0);
    int z = 16;
    int x = (int) Math.floor((107.0728 + 180) / 360 * (1 << z));
    double lat = Math.toRadians(10.3412);
    int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << z));
    String tile = template.replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
        .replace("{y}", Integer.toString(y));
    HttpResponse<byte[]> r = http.get(tile.substring(tile.indexOf('/', "http://".length())));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().length).isGreaterThan(0);
  }
}
