package vn.citytwin.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import vn.citytwin.features.CoordinateFormat;
import vn.citytwin.features.GeoJsonGeometryWriter;
import vn.citytwin.features.SupportedCrs;

/** GML and GeoJSON geometry writing: schema-valid GML 3.2 with unique ids, axis order, GML 2 form, round trips. */
class GeometryWritersTest {
  static final String[] SHAPES = {
      "POINT (107.08 10.35)",
      "LINESTRING (107.079 10.3495, 107.083 10.351)",
      "POLYGON ((107.06 10.32, 107.1 10.32, 107.1 10.37, 107.06 10.32), (107.07 10.33, 107.075 10.33, 107.075 10.335,"
          + " 107.07 10.33))",
      "MULTIPOINT ((107 10), (107.1 10.1))",
      "MULTILINESTRING ((107 10, 107.1 10.1), (107.2 10.2, 107.3 10.3))",
      "MULTIPOLYGON (((107 10, 107.1 10, 107.1 10.1, 107 10)), ((108 10, 108.1 10, 108.1 10.1, 108 10)))",
      "GEOMETRYCOLLECTION (POINT (107 10), LINESTRING (107 10, 107.1 10.1))",
  };

  static Geometry wkt(String s) throws Exception {
    return new WKTReader().read(s);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
  void gml32IsSchemaValidWithUniqueIds(int i) throws Exception {
    StringBuilder sb = new StringBuilder();
    new GmlGeometryWriter(GmlVersion.GML32, true, new CoordinateFormat(7))
        .write(sb, wkt(SHAPES[i]), SupportedCrs.urn(4326), "buildings.1.g");
    String xml = sb.toString().replaceFirst("<gml:(\\w+) ", "<gml:$1 xmlns:gml=\"http://www.opengis.net/gml/3.2\" ");
    OgcSchemas.validate(xml, null, OgcSchemas.GML32);
    // gml:id values are unique within the geometry (PostGIS's ST_AsGML repeats them; this writer must not)
    java.util.List<String> ids = new java.util.ArrayList<>();
    var m = java.util.regex.Pattern.compile("gml:id=\"([^\"]+)\"").matcher(xml);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).doesNotHaveDuplicates().isNotEmpty();
  }

  @Test
  void axisOrderAndGmlVersions() throws Exception {
    Geometry line = wkt(SHAPES[1]);
    StringBuilder latLon = new StringBuilder();
    new GmlGeometryWriter(GmlVersion.GML32, true, new CoordinateFormat(7)).write(latLon, line, null, "a");
    assertThat(latLon).contains("<gml:posList>10.3495 107.079 10.351 107.083</gml:posList>");
    StringBuilder gml2 = new StringBuilder();
    new GmlGeometryWriter(GmlVersion.GML2, false, new CoordinateFormat(7)).write(gml2, wkt(SHAPES[5]), "EPSG:4326",
        "ignored");
    assertThat(gml2.toString()).startsWith("<gml:MultiPolygon srsName=\"EPSG:4326\"><gml:polygonMember><gml:Polygon>"
        + "<gml:outerBoundaryIs><gml:LinearRing><gml:coordinates decimal=\".\" cs=\",\" ts=\" \">107,10 107.1,10")
        .doesNotContain("gml:id");
    StringBuilder gml31 = new StringBuilder();
    new GmlGeometryWriter(GmlVersion.GML31, false, new CoordinateFormat(7)).write(gml31, wkt(SHAPES[4]), null, "x");
    assertThat(gml31.toString()).startsWith("<gml:MultiCurve><gml:curveMember><gml:LineString><gml:posList>");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
  void geoJsonRoundTrips(int i) throws Exception {
    Geometry g = wkt(SHAPES[i]);
    StringBuilder sb = new StringBuilder();
    new GeoJsonGeometryWriter(false, new CoordinateFormat(7)).write(sb, g);
    Geometry back = new GeoJsonReader().read(sb.toString());
    assertThat(back.equalsExact(g, 1e-9)).as(sb.toString()).isTrue();
    StringBuilder swapped = new StringBuilder();
    new GeoJsonGeometryWriter(true, new CoordinateFormat(7)).write(swapped, wkt(SHAPES[0]));
    assertThat(swapped.toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[10.35,107.08]}");
  }
}
