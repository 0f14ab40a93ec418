package vn.citytwin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.render.TestMaps.at;
import static vn.citytwin.render.TestMaps.count;
import static vn.citytwin.render.TestMaps.feature;
import static vn.citytwin.render.TestMaps.render;
import static vn.citytwin.render.TestMaps.renderTransparent;
import static vn.citytwin.render.TestMaps.style;
import static vn.citytwin.render.TestMaps.unitExtent;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.citytwin.render.style.Style;

class MapRendererTest {
  private static final Color RED = new Color(0xff0000);
  private static final Color BLUE = new Color(0x0000ff);
  private static final Color GREEN = new Color(0x00aa00);

  private static final String POLY_RULE = """
      <Rule><PolygonSymbolizer>
        <Fill><CssParameter name="fill">#ff0000</CssParameter></Fill>
        <Stroke><CssParameter name="stroke">#0000ff</CssParameter>
          <CssParameter name="stroke-width">4</CssParameter></Stroke>
      </PolygonSymbolizer></Rule>""";

  @Test
  void polygonFillInsideStrokeOnEdgeBackgroundOutside() {
    BufferedImage img = render(unitExtent(), style(POLY_RULE),
        feature("POLYGON((20 20, 80 20, 80 80, 20 80, 20 20))"));
    assertThat(at(img, 50, 50)).isEqualTo(RED);
    // the left edge x=20 runs through pixel column 20 (world x 20 = pixel 20); a 4 px stroke covers 18..22
    assertThat(at(img, 20, 50)).isEqualTo(BLUE);
    assertThat(at(img, 5, 5)).isEqualTo(Color.WHITE);
    assertThat(at(img, 95, 50)).isEqualTo(Color.WHITE);
  }

  @Test
  void transparentBackgroundHasZeroAlphaOutsideFeatures() {
    BufferedImage img = renderTransparent(unitExtent(), style(POLY_RULE),
        feature("POLYGON((20 20, 80 20, 80 80, 20 80, 20 20))"));
    assertThat(at(img, 5, 5).getAlpha()).isZero();
    assertThat(at(img, 50, 50)).isEqualTo(RED);
    assertThat(at(img, 50, 50).getAlpha()).isEqualTo(255);
  }

  @Test
  void polygonHoleIsNotFilled() {
    BufferedImage img = render(unitExtent(), style("""
        <Rule><PolygonSymbolizer><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill>
        </PolygonSymbolizer></Rule>"""),
        feature("POLYGON((10 10, 90 10, 90 90, 10 90, 10 10), (40 40, 60 40, 60 60, 40 60, 40 40))"));
    assertThat(at(img, 20, 50)).isEqualTo(RED);
    assertThat(at(img, 50, 50)).isEqualTo(Color.WHITE);
  }

  @Test
  void multiPolygonPartsAllDrawn() {
    BufferedImage img = render(unitExtent(), style("""
        <Rule><PolygonSymbolizer><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill>
        </PolygonSymbolizer></Rule>"""),
        feature("MULTIPOLYGON(((5 5, 25 5, 25 25, 5 25, 5 5)), ((70 70, 95 70, 95 95, 70 95, 70 70)))"));
    assertThat(at(img, 15, 85)).isEqualTo(RED); // world (15,15)
    assertThat(at(img, 80, 20)).isEqualTo(RED); // world (80,80)
    assertThat(at(img, 50, 50)).isEqualTo(Color.WHITE);
  }

  @Test
  void worldToPixelFlipsYAndHandlesUtmSizedCoordinates() {
    // a UTM-like extent far from the origin: 1 m per pixel
    MapExtent e = new MapExtent(720000, 1140000, 720100, 1140100, 100, 100, false);
    BufferedImage img = render(e, style("""
        <Rule><PolygonSymbolizer><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill>
        </PolygonSymbolizer></Rule>"""),
        feature("POLYGON((720000 1140080, 720020 1140080, 720020 1140100, 720000 1140100, 720000 1140080))"));
    // the north-west corner of the world is the top-left of the image
    assertThat(at(img, 10, 10)).isEqualTo(RED);
    assertThat(at(img, 10, 90)).isEqualTo(Color.WHITE);
    assertThat(at(img, 90, 10)).isEqualTo(Color.WHITE);
  }

  @Test
  void graphicFillRepeatsTheGraphicAcrossThePolygon() {
    BufferedImage img = render(unitExtent(), style("""
        <Rule><PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>circle</WellKnownName>
          <Fill><CssParameter name="fill">#00aa00</CssParameter></Fill></Mark><Size>8</Size></Graphic>
        </GraphicFill></Fill></PolygonSymbolizer></Rule>"""),
        feature("POLYGON((10 10, 90 10, 90 90, 10 90, 10 10))"));
    // an 8 px tile with a circle: many circles inside, background showing between them, nothing outside
    assertThat(count(img, 12, 12, 88, 88, GREEN, 10)).isGreaterThan(2000);
    assertThat(count(img, 12, 12, 88, 88, Color.WHITE, 10)).isGreaterThan(200);
    assertThat(count(img, 0, 0, 100, 9, GREEN, 10)).isZero();
  }

