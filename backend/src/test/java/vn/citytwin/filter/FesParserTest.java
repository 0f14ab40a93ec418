package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.xml.SecureXml;

class FesParserTest {
  private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
      + "xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
  private static final String OGC = "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"";

  private static String fes(String body) {
    return "<fes:Filter " + FES + ">" + body + "</fes:Filter>";
  }

  private static String ogc(String body) {
    return "<ogc:Filter " + OGC + ">" + body + "</ogc:Filter>";
  }

  static Stream<Arguments> fes20() {
    return Stream.of(
        Arguments.of(fes("<fes:PropertyIsEqualTo><fes:ValueReference>use_type</fes:ValueReference>"
            + "<fes:Literal>hotel</fes:Literal></fes:PropertyIsEqualTo>"), "EQ(use_type, 'hotel')"),
        Arguments.of(fes("<fes:PropertyIsGreaterThan><fes:ValueReference>height</fes:ValueReference>"
            + "<fes:Literal>30</fes:Literal></fes:PropertyIsGreaterThan>"), "GT(height, '30')"),
        Arguments.of(fes("<fes:PropertyIsNotEqualTo matchCase=\"false\"><fes:ValueReference>name"
            + "</fes:ValueReference><fes:Literal>Hotel</fes:Literal></fes:PropertyIsNotEqualTo>"),
            "NE(name, 'Hotel', ci)"),
        Arguments.of(fes("<fes:PropertyIsLessThan><fes:ValueReference>a</fes:ValueReference><fes:Literal>1"
            + "</fes:Literal></fes:PropertyIsLessThan>"), "LT(a, '1')"),
        Arguments.of(fes("<fes:PropertyIsLessThanOrEqualTo><fes:Literal>1</fes:Literal>"
            + "<fes:ValueReference>a</fes:ValueReference></fes:PropertyIsLessThanOrEqualTo>"), "LE('1', a)"),
        Arguments.of(fes("<fes:PropertyIsGreaterThanOrEqualTo><fes:ValueReference>a</fes:ValueReference>"
            + "<fes:ValueReference>b</fes:ValueReference></fes:PropertyIsGreaterThanOrEqualTo>"), "GE(a, b)"),
        Arguments.of(fes("<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
            + "<fes:ValueReference>name</fes:ValueReference><fes:Literal>Vũng*T.u!*%_\\</fes:Literal>"
            + "</fes:PropertyIsLike>"), "LIKE(name, 'Vũng%T_u*\\%\\_\\\\')"),
        Arguments.of(fes("<fes:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\" matchCase=\"false\">"
            + "<fes:ValueReference>name</fes:ValueReference><fes:Literal>a\\%b%</fes:Literal>"
            + "</fes:PropertyIsLike>"), "LIKE(name, 'a\\%b%', ci)"),
        Arguments.of(fes("<fes:PropertyIsNull><fes:ValueReference>name</fes:ValueReference></fes:PropertyIsNull>"),
            "ISNULL(name)"),
        Arguments.of(fes("<fes:PropertyIsNil nilReason=\"missing\"><fes:ValueReference>name</fes:ValueReference>"
            + "</fes:PropertyIsNil>"), "ISNULL(name)"),
        Arguments.of(fes("<fes:PropertyIsBetween><fes:ValueReference>height</fes:ValueReference>"
            + "<fes:LowerBoundary><fes:Literal>10</fes:Literal></fes:LowerBoundary>"
            + "<fes:UpperBoundary><fes:Literal>20</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>"),
            "BETWEEN(height, '10', '20')"),
        Arguments.of(fes("<fes:And><fes:Not><fes:PropertyIsNull><fes:ValueReference>name</fes:ValueReference>"
            + "</fes:PropertyIsNull></fes:Not><fes:Or><fes:PropertyIsEqualTo><fes:ValueReference>a"
            + "</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo><fes:PropertyIsEqualTo>"
            + "<fes:ValueReference>b</fes:ValueReference><fes:Literal>2</fes:Literal></fes:PropertyIsEqualTo>"
            + "</fes:Or></fes:And>"), "AND(NOT(ISNULL(name)), OR(EQ(a, '1'), EQ(b, '2')))"),
        Arguments.of(fes("<fes:ResourceId rid=\"buildings.42\"/><fes:ResourceId rid=\"buildings.43\"/>"),
            "ID[buildings.42, buildings.43]"),
        Arguments.of(fes("<fes:Or><fes:ResourceId rid=\"buildings.1\"/><fes:PropertyIsNull>"
            + "<fes:ValueReference>a</fes:ValueReference></fes:PropertyIsNull></fes:Or>"),
            "OR(ID[buildings.1], ISNULL(a))"),
        Arguments.of(fes("<fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
            + "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>10.3 107.0</gml:lowerCorner>"
            + "<gml:upperCorner>10.4 107.1</gml:upperCorner></gml:Envelope></fes:BBOX>"),
            "BBOX(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of(fes("<fes:BBOX><gml:Envelope srsName=\"EPSG:4326\"><gml:lowerCorner>107.0 10.3</gml:lowerCorner>"
            + "<gml:upperCorner>107.1 10.4</gml:upperCorner></gml:Envelope></fes:BBOX>"),
            "BBOX(<default>, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>ns:buildings/ns:geom</fes:ValueReference>"
            + "<gml:Polygon gml:id=\"p1\" srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><gml:exterior>"
            + "<gml:LinearRing><gml:posList>0 0 0 10 10 10 10 0 0 0</gml:posList></gml:LinearRing></gml:exterior>"
            + "<gml:interior><gml:LinearRing><gml:posList>2 2 3 2 3 3 2 2</gml:posList></gml:LinearRing>"
            + "</gml:interior></gml:Polygon></fes:Intersects>"),
            "INTERSECTS(geom, POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2)) @4326)"),
        Arguments.of(fes("<fes:Within><fes:ValueReference>geom</fes:ValueReference><gml:Polygon srsName=\"CRS:84\">"
            + "<gml:exterior><gml:LinearRing><gml:posList srsDimension=\"3\">0 0 5 1 0 5 1 1 5 0 0 5</gml:posList>"
            + "</gml:LinearRing></gml:exterior></gml:Polygon></fes:Within>"),
            "WITHIN(geom, POLYGON ((0 0, 1 0, 1 1, 0 0)) @4326)"),
        Arguments.of(fes("<fes:Contains><fes:ValueReference>geom</fes:ValueReference>"
            + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4756\"><gml:pos>10.35 107.08</gml:pos></gml:Point>"
            + "</fes:Contains>"), "CONTAINS(geom, POINT (107.08 10.35) @4756)"),
        Arguments.of(fes("<fes:Disjoint><fes:ValueReference>geom</fes:ValueReference>"
            + "<gml:Point srsName=\"EPSG:3857\"><gml:pos>11920000 1158000</gml:pos></gml:Point></fes:Disjoint>"),
            "DISJOINT(geom, POINT (11920000 1158000) @3857)"),
        Arguments.of(fes("<fes:Equals><fes:ValueReference>geom</fes:ValueReference><gml:Point>"
            + "<gml:pos>107.08 10.35</gml:pos></gml:Point></fes:Equals>"), "EQUALS(geom, POINT (107.08 10.35) @4326)"),
        Arguments.of(fes("<fes:Touches><fes:ValueReference>geom</fes:ValueReference><gml:LineString>"
            + "<gml:pos>0 0</gml:pos><gml:pos>1 1</gml:pos></gml:LineString></fes:Touches>"),
            "TOUCHES(geom, LINESTRING (0 0, 1 1) @4326)"),
        Arguments.of(fes("<fes:Crosses><fes:ValueReference>geom</fes:ValueReference>"
            + "<gml:MultiCurve srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:curveMember><gml:LineString>"
            + "<gml:posList>1 0 1 1</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve></fes:Crosses>"),
            "CROSSES(geom, MULTILINESTRING ((0 1, 1 1)) @4326)"),
        Arguments.of(fes("<fes:Overlaps><fes:ValueReference>geom</fes:ValueReference><gml:MultiSurface>"
            + "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 1 0 1 1 0 0"
            + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember><gml:surfaceMember>"
            + "<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>5 5 6 5 6 6 5 5</gml:posList>"
            + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></fes:Overlaps>"),
            "OVERLAPS(geom, MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))) @4326)"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:MultiPoint>"
            + "<gml:pointMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember>"
            + "<gml:pointMembers><gml:Point><gml:pos>3 4</gml:pos></gml:Point></gml:pointMembers></gml:MultiPoint>"
            + "</fes:Intersects>"), "INTERSECTS(geom, MULTIPOINT ((1 2), (3 4)) @4326)"),
        Arguments.of(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point>"
            + "<gml:pos>107.08 10.35</gml:pos></gml:Point><fes:Distance uom=\"m\">100</fes:Distance></fes:DWithin>"),
            "DWITHIN(geom, POINT (107.08 10.35) @4326, 100.0 METRE)"),
        Arguments.of(fes("<fes:Beyond><fes:ValueReference>geom</fes:ValueReference><gml:Point>"
            + "<gml:pos>107.08 10.35</gml:pos></gml:Point><fes:Distance uom=\"urn:ogc:def:uom:EPSG::9036\">1.5"
            + "</fes:Distance></fes:Beyond>"), "BEYOND(geom, POINT (107.08 10.35) @4326, 1.5 KILOMETRE)"),
        Arguments.of(fes("<fes:After><fes:ValueReference>built</fes:ValueReference><gml:TimeInstant gml:id=\"t\">"
            + "<gml:timePosition>2020-01-01</gml:timePosition></gml:TimeInstant></fes:After>"),
            "T_AFTER(built, 2020-01-01, 2020-01-01)"),
        Arguments.of(fes("<fes:During><fes:ValueReference>updated</fes:ValueReference><gml:TimePeriod>"
            + "<gml:beginPosition>2024-01-01T00:00:00Z</gml:beginPosition><gml:endPosition/>"
            + "</gml:TimePeriod></fes:During>"), "T_DURING(updated, 2024-01-01T00:00:00Z, null)"));
  }

  static Stream<Arguments> fe11() {
    return Stream.of(
        Arguments.of(ogc("<ogc:PropertyIsEqualTo><ogc:PropertyName>cite:use_type</ogc:PropertyName>"
            + "<ogc:Literal>hotel</ogc:Literal></ogc:PropertyIsEqualTo>"), "EQ(use_type, 'hotel')"),
        Arguments.of(ogc("<ogc:PropertyIsLike wildCard=\"*\" singleChar=\"#\" escapeChar=\"!\">"
            + "<ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>Kh#ch*</ogc:Literal></ogc:PropertyIsLike>"),
            "LIKE(name, 'Kh_ch%')"),
        Arguments.of(ogc("<ogc:PropertyIsLike wildCard=\"*\" singleChar=\"#\" escape=\"!\">"
            + "<ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>100!*</ogc:Literal></ogc:PropertyIsLike>"),
            "LIKE(name, '100*')"),
        Arguments.of(ogc("<ogc:FeatureId fid=\"buildings.1\"/><ogc:FeatureId fid=\"buildings.2\"/>"),
            "ID[buildings.1, buildings.2]"),
        Arguments.of(ogc("<ogc:GmlObjectId gml:id=\"buildings.7\"/>"), "ID[buildings.7]"),
        Arguments.of(ogc("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Envelope srsName=\"EPSG:4326\">"
            + "<gml:lowerCorner>107.0 10.3</gml:lowerCorner><gml:upperCorner>107.1 10.4</gml:upperCorner>"
            + "</gml:Envelope></ogc:BBOX>"),
            "BBOX(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of(ogc("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Box srsName="
            + "\"http://www.opengis.net/gml/srs/epsg.xml#4326\"><gml:coordinates>107.0,10.3 107.1,10.4"
            + "</gml:coordinates></gml:Box></ogc:BBOX>"),
            "BBOX(geom, POLYGON ((107 10.3, 107 10.4, 107.1 10.4, 107.1 10.3, 107 10.3)) @4326)"),
        Arguments.of(ogc("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Envelope><gml:coord><gml:X>1"
            + "</gml:X><gml:Y>2</gml:Y></gml:coord><gml:coord><gml:X>3</gml:X><gml:Y>4</gml:Y></gml:coord>"
            + "</gml:Envelope></ogc:BBOX>"), "BBOX(geom, POLYGON ((1 2, 1 4, 3 4, 3 2, 1 2)) @4326)"),
        Arguments.of(ogc("<ogc:DWithin><ogc:PropertyName>geom</ogc:PropertyName><gml:Point><gml:coordinates>"
            + "107.08,10.35</gml:coordinates></gml:Point><ogc:Distance units=\"m\">250</ogc:Distance></ogc:DWithin>"),
            "DWITHIN(geom, POINT (107.08 10.35) @4326, 250.0 METRE)"),
        Arguments.of(ogc("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName><gml:Polygon><gml:outerBoundaryIs>"
            + "<gml:LinearRing><gml:coordinates cs=\";\" ts=\"|\" decimal=\",\">0;0|1,5;0|1,5;1|0;0</gml:coordinates>"
            + "</gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></ogc:Intersects>"),
            "INTERSECTS(geom, POLYGON ((0 0, 1.5 0, 1.5 1, 0 0)) @4326)"),
        Arguments.of(ogc("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName><gml:MultiPolygon>"
            + "<gml:polygonMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 1 0 1 1 0 0"
            + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:polygonMember></gml:MultiPolygon>"
            + "</ogc:Intersects>"), "INTERSECTS(geom, MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0))) @4326)"),
        Arguments.of(ogc("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName><gml:MultiLineString>"
            + "<gml:lineStringMember><gml:LineString><gml:coord><gml:X>0</gml:X><gml:Y>0</gml:Y></gml:coord>"
            + "<gml:coord><gml:X>1</gml:X><gml:Y>1</gml:Y></gml:coord></gml:LineString></gml:lineStringMember>"
            + "</gml:MultiLineString></ogc:Intersects>"), "INTERSECTS(geom, MULTILINESTRING ((0 0, 1 1)) @4326)"),
        Arguments.of(ogc("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName><gml:MultiGeometry>"
            + "<gml:geometryMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:geometryMember>"
            + "</gml:MultiGeometry></ogc:Intersects>"), "INTERSECTS(geom, GEOMETRYCOLLECTION (POINT (1 2)) @4326)"),
        Arguments.of(ogc("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName><ogc:Literal><gml:Point>"
            + "<gml:pos>1 2</gml:pos></gml:Point></ogc:Literal></ogc:Intersects>"),
            "INTERSECTS(geom, POINT (1 2) @4326)"),
        Arguments.of("<Filter xmlns=\"http://www.opengis.net/ogc\"><PropertyIsEqualTo><PropertyName>a</PropertyName>"
            + "<Literal>1</Literal></PropertyIsEqualTo></Filter>", "EQ(a, '1')"),
        Arguments.of("<Filter><PropertyIsEqualTo><PropertyName>a</PropertyName>"
            + "<Literal>1</Literal></PropertyIsEqualTo></Filter>", "EQ(a, '1')"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource({"fes20", "fe11"})
  void parses(String xml, String expected) {
    assertThat(Ast.show(FesParser.parse(xml))).isEqualTo(expected);
  }

  static Stream<Arguments> axisOrder() {
    return Stream.of(
        Arguments.of("urn:ogc:def:crs:EPSG::4326", "POINT (107.08 10.35) @4326"),
        Arguments.of("urn:ogc:def:crs:EPSG:6.6:4326", "POINT (107.08 10.35) @4326"),
        Arguments.of("urn:x-ogc:def:crs:EPSG:4326", "POINT (107.08 10.35) @4326"),
        Arguments.of("http://www.opengis.net/def/crs/EPSG/0/4326", "POINT (107.08 10.35) @4326"),
        Arguments.of("urn:ogc:def:crs:EPSG::4756", "POINT (107.08 10.35) @4756"),
        Arguments.of("http://www.opengis.net/def/crs/EPSG/0/4756", "POINT (107.08 10.35) @4756"),
        Arguments.of("EPSG:4326", "POINT (10.35 107.08) @4326"),
        Arguments.of("EPSG:4756", "POINT (10.35 107.08) @4756"),
        Arguments.of("http://www.opengis.net/gml/srs/epsg.xml#4326", "POINT (10.35 107.08) @4326"),
        Arguments.of("CRS:84", "POINT (10.35 107.08) @4326"),
        Arguments.of("urn:ogc:def:crs:OGC:1.3:CRS84", "POINT (10.35 107.08) @4326"),
        Arguments.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "POINT (10.35 107.08) @4326"),
        Arguments.of("urn:ogc:def:crs:EPSG::3857", "POINT (10.35 107.08) @3857"),
        Arguments.of("EPSG:900913", "POINT (10.35 107.08) @3857"));
  }

  /** The same written coordinates "10.35 107.08" read under each srsName. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("axisOrder")
  void swapsAxesForLatitudeFirstCrsNames(String srsName, String expected) {
    String xml = fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\""
        + srsName + "\"><gml:pos>10.35 107.08</gml:pos></gml:Point></fes:Intersects>");
    assertThat(Ast.show(FesParser.parse(xml))).isEqualTo("INTERSECTS(geom, " + expected + ")");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(fes("<fes:PropertyIsEqualTo>"), "Malformed XML at line 1, column"),
        Arguments.of("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
            + "<fes:Filter " + FES + "><fes:PropertyIsEqualTo><fes:ValueReference>a</fes:ValueReference>"
            + "<fes:Literal>&e;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>",
            "DOCTYPE declarations are not allowed"),
        Arguments.of(fes("\n  <fes:PropertyIsFoo/>"), "/fes:Filter/fes:PropertyIsFoo (line 2, column 23): unsupported"
            + " operator <fes:PropertyIsFoo>"),
        Arguments.of(fes("<fes:PropertyIsEqualTo><fes:ValueReference>a</fes:ValueReference></fes:PropertyIsEqualTo>"),
            "fes:PropertyIsEqualTo needs two operands"),
        Arguments.of(fes("<fes:PropertyIsEqualTo><fes:ValueReference>a[1]</fes:ValueReference><fes:Literal>1"
            + "</fes:Literal></fes:PropertyIsEqualTo>"), "unsupported property path 'a[1]'"),
        Arguments.of(fes("<fes:PropertyIsEqualTo><fes:Function name=\"f\"/><fes:Literal>1"
            + "</fes:Literal></fes:PropertyIsEqualTo>"), "functions are not supported"),
        Arguments.of(fes("<fes:PropertyIsLike wildCard=\"**\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>"
            + "a</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsLike>"),
            "wildCard must be exactly one character"),
        Arguments.of(fes("<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"EPSG:bogus\">"
            + "<gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></fes:BBOX>"),
            "unsupported srsName 'EPSG:bogus'"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:LineString>"
            + "<gml:posList>0 0 1 x</gml:posList></gml:LineString></fes:Intersects>"),
            "gml:posList (line 1, column 189): invalid number 'x'"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:LineString>"
            + "<gml:posList>0 0 1</gml:posList></gml:LineString></fes:Intersects>"),
            "posList has 3 numbers, not a multiple of srsDimension 2"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Polygon><gml:exterior>"
            + "<gml:LinearRing><gml:posList>0 0 1 0 1 1 0 1</gml:posList></gml:LinearRing></gml:exterior>"
            + "</gml:Polygon></fes:Intersects>"), "a LinearRing needs at least 4 positions and must end where"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference></fes:Intersects>"),
            "expected a GML geometry"),
        Arguments.of(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point><gml:pos>1 2</gml:pos>"
            + "</gml:Point><fes:Distance uom=\"furlong\">3</fes:Distance></fes:DWithin>"),
            "unknown distance unit 'furlong'"),
        Arguments.of(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point><gml:pos>1 2</gml:pos>"
            + "</gml:Point></fes:DWithin>"), "fes:DWithin needs a Distance"),
        Arguments.of(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Curve/></fes:Intersects>"),
            "expected a ValueReference/PropertyName, a GML geometry"),
        Arguments.of(fes("<fes:ResourceId/>"), "missing feature id"),
        Arguments.of(fes(""), "empty filter"),
        Arguments.of("<fes:Query " + FES + "/>", "expected a <fes:Filter>"),
        Arguments.of("<x:Filter xmlns:x=\"urn:other\"/>", "expected a <fes:Filter>"),
        Arguments.of(fes("<fes:PropertyIsNull><fes:ValueReference>a</fes:ValueReference></fes:PropertyIsNull>"
            + "<fes:PropertyIsNull><fes:ValueReference>b</fes:ValueReference></fes:PropertyIsNull>"),
            "a filter holds exactly one operator"),
        Arguments.of(fes("<fes:After><fes:ValueReference>t</fes:ValueReference><gml:TimeInstant><gml:timePosition>"
            + "soon</gml:timePosition></gml:TimeInstant></fes:After>"), "invalid date or timestamp 'soon'"),
        Arguments.of("", "Empty filter"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("errors")
  void reportsErrorsWithPosition(String xml, String message) {
    assertThatThrownBy(() -> FesParser.parse(xml))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETER);
          assertThat(e.locator()).isEqualTo("filter");
          assertThat(e.getCause()).isNull();
        })
        .hasMessageContaining(message);
  }

  @Test
  void rejectsDeepNesting() {
    String xml = fes("<fes:Not>".repeat(100) + "<fes:PropertyIsNull><fes:ValueReference>a</fes:ValueReference>"
        + "</fes:PropertyIsNull>" + "</fes:Not>".repeat(100));
    assertThatThrownBy(() -> FesParser.parse(xml)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply");
    String deeper = fes("<fes:Not>".repeat(1000) + "</fes:Not>".repeat(1000));
    assertThatThrownBy(() -> FesParser.parse(deeper)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested more than 256 deep");
  }

  @Test
  void rejectsEntityExpansion() {
    String bomb = "<!DOCTYPE f [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        + "<ogc:Filter " + OGC + "><ogc:PropertyIsEqualTo><ogc:PropertyName>a</ogc:PropertyName>"
        + "<ogc:Literal>&b;</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>";
    assertThatThrownBy(() -> FesParser.parse(bomb)).isInstanceOf(ApiException.class)
        .hasMessageContaining("DOCTYPE declarations are not allowed");
  }

  @Test
  void parsesAnElementOfALargerDocument() throws Exception {
    var dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    var doc = dbf.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(
        "<wfs:Query xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" " + FES + ">" + fes(
            "<fes:PropertyIsEqualTo><fes:ValueReference>a</fes:ValueReference><fes:Literal>1</fes:Literal>"
                + "</fes:PropertyIsEqualTo>").replace(" " + FES, "") + "</wfs:Query>")));
    var filter = (org.w3c.dom.Element) doc.getDocumentElement().getFirstChild();
    assertThat(Ast.show(FesParser.parse(filter))).isEqualTo("EQ(a, '1')");
  }

  /** The WFS feature types' default CRS: EPSG axis order, latitude first. */
  private static final CrsName WFS_DEFAULT = CrsName.lookup("urn:ogc:def:crs:EPSG::4326").orElseThrow();

  /** The Filter of a wfs:Query parsed the way WFS parses request bodies (with line and column). */
  private static org.w3c.dom.Element filterOfQuery(String filterBody) {
    String doc = "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" " + FES + ">\n<wfs:Query"
        + " typeNames=\"citytwin:buildings\">\n<fes:Filter>" + filterBody + "</fes:Filter></wfs:Query>"
        + "</wfs:GetFeature>";
    return (org.w3c.dom.Element) SecureXml.parse(doc, "GetFeature").getDocumentElement()
        .getElementsByTagNameNS(FesReader.FES, "Filter").item(0);
  }

  /** A BBOX as GDAL sends it: a gml:Envelope without srsName, latitude first. */
  private static final String UNNAMED_BBOX = "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope>"
      + "<gml:lowerCorner>10.34 107.07</gml:lowerCorner><gml:upperCorner>10.345 107.075</gml:upperCorner>"
      + "</gml:Envelope></fes:BBOX>";

  @Test
  void parsesAnElementWithTheCallersDefaultCrs() {
    org.w3c.dom.Element filter = filterOfQuery(UNNAMED_BBOX);
    assertThat(Ast.show(FesParser.parse(filter, WFS_DEFAULT))).isEqualTo("BBOX(geom, POLYGON ((107.07 10.34,"
        + " 107.07 10.345, 107.075 10.345, 107.075 10.34, 107.07 10.34)) @4326)");
    // the request document is only read: no srsName was written onto the literal
    org.w3c.dom.Element envelope = (org.w3c.dom.Element) filter.getElementsByTagNameNS(
        "http://www.opengis.net/gml/3.2", "Envelope").item(0);
    assertThat(envelope.hasAttribute("srsName")).isFalse();
    // without a default, an unnamed literal stays CRS:84, longitude first (SLD rules, WMS FILTER)
    assertThat(Ast.show(FesParser.parse(filter))).isEqualTo("BBOX(geom, POLYGON ((10.34 107.07, 10.34 107.075,"
        + " 10.345 107.075, 10.345 107.07, 10.34 107.07)) @4326)");
    // the KVP FILTER text takes the same default
    assertThat(Ast.show(FesParser.parse(fes(UNNAMED_BBOX), WFS_DEFAULT)))
        .isEqualTo(Ast.show(FesParser.parse(filter, WFS_DEFAULT)));
  }

  static Stream<Arguments> defaultCrsSpellings() {
    return Stream.of(
        // no srsName on the literal: the default's spelling decides the axis order
        Arguments.of("", "urn:ogc:def:crs:EPSG::4326", "POINT (107.08 10.35) @4326"),
        Arguments.of("", "EPSG:4326", "POINT (10.35 107.08) @4326"),
        Arguments.of("", "http://www.opengis.net/def/crs/EPSG/0/4756", "POINT (107.08 10.35) @4756"),
        Arguments.of("", "EPSG:3405", "POINT (10.35 107.08) @3405"),
        // the literal's own srsName always wins over the default
        Arguments.of(" srsName=\"EPSG:4326\"", "urn:ogc:def:crs:EPSG::4326", "POINT (10.35 107.08) @4326"),
        Arguments.of(" srsName=\"urn:ogc:def:crs:EPSG::4326\"", "EPSG:4326", "POINT (107.08 10.35) @4326"),
        Arguments.of(" srsName=\"EPSG:3857\"", "urn:ogc:def:crs:EPSG::4326", "POINT (10.35 107.08) @3857"));
  }

  /** The written coordinates "10.35 107.08" inside a Literal, read under a default CRS and maybe a srsName. */
  @ParameterizedTest(name = "[{index}] {1}{0} -> {2}")
  @MethodSource("defaultCrsSpellings")
  void defaultCrsAxisOrderForBothSpellings(String srsAttr, String defaultCrs, String expected) {
    org.w3c.dom.Element filter = filterOfQuery("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
        + "<fes:Literal><gml:Point" + srsAttr + "><gml:pos>10.35 107.08</gml:pos></gml:Point></fes:Literal>"
        + "</fes:Intersects>");
    assertThat(Ast.show(FesParser.parse(filter, CrsName.lookup(defaultCrs).orElseThrow())))
        .isEqualTo("INTERSECTS(geom, " + expected + ")");
  }

  @Test
  void elementErrorsPointAtTheLineAndColumnOfTheRequest() {
    org.w3c.dom.Element filter = filterOfQuery("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
        + "<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 1 0 1 1 0 1</gml:posList></gml:LinearRing>"
        + "</gml:exterior></gml:Polygon></fes:Intersects>");
    assertThatThrownBy(() -> FesParser.parse(filter, WFS_DEFAULT))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.locator()).isEqualTo("filter"))
        .hasMessage("Invalid filter at /…/fes:Intersects/gml:Polygon/gml:exterior/gml:LinearRing (line 3,"
            + " column 117): a LinearRing needs at least 4 positions and must end where it starts");
  }
}
