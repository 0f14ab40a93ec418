package vn.citytwin.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.query.BBox;

/** Parameter parsing without a database: versions, CRS and axis order, BBOX, formats, colours, vendor filters. */
class WmsRequestParsingTest {

  @Test
  void capabilitiesVersionNegotiation() {
    assertThat(WmsVersion.negotiate(null)).isEqualTo(WmsVersion.V1_3_0);
    assertThat(WmsVersion.negotiate("1.3.0")).isEqualTo(WmsVersion.V1_3_0);
    assertThat(WmsVersion.negotiate("1.1.1")).isEqualTo(WmsVersion.V1_1_1);
    assertThat(WmsVersion.negotiate("2.0.0")).isEqualTo(WmsVersion.V1_3_0);
    assertThat(WmsVersion.negotiate("1.0.0")).isEqualTo(WmsVersion.V1_1_1);
    assertThat(WmsVersion.negotiate("1.2.0")).isEqualTo(WmsVersion.V1_1_1);
    assertThatThrownBy(() -> WmsVersion.ofRequest("1.2.0")).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).locator()).isEqualTo("VERSION");
  }

  /** The same rectangle written in each version's axis order reads to the same x=east, y=north box. */
  @Test
  void bboxAxisOrderPerVersionAndCrs() {
    record Case(String crs, WmsVersion v, String bbox, double minX, double minY, double maxX, double maxY, int srid) {}
    List<Case> cases = List.of(
        new Case("EPSG:4326", WmsVersion.V1_3_0, "10.3,107.0,10.4,107.1", 107.0, 10.3, 107.1, 10.4, 4326),
        new Case("EPSG:4326", WmsVersion.V1_1_1, "107.0,10.3,107.1,10.4", 107.0, 10.3, 107.1, 10.4, 4326),
        new Case("CRS:84", WmsVersion.V1_3_0, "107.0,10.3,107.1,10.4", 107.0, 10.3, 107.1, 10.4, 4326),
        new Case("EPSG:4756", WmsVersion.V1_3_0, "10.3,107.0,10.4,107.1", 107.0, 10.3, 107.1, 10.4, 4756),
        new Case("EPSG:4756", WmsVersion.V1_1_1, "107.0,10.3,107.1,10.4", 107.0, 10.3, 107.1, 10.4, 4756),
        new Case("EPSG:3857", WmsVersion.V1_3_0, "1000,2000,3000,4000", 1000, 2000, 3000, 4000, 3857),
        new Case("EPSG:900913", WmsVersion.V1_1_1, "1000,2000,3000,4000", 1000, 2000, 3000, 4000, 3857),
        new Case("EPSG:32648", WmsVersion.V1_3_0, "700000,1140000,701000,1141000", 700000, 1140000, 701000, 1141000,
            32648),
        new Case("EPSG:3405", WmsVersion.V1_3_0, "700000,1140000,701000,1141000", 700000, 1140000, 701000, 1141000,
            3405));
    for (Case c : cases) {
      WmsCrs crs = WmsCrs.require(c.crs(), c.v(), "CRS");
      BBox b = MapRequestParser.bbox(c.bbox(), crs, c.v());
      assertThat(b).as(c.crs() + " " + c.v().text()).isEqualTo(new BBox(c.minX(), c.minY(), c.maxX(), c.maxY(),
          c.srid()));
    }
  }

  @Test
  void unknownCrsIsInvalidCrsIn130AndInvalidSrsIn111() {
    ApiException e13 = catchApi(() -> WmsCrs.require("EPSG:2154", WmsVersion.V1_3_0, "CRS"));
    assertThat(WmsErrors.codeOf(e13, WmsVersion.V1_3_0)).isEqualTo("InvalidCRS");
    assertThat(e13.locator()).isEqualTo("CRS");
    ApiException e11 = catchApi(() -> WmsCrs.require("EPSG:2154", WmsVersion.V1_1_1, "SRS"));
    assertThat(WmsErrors.codeOf(e11, WmsVersion.V1_1_1)).isEqualTo("InvalidSRS");
  }

  @Test
  void badBboxes() {
    WmsCrs crs = WmsCrs.EPSG_3857;
    for (String bad : List.of("1,2,3", "1,2,3,x", "3,2,1,4", "1,4,3,2", "1,2,1,4", "1,2,NaN,4")) {
      ApiException e = catchApi(() -> MapRequestParser.bbox(bad, crs, WmsVersion.V1_3_0));
      assertThat(e.locator()).as(bad).isEqualTo("BBOX");
      assertThat(WmsErrors.codeOf(e, WmsVersion.V1_3_0)).isEqualTo("InvalidParameterValue");
    }
  }

  @Test
  void formats() {
    assertThat(ImageFormat.lookup("image/png")).hasValue(ImageFormat.PNG);
    assertThat(ImageFormat.lookup("image/png; mode=8bit")).hasValue(ImageFormat.PNG8);
    assertThat(ImageFormat.lookup("IMAGE/PNG8")).hasValue(ImageFormat.PNG8);
    assertThat(ImageFormat.lookup("image/jpeg")).hasValue(ImageFormat.JPEG);
    assertThat(ImageFormat.lookup("image/gif")).isEmpty();
    assertThat(InfoFormat.lookup("application/json")).hasValue(InfoFormat.JSON);
    assertThat(InfoFormat.lookup("text/html; charset=UTF-8")).hasValue(InfoFormat.HTML);
    assertThat(InfoFormat.lookup("application/vnd.ogc.gml")).hasValue(InfoFormat.GML);
    assertThat(ExceptionFormat.of("application/vnd.ogc.se_inimage")).isEqualTo(ExceptionFormat.INIMAGE);
    assertThat(ExceptionFormat.of("BLANK")).isEqualTo(ExceptionFormat.BLANK);
    assertThat(ExceptionFormat.of(null)).isEqualTo(ExceptionFormat.XML);
  }

  @Test
  void colourAndTransparency() {
    assertThat(MapRequestParser.background(kvp("BGCOLOR", "0x336699"))).isEqualTo(new Color(0x33, 0x66, 0x99));
    assertThat(MapRequestParser.background(kvp())).isEqualTo(Color.WHITE);
    assertThat(catchApi(() -> MapRequestParser.background(kvp("BGCOLOR", "red"))).locator()).isEqualTo("BGCOLOR");
    assertThat(MapRequestParser.transparent(kvp("TRANSPARENT", "true"))).isTrue();
    assertThat(MapRequestParser.transparent(kvp())).isFalse();
    assertThat(catchApi(() -> MapRequestParser.transparent(kvp("TRANSPARENT", "maybe"))).locator())
        .isEqualTo("TRANSPARENT");
  }

  @Test
  void timeErrorsAreInvalidDimensionValue() {
    ApiException e = catchApi(() -> MapRequestParser.time(kvp("TIME", "yesterday")));
    assertThat(WmsErrors.codeOf(e, WmsVersion.V1_3_0)).isEqualTo("InvalidDimensionValue");
    assertThat(MapRequestParser.time(kvp("TIME", "2022-10-20")).ranges().get(0).start())
        .hasToString("2022-10-20T00:00:00Z");
    for (String bad : List.of("2022-13-01", "a/b", "2024-01-01/2023-01-01", "2022-10-20,", ",2022", "2022-13",
        "2022/2023/1D", "current/2024", "2022/2023/P1D/x")) {
      ApiException err = catchApi(() -> MapRequestParser.time(kvp("TIME", bad)));
      assertThat(WmsErrors.codeOf(err, WmsVersion.V1_3_0)).as(bad).isEqualTo("InvalidDimensionValue");
      assertThat(WmsErrors.codeOf(err, WmsVersion.V1_1_1)).as(bad).isEqualTo("InvalidDimensionValue");
      assertThat(err.locator()).as(bad).isEqualTo("TIME");
    }
    assertThat(MapRequestParser.time(kvp())).as("TIME absent: every time, no default").isNull();
    assertThat(MapRequestParser.time(kvp("TIME", " "))).as("blank is absent, as for every KVP").isNull();
  }

  @Test
  void cqlFilterSplitsOnSemicolonsOutsideQuotes() {
    assertThat(VendorFilters.splitCql("a = 1;b = 'x;y';c = \"p;q\""))
        .containsExactly("a = 1", "b = 'x;y'", "c = \"p;q\"");
    assertThat(VendorFilters.splitCql("name = 'it''s;here'")).containsExactly("name = 'it''s;here'");
    assertThat(VendorFilters.parse(kvp("CQL_FILTER", "height > 10"), 3)).hasSize(3).doesNotContainNull();
    assertThat(VendorFilters.parse(kvp("CQL_FILTER", "INCLUDE;height > 10"), 2)).first().isNull();
    ApiException e = catchApi(() -> VendorFilters.parse(kvp("CQL_FILTER", "a=1;b=2"), 3));
    assertThat(e.locator()).isEqualTo("CQL_FILTER");
    ApiException bad = catchApi(() -> VendorFilters.parse(kvp("CQL_FILTER", "height >>> 3"), 1));
    assertThat(bad.locator()).isEqualTo("CQL_FILTER");
  }

  @Test
  void feFilterListsSplitOnTheirParentheses() {
    String f1 = "<Filter><PropertyIsEqualTo><PropertyName>name</PropertyName><Literal>a (b)</Literal>"
        + "</PropertyIsEqualTo></Filter>";
    String f2 = "<Filter><PropertyIsGreaterThan><PropertyName>height</PropertyName><Literal>3</Literal>"
        + "</PropertyIsGreaterThan></Filter>";
    assertThat(VendorFilters.splitXml("(" + f1 + ")(" + f2 + ")")).containsExactly(f1, f2);
    assertThat(VendorFilters.splitXml(f1)).containsExactly(f1);
    assertThat(VendorFilters.splitXml("()(" + f2 + ")")).containsExactly("", f2);
    assertThat(VendorFilters.parse(kvp("FILTER", "(" + f1 + ")(" + f2 + ")"), 2)).doesNotContainNull();
    assertThat(catchApi(() -> VendorFilters.parse(kvp("FILTER", f1, "CQL_FILTER", "a=1"), 1)).locator())
        .isEqualTo("FILTER");
  }

  @Test
  void exceptionReportsAreValid() {
    String v13 = ServiceExceptionWriter.write(WmsVersion.V1_3_0, "InvalidCRS", "CRS", "CRS <x> & more");
    assertThat(WmsSchemas.exceptions130(v13)).isEmpty();
    assertThat(v13).contains("code=\"InvalidCRS\"").contains("locator=\"CRS\"").contains("CRS &lt;x&gt; &amp; more");
    String v11 = ServiceExceptionWriter.write(WmsVersion.V1_1_1, "InvalidSRS", "SRS", "bad");
    assertThat(WmsSchemas.dtd111(v11)).isEmpty();
    assertThat(v11).doesNotContain("locator");
    // and the validators do catch a broken document
    assertThat(WmsSchemas.exceptions130(v13.replace("ServiceException ", "ServiceExceptio "))).isNotEmpty();
    assertThat(WmsSchemas.dtd111(v11.replace("version=\"1.1.1\"", "version=\"1.1.1\" foo=\"x\""))).isNotEmpty();
  }

  private static KvpParams kvp(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return KvpParams.of(m);
  }

  private static ApiException catchApi(Runnable r) {
    try {
      r.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected an ApiException");
  }
}