  @Test
  void markDrawnAtThePointPosition() {
    BufferedImage img = render(unitExtent(), style("""
        <Rule><PointSymbolizer><Graphic><Mark><WellKnownName>square</WellKnownName>
          <Fill><CssParameter name="fill">#00aa00</CssParameter></Fill></Mark>
          <Size>10</Size></Graphic></PointSymbolizer></Rule>"""),
        feature("POINT(30 70)"));
    // world (30,70) is pixel (30,30); a 10 px square covers 25..35
    assertThat(at(img, 30, 30)).isEqualTo(GREEN);
    assertThat(at(img, 27, 33)).isEqualTo(GREEN);
    assertThat(at(img, 40, 30)).isEqualTo(Color.WHITE);
    assertThat(at(img, 30, 70)).isEqualTo(Color.WHITE);
  }

  @Test
  void pointSymbolizerOnPolygonGoesToAnInteriorPoint() {
    // a U shape whose centroid lies outside the polygon, in the notch
    BufferedImage img = render(unitExtent(), style("""
        <Rule><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName>
          <Fill><CssParameter name="fill">#00aa00</CssParameter></Fill></Mark>
          <Size>6</Size></Graphic></PointSymbolizer></Rule>"""),
        feature("POLYGON((10 10, 90 10, 90 90, 70 90, 70 30, 30 30, 30 90, 10 90, 10 10))"));
    int inside = count(img, 0, 0, 100, 100, GREEN, 10);
    assertThat(inside).isGreaterThan(10);
    // no green in the notch (world x 30..70, y 30..90 = pixels x 32..68, y 12..68)
    assertThat(count(img, 32, 12, 68, 68, GREEN, 10)).isZero();
  }

  @Test
  void scaleDependentRulesSwitchWithTheScale() {
    Style s = style("""
        <Rule><MaxScaleDenominator>10000</MaxScaleDenominator>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></PolygonSymbolizer>
        </Rule>
        <Rule><MinScaleDenominator>10000</MinScaleDenominator>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></PolygonSymbolizer>
        </Rule>""");
    // 100 m over 100 px = 1 m/px = scale 1:3571
    MapExtent near = new MapExtent(0, 0, 100, 100, 100, 100, false);
    // 10 km over 100 px = 100 m/px = scale 1:357143
    MapExtent far = new MapExtent(0, 0, 10000, 10000, 100, 100, false);
    assertThat(near.scaleDenominator()).isLessThan(10000);
    assertThat(far.scaleDenominator()).isGreaterThan(10000);
    BufferedImage a = render(near, s, feature("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"));
    BufferedImage b = render(far, s, feature("POLYGON((0 0, 10000 0, 10000 10000, 0 10000, 0 0))"));
    assertThat(at(a, 50, 50)).isEqualTo(RED);
    assertThat(at(b, 50, 50)).isEqualTo(BLUE);
  }

  @Test
  void elseFilterDrawsWhatNoOtherRuleMatched() {
    Style s = style("""
        <Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>class</ogc:PropertyName>
            <ogc:Literal>port</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></PolygonSymbolizer>
        </Rule>
        <Rule><ElseFilter/>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></PolygonSymbolizer>
        </Rule>""");
    BufferedImage img = render(unitExtent(), s,
        feature("POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))", "class", "port"),
        feature("POLYGON((50 0, 100 0, 100 100, 50 100, 50 0))", "class", "residential"));
    assertThat(at(img, 25, 50)).isEqualTo(RED);
    assertThat(at(img, 75, 50)).isEqualTo(BLUE);
  }

  @Test
  void ruleFilterWithNumericComparison() {
    Style s = style("""
        <Rule><ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>depth_cm</ogc:PropertyName>
            <ogc:Literal>30</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName>
            <Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></Mark><Size>10</Size></Graphic>
          </PointSymbolizer></Rule>""");
    BufferedImage img = render(unitExtent(), s, feature("POINT(25 50)", "depth_cm", 45),
        feature("POINT(75 50)", "depth_cm", 10));
    assertThat(at(img, 25, 50)).isEqualTo(RED);
    assertThat(at(img, 75, 50)).isEqualTo(Color.WHITE);
  }

  @Test
  void dashedLineHasGaps() {
    BufferedImage img = render(unitExtent(), style("""
        <Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#000000</CssParameter>
          <CssParameter name="stroke-width">3</CssParameter>
          <CssParameter name="stroke-dasharray">10 10</CssParameter></Stroke></LineSymbolizer></Rule>"""),
        feature("LINESTRING(0 50, 100 50)"));
    int dark = 0;
    int light = 0;
    for (int x = 0; x < 100; x++) {
      if (at(img, x, 50).getRed() < 60) {
        dark++;
      } else if (at(img, x, 50).getRed() > 200) {
        light++;
      }
    }
    assertThat(dark).isBetween(35, 65);
    assertThat(light).isBetween(35, 65);
  }

