package vn.citytwin.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.query.BBox;

/** KVP lists, versions, output formats and BBOX axis order: table-driven, no server. */
class WfsParsingTest {
  @Test
  void parenthesisedListsGiveOneValuePerQuery() {
    assertThat(KvpLists.perQuery("(name,height)(class)", 2, "propertyName")).containsExactly("name,height", "class");
    assertThat(KvpLists.perQuery("name", 3, "propertyName")).containsExactly("name", "name", "name");
    assertThat(KvpLists.perQuery(null, 2, "sortBy")).containsExactly(null, null);
    assertThatThrownBy(() -> KvpLists.perQuery("(a)(b)(c)", 2, "sortBy")).isInstanceOf(ApiException.class)
        .hasMessageContaining("3 lists for 2 queries");
    assertThatThrownBy(() -> KvpLists.groups("(a)x(b)", "sortBy")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> KvpLists.groups("(a", "sortBy")).isInstanceOf(ApiException.class);
    // filters may contain parentheses in literals: only ")(" before the next element splits them
    List<String> filters = KvpLists.filters("(<Filter><Literal>a(b)c</Literal></Filter>)(<Filter/>)", 2);
    assertThat(filters).containsExactly("<Filter><Literal>a(b)c</Literal></Filter>", "<Filter/>");
    assertThat(KvpLists.items(" a, ,b ")).containsExactly("a", "b");
  }

  @ParameterizedTest
  @CsvSource({"2.0.0, V2_0_0", "2.0.2, V2_0_0", "2.0, V2_0_0", "1.1.0, V1_1_0", "1.1, V1_1_0", "1.0.0, V1_0_0",
      "1.0, V1_0_0"})
  void versions(String text, WfsVersion expected) {
    assertThat(WfsVersion.parse(text)).isEqualTo(expected);
  }

  @Test
  void versionNegotiation() {
    // AcceptVersions: the first listed version that is served
    assertThat(WfsVersion.negotiate("3.0.0,1.1.0", null)).isEqualTo(WfsVersion.V1_1_0);
    assertThat(WfsVersion.negotiate("1.0.0,2.0.0", null)).isEqualTo(WfsVersion.V1_0_0);
    assertThatThrownBy(() -> WfsVersion.negotiate("0.9.0,3.0.0", null)).isInstanceOfSatisfying(
        ApiException.class, e -> assertThat(e.code()).isEqualTo("VersionNegotiationFailed"));
    // VERSION: that one when served, else the highest served below it, else the lowest; none: the highest
    assertThat(WfsVersion.negotiate(null, "1.0.0")).isEqualTo(WfsVersion.V1_0_0);
    assertThat(WfsVersion.negotiate(null, "1.1.0")).isEqualTo(WfsVersion.V1_1_0);
    assertThat(WfsVersion.negotiate(null, "1.5.0")).isEqualTo(WfsVersion.V1_1_0);
    assertThat(WfsVersion.negotiate(null, "2.0.5")).isEqualTo(WfsVersion.V2_0_0);
    assertThat(WfsVersion.negotiate(null, "3.0.0")).isEqualTo(WfsVersion.V2_0_0);
    assertThat(WfsVersion.negotiate(null, "0.9")).isEqualTo(WfsVersion.V1_0_0);
    assertThat(WfsVersion.negotiate(null, "latest")).isEqualTo(WfsVersion.V2_0_0);
    assertThat(WfsVersion.negotiate(null, null)).isEqualTo(WfsVersion.V2_0_0);
    assertThatThrownBy(() -> WfsVersion.parse("0.9.0")).isInstanceOf(ApiException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "|V2_0_0|GML32", "text/xml|V1_1_0|GML31", "application/gml+xml; version=3.2|V1_1_0|GML32",
      "text/xml; subtype=gml/3.1.1|V2_0_0|GML31", "GML2|V2_0_0|GML2", "application/json|V2_0_0|JSON",
      "geojson|V2_0_0|JSON", "text/csv|V1_1_0|CSV", "|V1_0_0|GML2", "text/xml|V1_0_0|GML2", "GML2|V1_0_0|GML2",
      "GML3|V1_0_0|GML31", "json|V1_0_0|JSON", "text/xml; subtype=gml/3.1.1|V1_0_0|GML31",
      "application/json|V1_1_0|JSON", "text/xml; subtype=gml/2.1.2|V1_1_0|GML2"})
  void outputFormats(String name, WfsVersion version, WfsOutputFormat expected) {
    assertThat(WfsOutputFormat.parse(name, version)).isEqualTo(expected);
  }

  @Test
  void kvpBboxAxisOrderFollowsTheCrs() {
    assertThat(WfsQueries.bbox("10.34,107.07,10.35,107.08", WfsVersion.V2_0_0))
        .isEqualTo(new BBox(107.07, 10.34, 107.08, 10.35, 4326));
    assertThat(WfsQueries.bbox("107.07,10.34,107.08,10.35,EPSG:4326", WfsVersion.V2_0_0))
        .isEqualTo(new BBox(107.07, 10.34, 107.08, 10.35, 4326));
    assertThat(WfsQueries.bbox("10.34,107.07,10.35,107.08,http://www.opengis.net/def/crs/EPSG/0/4756",
        WfsVersion.V1_1_0)).isEqualTo(new BBox(107.07, 10.34, 107.08, 10.35, 4756));
    assertThat(WfsQueries.bbox("700000,1140000,710000,1150000,urn:ogc:def:crs:EPSG::3405", WfsVersion.V2_0_0))
        .isEqualTo(new BBox(700000, 1140000, 710000, 1150000, 3405));
    assertThatThrownBy(() -> WfsQueries.bbox("1,2,3", WfsVersion.V2_0_0)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> WfsQueries.bbox("1,2,3,4,EPSG:27700", WfsVersion.V2_0_0))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.locator()).isEqualTo("bbox"));
  }

  @Test
  void srsNamesWritten() {
    var urn = vn.citytwin.features.SupportedCrs.parse("urn:ogc:def:crs:EPSG::4326", "srsName");
    var epsg = vn.citytwin.features.SupportedCrs.parse("EPSG:4326", "srsName");
    var crs84 = vn.citytwin.features.SupportedCrs.parse("CRS:84", "srsName");
    var utm = vn.citytwin.features.SupportedCrs.parse("EPSG:32648", "srsName");
    assertThat(WfsVersion.srsName(urn)).isEqualTo("urn:ogc:def:crs:EPSG::4326");
    assertThat(WfsVersion.srsName(epsg)).isEqualTo("EPSG:4326");
    assertThat(WfsVersion.srsName(crs84)).isEqualTo("EPSG:4326");
    assertThat(WfsVersion.srsName(utm)).isEqualTo("urn:ogc:def:crs:EPSG::32648");
  }
}
