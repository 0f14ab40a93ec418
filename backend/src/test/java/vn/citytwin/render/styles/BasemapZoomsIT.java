package vn.citytwin.render.styles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.demo.DemoOptions;
import vn.citytwin.demo.DemoSeeder;
import vn.citytwin.render.style.Expression;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.Literal;
import vn.citytwin.render.style.PolygonSymbolizer;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.Symbolizer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The basemap as a web map shows it: the {@code basemap} group over downtown Vũng Tàu on the default demo city,
 * requested as 256-px EPSG:3857 WMS tiles (a 2×2 block per zoom, z12–z18), with pixels classified by the shipped
 * SLDs' own colours (building fills and outlines; land use and park fills; road fills and casings; water). Each zoom
 * must read: buildings visible from z14, land use around them, roads never covering the city. The stitched blocks
 * are written to target/basemap-zooms/ for a human look.
 */
class BasemapZoomsIT {
  /** Downtown Vũng Tàu (Đồ Chiểu / Ba Cu area of the demo city). */
  private static final double LON = 107.0850;
  private static final double LAT = 10.3490;
  private static final double R = 6378137.0;
  /** Largest per-channel sum distance at which a pixel still counts as a style colour (antialiased edges blend). */
  private static final int TOLERANCE = 16;

  enum Kind { BUILDING, WATER, LAND_USE, ROAD, OTHER, EMPTY }

  private static TestDatabase db;
  private static CityTwinServer server;
  private static Http http;
  private static Map<Kind, List<Color>> palette;

