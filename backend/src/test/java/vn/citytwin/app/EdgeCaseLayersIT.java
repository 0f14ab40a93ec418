package vn.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsLayer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import vn.citytwin.testing.EdgeCaseFixtures;
import vn.citytwin.testing.EdgeCaseFixtures.EdgeCase;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.MvtDecoder;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * Every named database edge case ({@code src/test/resources/fixtures/edge-cases/}) read through every protocol:
 * the layer list, OGC API Features, WFS 2.0 (GeoJSON and hits), WMS GetMap pixels and MVT features. Each must give
 * back exactly the fixture's features (all rows for feature services, the drawable ones for maps and tiles), never
 * an error.
 */
class EdgeCaseLayersIT {
  static final java.util.List<EdgeCase> CASES = EdgeCaseFixtures.ALL;
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("edgecases");
    server = TestServer.start(db.jdbcUrl(), Map.of("demo.seed.when.empty", "false"));
    http = new Http(server.port());
    EdgeCaseFixtures.load(db, CASES);
    server.catalog().reloadNow();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @ParameterizedTest
  @FieldSource("CASES")
  void theLayerListNamesIt(EdgeCase e) {
    JsonObject layer = http.getJson("/api/layers/" + enc(e.layer()));
    assertThat(layer.getString("id")).isEqualTo(e.layer());
  }

  @ParameterizedTest
  @FieldSource("CASES")
  void ogcApiFeaturesReturnsEveryRow(EdgeCase e) {
    HttpResponse<byte[]> r = http.get("/ogc/collections/" + enc(e.layer()) + "/items?limit=100");
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    JsonObject page = Http.json(r);
    assertThat(page.getJsonArray("features")).hasSize(e.features());
    assertThat(page.getInteger("numberMatched")).isEqualTo(e.features());
    HttpResponse<byte[]> collection = http.get("/ogc/collections/" + enc(e.layer()));
    assertThat(collection.statusCode()).as(Http.text(collection)).isEqualTo(200);
  }

  @ParameterizedTest
  @FieldSource("CASES")
  void wfsReturnsEveryRowAndCountsThem(EdgeCase e) {
    String type = enc("citytwin:" + e.layer().replace(' ', '_'));
    HttpResponse<byte[]> r = http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=" + type
        + "&outputFormat=application/json");
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    JsonArray features = Http.json(r).getJsonArray("features");
    assertThat(features).hasSize(e.features());
    String hits = Http.text(http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=" + type
        + "&resultType=hits"));
    assertThat(hits).contains("numberMatched=\"" + e.features() + "\"");
    HttpResponse<byte[]> gml = http.get("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=" + type);
    assertThat(gml.statusCode()).as(Http.text(gml)).isEqualTo(200);
  }

  @ParameterizedTest
  @FieldSource("CASES")
  void wmsDrawsTheDrawableFeatures(EdgeCase e) throws IOException {
    double[] c = mercator(e.lon(), e.lat());
    double half = 1500;
    HttpResponse<byte[]> r = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + enc(e.layer())
        + "&STYLES=&CRS=EPSG:3857&BBOX=" + (c[0] - half) + "," + (c[1] - half) + "," + (c[0] + half) + ","
        + (c[1] + half) + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE");
    assertThat(r.headers().firstValue("Content-Type")).as(Http.text(r)).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    int painted = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) >>> 24) != 0) {
          painted++;
        }
      }
    }
    if (e.drawable() == 0) {
      assertThat(painted).isZero();
    } else {
      assertThat(painted).as("painted pixels").isGreaterThan(e.drawable());
    }
  }

  /** A point in a column of any geometry type is drawn as a point (the built-in style has a rule per dimension). */
  @org.junit.jupiter.api.Test
  void pointsOfAnUntypedGeometryColumnAreDrawn() throws IOException {
    double[] p = mercator(107.0800, 10.3460); // mixed_shapes row 1, away from its line and polygons
    double half = 100;
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(http.get("/wms?SERVICE=WMS&VERSION=1.3.0"
        + "&REQUEST=GetMap&LAYERS=mixed_shapes&STYLES=&CRS=EPSG:3857&BBOX=" + (p[0] - half) + "," + (p[1] - half)
        + "," + (p[0] + half) + "," + (p[1] + half) + "&WIDTH=101&HEIGHT=101&FORMAT=image/png&TRANSPARENT=TRUE")
        .body()));
    int argb = image.getRGB(50, 50);
    assertThat(argb >>> 24).as("alpha at the point").isEqualTo(255);
    assertThat(argb & 0xffffff).as("the built-in point fill").isEqualTo(0xd7301f);
  }

  @ParameterizedTest
  @FieldSource("CASES")
  void vectorTilesCarryTheDrawableFeatures(EdgeCase e) {
    int z = 12;
    int n = 1 << z;
    int x = (int) Math.floor((e.lon() + 180) / 360 * n);
    double lat = Math.toRadians(e.lat());
    int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    HttpResponse<byte[]> r = http.get("/tiles/" + enc(e.layer()) + "/" + z + "/" + x + "/" + y + ".mvt");
    assertThat(r.statusCode()).as(Http.text(r)).isIn(200, 204);
    JtsLayer layer = r.body().length == 0 ? null : MvtDecoder.layer(r.body(), e.layer());
    int count = layer == null ? 0 : layer.getGeometries().size();
    assertThat(count).isEqualTo(e.drawable());
  }

  private static double[] mercator(double lon, double lat) {
    double r = 6378137;
    return new double[] {Math.toRadians(lon) * r, r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))};
  }
}