  @Test
  void casingDrawnUnderFillAcrossFeatureTypeStyles() {
    Style s = style("""
        <Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#0000ff</CssParameter>
          <CssParameter name="stroke-width">12</CssParameter></Stroke></LineSymbolizer></Rule>""", """
        <Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#ff0000</CssParameter>
          <CssParameter name="stroke-width">6</CssParameter></Stroke></LineSymbolizer></Rule>""");
    BufferedImage img = render(unitExtent(), s, feature("LINESTRING(0 50, 100 50)"),
        feature("LINESTRING(50 0, 50 100)"));
    // at the crossing, the second feature's casing must not cover the first feature's fill
    assertThat(at(img, 50, 50)).isEqualTo(RED);
    assertThat(at(img, 44, 49)).isEqualTo(RED);
    assertThat(at(img, 20, 45)).isEqualTo(BLUE);
  }

  @Test
  void perpendicularOffsetShiftsTheLineToTheLeft() {
    BufferedImage img = render(unitExtent(), style("""
        <Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#ff0000</CssParameter>
          <CssParameter name="stroke-width">2</CssParameter></Stroke>
          <PerpendicularOffset>10</PerpendicularOffset></LineSymbolizer></Rule>"""),
        feature("LINESTRING(0 50, 100 50)"));
    // walking east, left is north: pixel row 40
    assertThat(at(img, 50, 40)).isEqualTo(RED);
    assertThat(at(img, 50, 50)).isEqualTo(Color.WHITE);
  }

  @Test
  void externalPngGraphicFromTheStylesDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    BufferedImage icon = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = icon.createGraphics();
    g.setColor(new Color(0x00aa00));
    g.fillRect(0, 0, 8, 8);
    g.dispose();
    java.nio.file.Files.createDirectories(dir.resolve("icons"));
    javax.imageio.ImageIO.write(icon, "png", dir.resolve("icons/green.png").toFile());
    String sld = TestMaps.sld10("""
        <Rule><PointSymbolizer><Graphic><ExternalGraphic>
          <OnlineResource xlink:type="simple" xlink:href="icons/green.png"/><Format>image/png</Format>
        </ExternalGraphic><Size>16</Size></Graphic></PointSymbolizer></Rule>""");
    Style s = vn.citytwin.render.sld.SldParser.withResources(vn.citytwin.render.sld.StyleResources.directory(dir))
        .read(new java.io.ByteArrayInputStream(sld.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "png.sld");
    assertThat(s.warnings()).isEmpty();
    BufferedImage img = render(unitExtent(), s, feature("POINT(50 50)"));
    // scaled from 8 to 16 px around pixel (50, 50)
    assertThat(at(img, 50, 50)).isEqualTo(GREEN);
    assertThat(at(img, 44, 44)).isEqualTo(GREEN);
    assertThat(at(img, 60, 50)).isEqualTo(Color.WHITE);
  }

  @Test
  void passedDeadlineStopsTheRender() {
    List<RenderFeature> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(feature("POINT(" + (i % 100) + " 50)"));
    }
    Style s = style("<Rule><PointSymbolizer/></Rule>");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MapRenderer().render(unitExtent(), Color.WHITE,
            false, List.of(new LayerDraw(s, many)), System.nanoTime() - 1))
        .isInstanceOf(vn.citytwin.core.error.ApiException.class)
        .satisfies(e -> assertThat(((vn.citytwin.core.error.ApiException) e).kind())
            .isEqualTo(vn.citytwin.core.error.ErrorKind.TIMEOUT));
    // a generous deadline renders normally
    BufferedImage img = new MapRenderer().render(unitExtent(), Color.WHITE, false,
        List.of(new LayerDraw(s, many)), System.nanoTime() + 60_000_000_000L);
    assertThat(at(img, 50, 50)).isNotEqualTo(Color.WHITE);
  }

  @Test
  void concurrentRendersGiveIdenticalImages() throws Exception {
    Style s = style(POLY_RULE, """
        <Rule><TextSymbolizer><Label>Phường Rạch Dừa</Label>
          <Font><CssParameter name="font-size">12</CssParameter></Font>
          <Halo><Radius>2</Radius></Halo></TextSymbolizer></Rule>""");
    MapExtent e = new MapExtent(0, 0, 200, 200, 200, 200, false);
    RenderFeature f = feature("POLYGON((20 20, 180 20, 180 180, 20 180, 20 20))");
    BufferedImage reference = render(e, s, f);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<BufferedImage>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> render(e, s, f)));
      }
      for (Future<BufferedImage> fu : futures) {
        BufferedImage img = fu.get();
        for (int y = 0; y < 200; y += 3) {
          for (int x = 0; x < 200; x += 3) {
            assertThat(img.getRGB(x, y)).isEqualTo(reference.getRGB(x, y));
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