  @BeforeAll
  static void seedDemoCity() throws Exception {
    db = TestDatabase.create("basemap");
    Flyway.configure().dataSource(db.jdbcUrl(), db.config().user(), db.config().password())
        .locations("classpath:db/migration").schemas("citytwin").createSchemas(true).load().migrate();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.jdbcUrl());
    ds.setUser(db.config().user());
    ds.setPassword(db.config().password());
    DemoSeeder.seed(ds, DemoOptions.defaults(), false);
    server = TestServer.start(db);
    http = new Http(server.port());
    palette = new EnumMap<>(Kind.class);
    palette.put(Kind.BUILDING, colours(ShippedStylesTest.load("buildings"), true, true));
    List<Color> landUse = colours(ShippedStylesTest.load("land_use"), true, false);
    landUse.addAll(colours(ShippedStylesTest.load("parks"), true, false));
    palette.put(Kind.LAND_USE, landUse);
    palette.put(Kind.ROAD, colours(ShippedStylesTest.load("roads"), false, true));
    palette.put(Kind.WATER, colours(ShippedStylesTest.load("water"), true, false));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {12, 13, 14, 15, 16, 17, 18})
  void theBasemapReadsAtEveryZoom(int z) throws Exception {
    BufferedImage block = block(z);
    Path dir = Path.of("target", "basemap-zooms");
    Files.createDirectories(dir);
    ImageIO.write(block, "png", dir.resolve("z" + z + ".png").toFile());
    Map<Kind, Double> share = shares(block);
    String seen = "z" + z + " " + share;
    Files.writeString(dir.resolve("z" + z + ".txt"), seen + "\n");
    assertThat(share.get(Kind.EMPTY)).as(seen).isLessThan(0.7);
    // roads never cover the city
    assertThat(share.get(Kind.ROAD)).as(seen).isLessThan(z <= 13 ? 0.12 : 0.25);
    if (z <= 13) {
      // a town plan: land use and water with the main roads, no footprints yet (blends of land use and thin
      // lines come close to building colours on a few percent of pixels)
      assertThat(share.get(Kind.BUILDING)).as(seen).isLessThan(0.06);
      assertThat(share.get(Kind.LAND_USE) + share.get(Kind.WATER)).as(seen).isGreaterThan(0.7);
    } else {
      // footprints readable from z14 on, over the land use they stand in
      assertThat(share.get(Kind.BUILDING)).as(seen).isGreaterThan(z == 14 ? 0.10 : 0.15);
      assertThat(share.get(Kind.LAND_USE)).as(seen).isGreaterThan(0.2);
      // buildings and the land use between them outweigh the road network
      assertThat(share.get(Kind.BUILDING) + share.get(Kind.LAND_USE)).as(seen)
          .isGreaterThan(2.5 * share.get(Kind.ROAD));
    }
  }

  /** The 2×2 block of z tiles whose shared corner is nearest the downtown point, stitched to 512×512. */
  private static BufferedImage block(int z) throws Exception {
    double size = 2 * Math.PI * R / (1 << z);
    double origin = Math.PI * R;
    double x = R * Math.toRadians(LON);
    double y = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(LAT) / 2));
    long col = Math.round((x + origin) / size) - 1;
    long row = Math.round((origin - y) / size) - 1;
    BufferedImage out = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    for (int dx = 0; dx < 2; dx++) {
      for (int dy = 0; dy < 2; dy++) {
        double minX = -origin + (col + dx) * size;
        double maxY = origin - (row + dy) * size;
        HttpResponse<byte[]> r = http.get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=basemap&STYLES="
            + "&CRS=EPSG:3857&BBOX=" + minX + "," + (maxY - size) + "," + (minX + size) + "," + maxY
            + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        g.drawImage(ImageIO.read(new ByteArrayInputStream(r.body())), dx * 256, dy * 256, null);
      }
    }
    g.dispose();
    return out;
  }

  /**
   * Share of the drawn pixels nearest each kind's colours (within {@link #TOLERANCE}), the rest OTHER (labels,
   * edges); EMPTY is the share of the whole block where nothing was drawn.
   */
  private static Map<Kind, Double> shares(BufferedImage img) {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0);
    }
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        counts.merge(classify(img.getRGB(x, y)), 1, Integer::sum);
      }
    }
    Map<Kind, Double> shares = new EnumMap<>(Kind.class);
    double all = img.getWidth() * (double) img.getHeight();
    double drawn = all - counts.get(Kind.EMPTY);
    counts.forEach((k, c) -> shares.put(k, Math.round(c / (k == Kind.EMPTY ? all : drawn) * 1000) / 1000.0));
    return shares;
  }

  private static Kind classify(int rgb) {
    if ((rgb >>> 24) < 128) {
      return Kind.EMPTY; // nothing drawn there (beyond the demo city's sea)
    }
    Kind best = Kind.OTHER;
    int bestDistance = TOLERANCE + 1;
    for (Map.Entry<Kind, List<Color>> e : palette.entrySet()) {
      for (Color c : e.getValue()) {
        int d = Math.abs((rgb >> 16 & 255) - c.getRed()) + Math.abs((rgb >> 8 & 255) - c.getGreen())
            + Math.abs((rgb & 255) - c.getBlue());
        if (d < bestDistance) {
          bestDistance = d;
          best = e.getKey();
        }
      }
    }
    return best;
  }

  /** The literal colours of a style's polygon fills and/or line and polygon strokes (labels and halos left out). */
  private static List<Color> colours(Style style, boolean fills, boolean strokes) {
    List<Color> out = new ArrayList<>();
    for (FeatureTypeStyle fts : style.featureTypeStyles()) {
      for (Rule rule : fts.rules()) {
        for (Symbolizer s : rule.symbolizers()) {
          if (s instanceof PolygonSymbolizer p) {
            if (fills && p.fill() != null) {
              add(out, p.fill().color());
            }
            if (strokes && p.stroke() != null) {
              add(out, p.stroke().color());
            }
          } else if (s instanceof LineSymbolizer l && strokes && l.stroke() != null) {
            add(out, l.stroke().color());
          }
        }
      }
    }
    assertThat(out).as(style.name()).isNotEmpty();
    return out;
  }

  private static void add(List<Color> out, Expression colour) {
    if (colour instanceof Literal l && l.value() instanceof String s && s.startsWith("#")) {
      Color c = Color.decode(s);
      if (!out.contains(c)) {
        out.add(c);
      }
    }
  }
}
