package vn.citytwin.ogc;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import vn.citytwin.features.CoordinateFormat;

/**
 * Writes JTS geometries as GML 2.1.2, 3.1.1 or 3.2.1 with the {@code gml} prefix (the caller declares it).
 *
 * <p>Input coordinates are x=east/y=north; when {@code northFirst} the output swaps them (for
 * {@code urn:ogc:def:crs:EPSG::4326} and the other latitude-first names). GML 3 uses {@code pos}/{@code posList},
 * MultiCurve and MultiSurface; GML 2 uses {@code coordinates}, MultiLineString and MultiPolygon. In GML 3.2 every
 * geometry gets a document-unique {@code gml:id}: the given id, and {@code id.N} for the N-th member. Only x and y
 * are written. Empty geometries must not be passed (the caller omits the property).
 */
public final class GmlGeometryWriter {
  private final GmlVersion version;
  private final boolean northFirst;
  private final CoordinateFormat format;

  public GmlGeometryWriter(GmlVersion version, boolean northFirst, CoordinateFormat format) {
    this.version = version;
    this.northFirst = northFirst;
    this.format = format;
  }

  /**
   * Appends {@code g}.
   *
   * @param srsName written on the outer element, or null to omit
   * @param gmlId base id (an NCName) for GML 3.2; ignored by the other versions
   */
  public void write(StringBuilder out, Geometry g, String srsName, String gmlId) {
    write(out, g, srsName, gmlId, 0);
  }

  private void write(StringBuilder out, Geometry g, String srsName, String id, int depth) {
    if (depth > 8) {
      throw new IllegalArgumentException("geometry collection nested too deeply");
    }
    if (g instanceof Point p) {
      open(out, "Point", srsName, id);
      if (version == GmlVersion.GML2) {
        coordinates(out, p.getCoordinateSequence());
      } else {
        out.append("<gml:pos>");
        positions(out, p.getCoordinateSequence());
        out.append("</gml:pos>");
      }
      out.append("</gml:Point>");
    } else if (g instanceof Polygon poly) {
      polygon(out, poly, srsName, id);
    } else if (g instanceof LineString line) {
      open(out, "LineString", srsName, id);
      line(out, line.getCoordinateSequence());
      out.append("</gml:LineString>");
    } else if (g instanceof MultiPoint mp) {
      members(out, mp, "MultiPoint", "pointMember", srsName, id, depth);
    } else if (g instanceof MultiLineString ml) {
      members(out, ml, version == GmlVersion.GML2 ? "MultiLineString" : "MultiCurve",
          version == GmlVersion.GML2 ? "lineStringMember" : "curveMember", srsName, id, depth);
    } else if (g instanceof MultiPolygon mpoly) {
      members(out, mpoly, version == GmlVersion.GML2 ? "MultiPolygon" : "MultiSurface",
          version == GmlVersion.GML2 ? "polygonMember" : "surfaceMember", srsName, id, depth);
    } else if (g instanceof GeometryCollection gc) {
      members(out, gc, "MultiGeometry", "geometryMember", srsName, id, depth);
    } else {
      throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
    }
  }

  private void members(StringBuilder out, GeometryCollection c, String element, String member, String srsName,
                       String id, int depth) {
    open(out, element, srsName, id);
    for (int i = 0; i < c.getNumGeometries(); i++) {
      out.append("<gml:").append(member).append('>');
      write(out, c.getGeometryN(i), null, id == null ? null : id + "." + (i + 1), depth + 1);
      out.append("</gml:").append(member).append('>');
    }
    out.append("</gml:").append(element).append('>');
  }

  private void polygon(StringBuilder out, Polygon p, String srsName, String id) {
    open(out, "Polygon", srsName, id);
    boolean gml2 = version == GmlVersion.GML2;
    out.append(gml2 ? "<gml:outerBoundaryIs>" : "<gml:exterior>");
    ring(out, p.getExteriorRing());
    out.append(gml2 ? "</gml:outerBoundaryIs>" : "</gml:exterior>");
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      out.append(gml2 ? "<gml:innerBoundaryIs>" : "<gml:interior>");
      ring(out, p.getInteriorRingN(i));
      out.append(gml2 ? "</gml:innerBoundaryIs>" : "</gml:interior>");
    }
    out.append("</gml:Polygon>");
  }

  private void ring(StringBuilder out, LineString ring) {
    out.append("<gml:LinearRing>");
    line(out, ring.getCoordinateSequence());
    out.append("</gml:LinearRing>");
  }

  private void line(StringBuilder out, CoordinateSequence seq) {
    if (version == GmlVersion.GML2) {
      coordinates(out, seq);
    } else {
      out.append("<gml:posList>");
      positions(out, seq);
      out.append("</gml:posList>");
    }
  }

  private void open(StringBuilder out, String element, String srsName, String id) {
    out.append("<gml:").append(element);
    if (version.requiresIds() && id != null) {
      out.append(" gml:id=\"");
      XmlText.attr(out, id);
      out.append('"');
    }
    if (srsName != null) {
      out.append(" srsName=\"");
      XmlText.attr(out, srsName);
      out.append('"');
    }
    out.append('>');
  }

  /** GML 3: {@code y x y x …} or {@code x y x y …}, space separated. */
  private void positions(StringBuilder out, CoordinateSequence seq) {
    for (int i = 0; i < seq.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      pair(out, seq.getX(i), seq.getY(i), ' ');
    }
  }

  /** GML 2: {@code x,y x,y …}. */
  private void coordinates(StringBuilder out, CoordinateSequence seq) {
    out.append("<gml:coordinates decimal=\".\" cs=\",\" ts=\" \">");
    for (int i = 0; i < seq.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      pair(out, seq.getX(i), seq.getY(i), ',');
    }
    out.append("</gml:coordinates>");
  }

  private void pair(StringBuilder out, double x, double y, char sep) {
    format.append(out, northFirst ? y : x);
    out.append(sep);
    format.append(out, northFirst ? x : y);
  }
}
