package vn.citytwin.render.legend;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.citytwin.render.TestMaps;
import vn.citytwin.render.style.Style;

class LegendRendererTest {
  private static final Style STYLE = TestMaps.style("""
      <Rule><Title>Công viên</Title>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#aad3a0</CssParameter></Fill></PolygonSymbolizer></Rule>
      <Rule><Title>Đường chính</Title>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#e89030</CssParameter>
          <CssParameter name="stroke-width">4</CssParameter></Stroke></LineSymbolizer></Rule>
      <Rule><Title>Bệnh viện</Title><MaxScaleDenominator>20000</MaxScaleDenominator>
        <PointSymbolizer><Graphic><Mark><WellKnownName>cross</WellKnownName>
          <Fill><CssParameter name="fill">#d03030</CssParameter></Fill></Mark><Size>40</Size></Graphic>
        </PointSymbolizer></Rule>""");

  @Test
  void oneRowPerRuleWithANonBlankIcon() {
    BufferedImage img = new LegendRenderer().legend(STYLE, 20, 20, null);
    assertThat(LegendRow.of(STYLE, null)).hasSize(3);
    int rowH = 20 + 3;
    // rows of at least icon height: image is PAD*2 + 3 rows (text may be taller than 20)
    assertThat(img.getHeight()).isGreaterThanOrEqualTo(8 + 3 * 20 + 2 * 3);
    int rowTop = 4;
    int textRow = img.getHeight() - 8;
    int realRowH = (textRow - 2 * 3) / 3;
    for (int row = 0; row < 3; row++) {
      int y0 = rowTop + row * (realRowH + 3);
      int inIcon = TestMaps.nonBackground(img, 4, y0, 24, y0 + realRowH, Color.WHITE);
      assertThat(inIcon).as("icon of row %d", row).isGreaterThan(10);
      int inText = TestMaps.nonBackground(img, 30, y0, img.getWidth(), y0 + realRowH, Color.WHITE);
      assertThat(inText).as("title of row %d", row).isGreaterThan(10);
    }
    assertThat(rowH).isPositive();
    // the polygon icon shows the fill colour, the line icon the stroke colour
    assertThat(TestMaps.count(img, 4, 4, 24, 4 + realRowH, new Color(0xaad3a0), 2)).isGreaterThan(100);
    assertThat(TestMaps.count(img, 4, 4 + realRowH + 3, 24, 4 + 2 * realRowH + 3, new Color(0xe89030), 2))
        .isGreaterThan(30);
  }

  @Test
  void scaleLimitsTheRowsAndTitleAddsHeight() {
    assertThat(LegendRow.of(STYLE, 50000.0)).hasSize(2);
    BufferedImage plain = new LegendRenderer().legend(STYLE, LegendOptions.defaults().withScale(50000.0));
    BufferedImage titled = new LegendRenderer().legend(STYLE,
        LegendOptions.defaults().withScale(50000.0).withTitle("Bản đồ Vũng Tàu"));
    assertThat(titled.getHeight()).isGreaterThan(plain.getHeight());
  }

  @Test
  void rulesSharingATitleAcrossFeatureTypeStylesAreOneRow() {
    Style roads = TestMaps.style("""
        <Rule><Title>Đường chính</Title><LineSymbolizer><Stroke>
          <CssParameter name="stroke">#000000</CssParameter><CssParameter name="stroke-width">8</CssParameter>
          </Stroke></LineSymbolizer></Rule>""", """
        <Rule><Title>Đường chính</Title><LineSymbolizer><Stroke>
          <CssParameter name="stroke">#ffcc00</CssParameter><CssParameter name="stroke-width">4</CssParameter>
          </Stroke></LineSymbolizer></Rule>""");
    assertThat(LegendRow.of(roads, null)).hasSize(1);
    assertThat(LegendRow.of(roads, null).get(0).rules()).hasSize(2);
    BufferedImage img = new LegendRenderer().legend(roads, 20, 20, null);
    // casing (black) above and below the yellow fill in the icon's middle column
    int mid = 4 + (img.getHeight() - 8) / 2;
    assertThat(TestMaps.count(img, 10, mid - 1, 14, mid + 1, new Color(0xffcc00), 10)).isPositive();
    assertThat(TestMaps.count(img, 10, mid - 4, 14, mid - 2, Color.BLACK, 30)).isPositive();
  }

  @Test
  void transparentLegendHasClearBackground() {
    BufferedImage img = new LegendRenderer().legend(STYLE, LegendOptions.defaults().withTransparent(true));
    assertThat(img.getRGB(img.getWidth() - 1, img.getHeight() - 1) >>> 24).isZero();
  }
}
