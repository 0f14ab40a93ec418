package vn.citytwin.render.label;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.render.TestMaps.count;
import static vn.citytwin.render.TestMaps.feature;
import static vn.citytwin.render.TestMaps.nonBackground;
import static vn.citytwin.render.TestMaps.render;
import static vn.citytwin.render.TestMaps.style;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citytwin.render.MapExtent;
import vn.citytwin.render.style.Style;

class LabelRenderingTest {
  private static final Color TEXT = new Color(0xcc0000);
  private static final MapExtent EXTENT = new MapExtent(0, 0, 300, 200, 300, 200, false);

  private static Style pointLabels(String extra) {
    return style("""
        <Rule><TextSymbolizer>
          <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
          <Font><CssParameter name="font-family">Noto Sans</CssParameter>
            <CssParameter name="font-size">16</CssParameter></Font>
          <LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX>
            <AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement>
          <Fill><CssParameter name="fill">#cc0000</CssParameter></Fill>
          """ + extra + """
        </TextSymbolizer></Rule>""");
  }

  @Test
  void labelDrawnAroundItsAnchor() {
    BufferedImage img = render(EXTENT, pointLabels(""), feature("POINT(150 100)", "name", "Bãi Sau"));
    // text pixels near the anchor, pixel (150, 100)
    assertThat(count(img, 110, 85, 190, 115, TEXT, 40)).isGreaterThan(30);
    assertThat(nonBackground(img, 0, 0, 80, 200, Color.WHITE)).isZero();
  }

  @Test
  void displacementMovesTheLabelUp() {
    BufferedImage img = render(EXTENT, style("""
        <Rule><TextSymbolizer><Label>Chợ</Label>
          <Font><CssParameter name="font-size">16</CssParameter></Font>
          <LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX>
            <AnchorPointY>0</AnchorPointY></AnchorPoint>
            <Displacement><DisplacementX>0</DisplacementX><DisplacementY>40</DisplacementY></Displacement>
          </PointPlacement></LabelPlacement>
          <Fill><CssParameter name="fill">#cc0000</CssParameter></Fill></TextSymbolizer></Rule>"""),
        feature("POINT(150 100)"));
    // bottom of the text 40 px above the point: everything between y 40 and 60
    assertThat(count(img, 120, 35, 180, 61, TEXT, 40)).isGreaterThan(20);
    assertThat(count(img, 0, 61, 300, 200, TEXT, 40)).isZero();
  }

  @Test
  void haloSurroundsTheText() {
    BufferedImage img = render(EXTENT, pointLabels("""
        <Halo><Radius>3</Radius><Fill><CssParameter name="fill">#00ff00</CssParameter></Fill></Halo>"""),
        feature("POINT(150 100)", "name", "Vũng Tàu"));
    assertThat(count(img, 100, 80, 200, 120, new Color(0x00ff00), 10)).isGreaterThan(50);
    assertThat(count(img, 100, 80, 200, 120, TEXT, 40)).isGreaterThan(30);
  }

  @Test
  void overlappingLabelsOnlyOneDrawn() {
    Style s = pointLabels("");
    BufferedImage one = render(EXTENT, s, feature("POINT(150 100)", "name", "Thùy Vân"));
    BufferedImage two = render(EXTENT, s, feature("POINT(150 100)", "name", "Thùy Vân"),
        feature("POINT(155 102)", "name", "Thùy Vân"));
    int n1 = count(one, 0, 0, 300, 200, TEXT, 40);
    int n2 = count(two, 0, 0, 300, 200, TEXT, 40);
    assertThat(n1).isGreaterThan(30);
    // a second, shifted copy would add many new text pixels
    assertThat(Math.abs(n2 - n1)).isLessThan(n1 / 10 + 1);
  }

  @Test
  void higherPriorityWinsTheConflict() {
    Style s = style("""
        <Rule><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label>
          <Font><CssParameter name="font-size">16</CssParameter></Font>
          <Fill><CssParameter name="fill"><ogc:PropertyName>color</ogc:PropertyName></CssParameter></Fill>
          <Priority><ogc:PropertyName>rank</ogc:PropertyName></Priority>
        </TextSymbolizer></Rule>""");
    BufferedImage img = render(EXTENT, s,
        feature("POINT(150 100)", "name", "Thấp", "color", "#0000ff", "rank", 1),
        feature("POINT(152 100)", "name", "Cao", "color", "#cc0000", "rank", 50));
    assertThat(count(img, 0, 0, 300, 200, TEXT, 40)).isGreaterThan(20);
    assertThat(count(img, 0, 0, 300, 200, new Color(0x0000ff), 40)).isZero();
  }

