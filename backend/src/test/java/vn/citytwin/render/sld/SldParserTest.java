package vn.citytwin.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.render.TestMaps;
import vn.citytwin.render.style.Concatenation;
import vn.citytwin.render.style.ExternalGraphic;
import vn.citytwin.render.style.Graphic;
import vn.citytwin.render.style.LinePlacement;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.Mark;
import vn.citytwin.render.style.PointSymbolizer;
import vn.citytwin.render.style.PolygonSymbolizer;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.StyledLayerDescriptor;
import vn.citytwin.render.style.TextSymbolizer;
import vn.citytwin.render.style.Uom;
import vn.citytwin.render.style.Values;
import vn.citytwin.render.style.WellKnownMark;

class SldParserTest {
  private static final Function<String, Object> NONE = k -> null;

  @Test
  void readsSld10RulesScalesAndCssParameters() {
    Style s = TestMaps.style("""
        <Rule><Name>r1</Name><Title>Khu dân cư</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>class</ogc:PropertyName>
            <ogc:Literal>residential</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <MinScaleDenominator>1000</MinScaleDenominator><MaxScaleDenominator>50000</MaxScaleDenominator>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#f2dad9</CssParameter>
            <CssParameter name="fill-opacity">0.5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#c0a0a0</CssParameter>
            <CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule><Title>Khác</Title><ElseFilter/>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#eeeeee</CssParameter></Fill></PolygonSymbolizer>
        </Rule>""");
    assertThat(s.warnings()).isEmpty();
    assertThat(s.title()).isEqualTo("Test");
    Rule r = s.featureTypeStyles().get(0).rules().get(0);
    assertThat(r.name()).isEqualTo("r1");
    assertThat(r.title()).isEqualTo("Khu dân cư");
    assertThat(r.minScaleDenominator()).isEqualTo(1000);
    assertThat(r.maxScaleDenominator()).isEqualTo(50000);
    assertThat(r.activeAt(1000)).isTrue();
    assertThat(r.activeAt(50000)).isFalse();
    assertThat(r.filter().test(k -> k.equals("class") ? "residential" : null, null)).isTrue();
    assertThat(r.filter().test(k -> k.equals("class") ? "port" : null, null)).isFalse();
    PolygonSymbolizer p = (PolygonSymbolizer) r.symbolizers().get(0);
    assertThat(Values.color(p.fill().color(), NONE, null)).isEqualTo(new java.awt.Color(0xf2dad9));
    assertThat(Values.number(p.fill().opacity(), NONE, 1)).isEqualTo(0.5);
    assertThat(Values.number(p.stroke().width(), NONE, 1)).isEqualTo(0.5);
    Rule other = s.featureTypeStyles().get(0).rules().get(1);
    assertThat(other.elseFilter()).isTrue();
    assertThat(other.filter()).isNull();
    assertThat(s.referencedProperties()).containsExactly("class");
  }

  @Test
  void readsSe11WithSvgParametersDescriptionAndUom() {
    Style s = SldParser.parse("""
        <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld"
            xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc">
          <NamedLayer><se:Name>roads</se:Name><UserStyle><se:Name>roads</se:Name>
            <se:Description><se:Title>Đường</se:Title></se:Description>
            <se:FeatureTypeStyle><se:Rule><se:Name>main</se:Name>
              <se:Description><se:Title>Đường chính</se:Title></se:Description>
              <se:LineSymbolizer uom="http://www.opengeospatial.org/se/units/metre">
                <se:Stroke><se:SvgParameter name="stroke">#ffffff</se:SvgParameter>
                  <se:SvgParameter name="stroke-width">12</se:SvgParameter>
                  <se:SvgParameter name="stroke-linecap">round</se:SvgParameter></se:Stroke>
                <se:PerpendicularOffset>2</se:PerpendicularOffset>
              </se:LineSymbolizer>
              <se:TextSymbolizer>
                <se:Label><ogc:PropertyName>name</ogc:PropertyName> (<ogc:PropertyName>lanes</ogc:PropertyName>)</se:Label>
                <se:LabelPlacement><se:LinePlacement><se:IsRepeated>true</se:IsRepeated><se:Gap>200</se:Gap>
                </se:LinePlacement></se:LabelPlacement>
              </se:TextSymbolizer>
            </se:Rule></se:FeatureTypeStyle>
          </UserStyle></NamedLayer></StyledLayerDescriptor>""", "roads.sld");
    assertThat(s.warnings()).isEmpty();
    assertThat(s.title()).isEqualTo("Đường");
    Rule r = s.featureTypeStyles().get(0).rules().get(0);
    assertThat(r.title()).isEqualTo("Đường chính");
    LineSymbolizer l = (LineSymbolizer) r.symbolizers().get(0);
    assertThat(l.uom()).isEqualTo(Uom.METRE);
    assertThat(Values.number(l.perpendicularOffset(), NONE, 0)).isEqualTo(2);
    TextSymbolizer t = (TextSymbolizer) r.symbolizers().get(1);
    assertThat(t.label()).isInstanceOf(Concatenation.class);
    Function<String, Object> props = k -> switch (k) {
      case "name" -> "Thùy Vân";
      case "lanes" -> 4;
      default -> null;
    };
    assertThat(t.label().evaluate(props)).isEqualTo("Thùy Vân (4)");
    assertThat(t.placement()).isInstanceOf(LinePlacement.class);
    assertThat(t.options().repeat()).isEqualTo(200);
    assertThat(s.referencedProperties()).containsExactlyInAnyOrder("name", "lanes");
  }

