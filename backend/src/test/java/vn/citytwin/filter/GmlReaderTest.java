package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.io.WKTWriter;
import org.w3c.dom.Element;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.xml.SecureXml;

/**
 * The public GML entry point, as WFS-T Insert and Update use it: a geometry element of a request document, a default
 * CRS for a geometry without srsName, and errors with the caller's locator and the element's line and column.
 */
class GmlReaderTest {
  private static final String GML32 = "http://www.opengis.net/gml/3.2";
  /** The WFS feature types' default CRS: EPSG axis order, latitude first. */
  private static final CrsName WFS_DEFAULT = CrsName.lookup("urn:ogc:def:crs:EPSG::4326").orElseThrow();

  /** The first gml:* element of a transaction-like document parsed the way WFS parses request bodies. */
  private static Element geometry(String gml) {
    String doc = "<wfs:Insert xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:gml=\"" + GML32 + "\""
        + " xmlns:citytwin=\"https://citytwin.vn/features\"><citytwin:buildings>\n<citytwin:geom>" + gml
        + "</citytwin:geom></citytwin:buildings></wfs:Insert>";
    Element geom = (Element) SecureXml.parse(doc, "Transaction").getDocumentElement()
        .getElementsByTagNameNS("https://citytwin.vn/features", "geom").item(0);
    return Dom.children(geom).get(0);
  }

  private static String wkt(GeometryLiteral g) {
    return new WKTWriter().write(g.geometry()) + " @" + g.srid();
  }

  private static final String SQUARE = "10.35 107.08 10.35 107.09 10.36 107.09 10.36 107.08 10.35 107.08";
  private static final String SQUARE_XY = "POLYGON ((107.08 10.35, 107.09 10.35, 107.09 10.36, 107.08 10.36,"
      + " 107.08 10.35)) @4326";

  private static String polygon(String srsAttr, String posList) {
    return "<gml:Polygon gml:id=\"p1\"" + srsAttr + "><gml:exterior><gml:LinearRing><gml:posList>" + posList
        + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
  }

  static Stream<Arguments> axisOrder() {
    String swappedSquare = "107.08 10.35 107.08 10.36 107.09 10.36 107.09 10.35 107.08 10.35";
    return Stream.of(
        // the srsName on the geometry decides: URN latitude first, EPSG:4326 longitude first
        Arguments.of(polygon(" srsName=\"urn:ogc:def:crs:EPSG::4326\"", SQUARE), CrsName.CRS84, SQUARE_XY),
        Arguments.of(polygon(" srsName=\"EPSG:4326\"", swappedSquare), WFS_DEFAULT,
            "POLYGON ((107.08 10.35, 107.08 10.36, 107.09 10.36, 107.09 10.35, 107.08 10.35)) @4326"),
        // without srsName the default decides, in both spellings
        Arguments.of(polygon("", SQUARE), WFS_DEFAULT, SQUARE_XY),
        Arguments.of(polygon("", swappedSquare), CrsName.lookup("EPSG:4326").orElseThrow(),
            "POLYGON ((107.08 10.35, 107.08 10.36, 107.09 10.36, 107.09 10.35, 107.08 10.35)) @4326"),
        Arguments.of("<gml:Point><gml:pos>10.35 107.08</gml:pos></gml:Point>", WFS_DEFAULT, "POINT (107.08 10.35) @4326"),
        Arguments.of("<gml:Point><gml:pos>10.35 107.08</gml:pos></gml:Point>", CrsName.CRS84,
            "POINT (10.35 107.08) @4326"),
        Arguments.of("<gml:Envelope><gml:lowerCorner>10.34 107.07</gml:lowerCorner><gml:upperCorner>10.345 107.075"
            + "</gml:upperCorner></gml:Envelope>", WFS_DEFAULT,
            "POLYGON ((107.07 10.34, 107.07 10.345, 107.075 10.345, 107.075 10.34, 107.07 10.34)) @4326"),
        // a projected default: no swap, its SRID kept
        Arguments.of("<gml:LineString><gml:posList>700000 1145000 700100 1145100</gml:posList></gml:LineString>",
            CrsName.lookup("urn:ogc:def:crs:EPSG::3405").orElseThrow(),
            "LINESTRING (700000 1145000, 700100 1145100) @3405"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("axisOrder")
  void readsAxisOrderFromSrsNameElseTheDefault(String gml, CrsName defaultCrs, String expected) {
    GeometryLiteral g = GmlReader.read(geometry(gml), defaultCrs, "geom");
    assertThat(wkt(g)).isEqualTo(expected);
    assertThat(g.geometry().getSRID()).isEqualTo(g.srid());
  }

  @Test
  void doesNotChangeTheElement() {
    Element e = geometry(polygon("", SQUARE));
    GmlReader.read(e, WFS_DEFAULT, "geom");
    assertThat(e.hasAttribute("srsName")).isFalse();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(polygon(" srsName=\"urn:ogc:def:crs:EPSG::4326\"",
            "10.35 107.0815 10.3503 107.0818 10.35 107.0818 10.3503 107.0815 10.35 107.0815"),
            "Invalid geometry at /wfs:Insert/citytwin:buildings/citytwin:geom/gml:Polygon (line 2, column 78):"
                + " geometry literal is not valid: Self-intersection near 107.08165 10.35015"),
        Arguments.of(polygon("", "10.35 107.08 10.35 x 10.36 107.09 10.35 107.08"),
            "Invalid geometry at /…/gml:Polygon/gml:exterior/gml:LinearRing/gml:posList"
                + " (line 2, column 84): invalid number 'x' in <gml:posList>"),
        Arguments.of(polygon(" srsName=\"EPSG:bogus\"", SQUARE), "citytwin:geom/gml:Polygon (line 2, column 62): unsupported srsName"
            + " 'EPSG:bogus'"),
        Arguments.of("<gml:Curve/>", "citytwin:geom/gml:Curve (line 2, column 28): unsupported GML geometry <gml:Curve>; expected Point"),
        Arguments.of("<gml:Point/>", "no coordinates: expected pos, posList, coordinates or coord"),
        Arguments.of("<gml:Envelope><gml:lowerCorner>10.4 107.0</gml:lowerCorner><gml:upperCorner>10.3 107.1"
            + "</gml:upperCorner></gml:Envelope>", "box has its lower corner above its upper corner"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("errors")
  void badGmlIsAnInvalidParameterAtTheCallersLocator(String gml, String message) {
    assertThatThrownBy(() -> GmlReader.read(geometry(gml), WFS_DEFAULT, "geom"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETER);
          assertThat(e.locator()).isEqualTo("geom");
          assertThat(e.getCause()).isNull();
          assertThat(e.getMessage()).startsWith("Invalid geometry at /");
        })
        .hasMessageContaining(message);
  }
}