  @Test
  void spaceAroundKeepsNearbyLabelsApart() {
    Style tight = pointLabels("");
    Style spaced = pointLabels("<VendorOption name=\"spaceAround\">30</VendorOption>");
    // two labels 30 px apart vertically: they fit without spaceAround, not with it
    var a = feature("POINT(150 120)", "name", "Một");
    var b = feature("POINT(150 90)", "name", "Hai");
    int both = count(render(EXTENT, tight, a, b), 0, 0, 300, 200, TEXT, 40);
    int single = count(render(EXTENT, spaced, a, b), 0, 0, 300, 200, TEXT, 40);
    assertThat(single).isLessThan(both * 3 / 4);
    assertThat(single).isGreaterThan(10);
  }

  @Test
  void lineLabelFollowsTheLineAndReadsLeftToRight() {
    Style s = style("""
        <Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#dddddd</CssParameter></Stroke></LineSymbolizer>
        <TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label>
          <Font><CssParameter name="font-size">14</CssParameter></Font>
          <LabelPlacement><LinePlacement/></LabelPlacement>
          <Fill><CssParameter name="fill">#cc0000</CssParameter></Fill>
          <VendorOption name="followLine">true</VendorOption>
        </TextSymbolizer></Rule>""");
    // drawn east to west: the label must still read left to right, i.e. look the same as west to east
    BufferedImage ew = render(EXTENT, s, feature("LINESTRING(290 100, 10 100)", "name", "Đường Lê Lợi"));
    BufferedImage we = render(EXTENT, s, feature("LINESTRING(10 100, 290 100)", "name", "Đường Lê Lợi"));
    int total = count(we, 0, 0, 300, 200, TEXT, 40);
    assertThat(total).isGreaterThan(40);
    // the text straddles the line (pixel row 100)
    assertThat(count(we, 0, 88, 300, 112, TEXT, 40)).isEqualTo(total);
    int same = 0;
    for (int y = 85; y < 115; y++) {
      for (int x = 0; x < 300; x++) {
        if (ew.getRGB(x, y) == we.getRGB(x, y)) {
          same++;
        }
      }
    }
    assertThat(same).isGreaterThan(30 * 300 - 20);
  }

  @Test
  void lineTooShortForItsLabelGetsNone() {
    Style s = style("""
        <Rule><TextSymbolizer><Label>Đường Nguyễn An Ninh</Label>
          <Font><CssParameter name="font-size">14</CssParameter></Font>
          <LabelPlacement><LinePlacement/></LabelPlacement>
          <Fill><CssParameter name="fill">#cc0000</CssParameter></Fill></TextSymbolizer></Rule>""");
    BufferedImage img = render(EXTENT, s, feature("LINESTRING(140 100, 170 100)"));
    assertThat(count(img, 0, 0, 300, 200, TEXT, 40)).isZero();
  }

  @Test
  void rotatedLineLabelOnDiagonal() {
    Style s = style("""
        <Rule><TextSymbolizer><Label>Võ Thị Sáu</Label>
          <Font><CssParameter name="font-size">14</CssParameter></Font>
          <LabelPlacement><LinePlacement/></LabelPlacement>
          <Fill><CssParameter name="fill">#cc0000</CssParameter></Fill></TextSymbolizer></Rule>""");
    BufferedImage img = render(EXTENT, s, feature("LINESTRING(50 20, 250 180)"));
    // text pixels lie close to the diagonal: pixel y = 200 - (20 + (x-50)*0.8)
    int near = 0;
    int far = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        if (count(img, x, y, x + 1, y + 1, TEXT, 40) == 1) {
          double lineY = 200 - (20 + (x - 50) * 0.8);
          if (Math.abs(y - lineY) < 14) {
            near++;
          } else {
            far++;
          }
        }
      }
    }
    assertThat(near).isGreaterThan(40);
    assertThat(far).isZero();
  }

  @Test
  void vietnameseTextGetsAFontThatShowsEveryCharacter() {
    String text = "Phường Rạch Dừa";
    Font f = FontResolver.system().resolve(List.of("Arial"), Font.PLAIN, 14, text);
    assertThat(f.canDisplayUpTo(text)).isEqualTo(-1);
    Font bold = FontResolver.system().resolve(List.of("sans-serif"), Font.BOLD, 14, text);
    assertThat(bold.canDisplayUpTo(text)).isEqualTo(-1);
    assertThat(bold.isBold()).isTrue();
    // a family that does not exist falls back to one that has the glyphs
    Font missing = FontResolver.system().resolve(List.of("No Such Family"), Font.PLAIN, 14, text);
    assertThat(missing.canDisplayUpTo(text)).isEqualTo(-1);
    assertThat(missing.getSize2D()).isEqualTo(14f);
  }

  @Test
  void vietnameseLabelRendersItsDiacritics() {
    BufferedImage plain = render(EXTENT, pointLabels(""), feature("POINT(150 100)", "name", "Phuong Rach Dua"));
    BufferedImage marked = render(EXTENT, pointLabels(""), feature("POINT(150 100)", "name", "Phường Rạch Dừa"));
    // the diacritics (horns, dots below, grave accent) add ink
    assertThat(count(marked, 0, 0, 300, 200, TEXT, 40)).isGreaterThan(count(plain, 0, 0, 300, 200, TEXT, 40));
  }
}