  @Test
  void unsupportedElementsAreWarnedWithTheirNames() {
    Style s = TestMaps.style("""
        <Rule><LineSymbolizer><Stroke><GraphicStroke><Graphic/></GraphicStroke>
          <CssParameter name="stroke-frobnicate">1</CssParameter></Stroke></LineSymbolizer>
          <RasterSymbolizer/>
          <TextSymbolizer><Label>x</Label><VendorOption name="goodnessOfFit">0.3</VendorOption></TextSymbolizer>
          <Banana/>
        </Rule>""");
    assertThat(s.warnings()).hasSize(5);
    assertThat(s.warnings()).anyMatch(w -> w.contains("GraphicStroke"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("stroke-frobnicate"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("RasterSymbolizer"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("goodnessOfFit"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("Banana"));
    assertThat(s.warnings()).allMatch(w -> w.startsWith("test.sld: "));
    // the supported parts are still there
    assertThat(s.featureTypeStyles().get(0).rules().get(0).symbolizers()).hasSize(2);
  }

  @Test
  void unknownFunctionAndMarkAreWarned() {
    Style s = TestMaps.style("""
        <Rule><PointSymbolizer><Graphic><Mark><WellKnownName>shape://vertline</WellKnownName></Mark>
          <Size><ogc:Function name="sqrt"><ogc:PropertyName>beds</ogc:PropertyName></ogc:Function></Size>
        </Graphic></PointSymbolizer></Rule>""");
    assertThat(s.warnings()).anyMatch(w -> w.contains("shape://vertline"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("sqrt"));
  }

  @Test
  void ruleWithAnUnreadableFilterIsDroppedWithAWarning() {
    Style s = TestMaps.style("""
        <Rule><ogc:Filter><ogc:PropertyIsFrobnicated/></ogc:Filter>
          <PolygonSymbolizer/></Rule>
        <Rule><PolygonSymbolizer/></Rule>""");
    assertThat(s.featureTypeStyles().get(0).rules()).hasSize(1);
    assertThat(s.warnings()).anyMatch(w -> w.contains("filter"));
  }

  @Test
  void marksAndFunctionsAndVendorOptions() {
    Style s = TestMaps.style("""
        <Rule><PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName>
          <Fill><CssParameter name="fill">#ffcc00</CssParameter></Fill></Mark>
          <Size><ogc:Function name="Categorize"><ogc:PropertyName>depth_cm</ogc:PropertyName>
            <ogc:Literal>8</ogc:Literal><ogc:Literal>20</ogc:Literal><ogc:Literal>14</ogc:Literal>
            <ogc:Literal>50</ogc:Literal><ogc:Literal>22</ogc:Literal></ogc:Function></Size>
          <Rotation><ogc:Mul><ogc:PropertyName>heading</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:Mul>
          </Rotation></Graphic></PointSymbolizer>
          <TextSymbolizer><Label><ogc:Function name="strToUpperCase"><ogc:PropertyName>name</ogc:PropertyName>
            </ogc:Function></Label>
            <VendorOption name="group">yes</VendorOption><VendorOption name="spaceAround">5</VendorOption>
            <VendorOption name="followLine">true</VendorOption><VendorOption name="maxAngleDelta">30</VendorOption>
            <VendorOption name="priority">200</VendorOption></TextSymbolizer></Rule>""");
    assertThat(s.warnings()).isEmpty();
    PointSymbolizer p = (PointSymbolizer) s.featureTypeStyles().get(0).rules().get(0).symbolizers().get(0);
    Graphic g = p.graphic();
    assertThat(((Mark) g.symbols().get(0)).shape()).isEqualTo(WellKnownMark.STAR);
    assertThat(Values.number(g.size(), k -> 5, 0)).isEqualTo(8);
    assertThat(Values.number(g.size(), k -> 30, 0)).isEqualTo(14);
    assertThat(Values.number(g.size(), k -> 80, 0)).isEqualTo(22);
    assertThat(Values.number(g.rotation(), k -> 45, 0)).isEqualTo(90);
    TextSymbolizer t = (TextSymbolizer) s.featureTypeStyles().get(0).rules().get(0).symbolizers().get(1);
    assertThat(t.label().evaluate(k -> "Bãi Sau")).isEqualTo("BÃI SAU");
    assertThat(t.options().group()).isTrue();
    assertThat(t.options().spaceAround()).isEqualTo(5);
    assertThat(t.options().followLine()).isTrue();
    assertThat(t.options().maxAngleDelta()).isEqualTo(30);
    assertThat(Values.number(t.options().priority(), NONE, 0)).isEqualTo(200);
    assertThat(s.referencedProperties()).containsExactlyInAnyOrder("depth_cm", "heading", "name");
  }

  @Test
  void externalGraphicLoadsFromTheStylesDirectoryAndRefusesEscapes(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("icons"));
    Files.writeString(dir.resolve("icons/dot.svg"), """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#f00"/></svg>""");
    Files.writeString(dir.getParent().resolve("secret.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    String sld = TestMaps.sld10("""
        <Rule><PointSymbolizer><Graphic><ExternalGraphic>
          <OnlineResource xlink:type="simple" xlink:href="icons/dot.svg"/><Format>image/svg+xml</Format>
        </ExternalGraphic></Graphic></PointSymbolizer>
        <PointSymbolizer><Graphic><ExternalGraphic>
          <OnlineResource xlink:type="simple" xlink:href="../secret.svg"/><Format>image/svg+xml</Format>
        </ExternalGraphic></Graphic></PointSymbolizer>
        <PointSymbolizer><Graphic><ExternalGraphic>
          <OnlineResource xlink:type="simple" xlink:href="http://example.com/x.png"/><Format>image/png</Format>
        </ExternalGraphic></Graphic></PointSymbolizer></Rule>""");
    Style s = SldParser.withResources(StyleResources.directory(dir))
        .read(new java.io.ByteArrayInputStream(sld.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "x.sld");
    var syms = s.featureTypeStyles().get(0).rules().get(0).symbolizers();
    assertThat(((PointSymbolizer) syms.get(0)).graphic().symbols().get(0)).isInstanceOf(ExternalGraphic.class);
    assertThat(((PointSymbolizer) syms.get(1)).graphic().symbols()).isEmpty();
    assertThat(((PointSymbolizer) syms.get(2)).graphic().symbols()).isEmpty();
    assertThat(s.warnings()).hasSize(2);
    assertThat(s.warnings()).anyMatch(w -> w.contains("../secret.svg") && w.contains("escapes"));
    assertThat(s.warnings()).anyMatch(w -> w.contains("remote"));
  }

  @Test
  void doctypeAndExternalEntitiesAreRefused() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <StyledLayerDescriptor xmlns="http://www.opengis.net/sld"><NamedLayer><Name>&e;</Name></NamedLayer>
        </StyledLayerDescriptor>""";
    assertThatThrownBy(() -> SldParser.parse(xxe, "SLD_BODY"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> {
          assertThat(((ApiException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAMETER);
          assertThat(((ApiException) e).locator()).isEqualTo("SLD_BODY");
          assertThat(e.getMessage()).doesNotContain("root:");
        });
  }

  @Test
  void notAnSldIsAnInvalidParameter() {
    assertThatThrownBy(() -> SldParser.parse("<html/>", "SLD_BODY")).isInstanceOf(ApiException.class)
        .hasMessageContaining("StyledLayerDescriptor");
    assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor", "SLD_BODY"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void documentWithSeveralLayersAndTheDefaultStyle() {
    StyledLayerDescriptor d = SldParser.withResources(StyleResources.classpath()).readDocument(
        new java.io.ByteArrayInputStream("""
        <StyledLayerDescriptor xmlns="http://www.opengis.net/sld">
          <NamedLayer><Name>a</Name>
            <UserStyle><Name>first</Name><FeatureTypeStyle/></UserStyle>
            <UserStyle><Name>second</Name><IsDefault>1</IsDefault><FeatureTypeStyle/></UserStyle>
          </NamedLayer>
          <NamedLayer><Name>b</Name><UserStyle><Name>b1</Name></UserStyle></NamedLayer>
        </StyledLayerDescriptor>""".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "multi.sld");
    assertThat(d.layers()).hasSize(2);
    assertThat(d.layers().get(0).defaultStyle().name()).isEqualTo("second");
    assertThat(d.layers().get(1).name()).isEqualTo("b");
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void pointSymbolizerDefaultsToAGreySquare() {
    Style s = TestMaps.style("<Rule><PointSymbolizer/><LineSymbolizer/></Rule>");
    assertThat(s.warnings()).isEmpty();
    assertThat(((PointSymbolizer) s.featureTypeStyles().get(0).rules().get(0).symbolizers().get(0)).graphic()
        .symbols()).isEmpty();
  }
}
