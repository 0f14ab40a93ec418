package vn.citytwin.features;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GeoJSON geometry objects (RFC 7946 structure). Input is x=east/y=north; with
 * {@code northFirst} the output positions are [north, east] (OGC API – Features Part 2 with a latitude-first CRS).
 * Only x and y are written; an empty geometry is written as {@code null}.
 */
public final class GeoJsonGeometryWriter {
  private final boolean northFirst;
  private final CoordinateFormat format;

  public GeoJsonGeometryWriter(boolean northFirst, CoordinateFormat format) {
    this.northFirst = northFirst;
    this.format = format;
  }

  public void write(StringBuilder out, Geometry g) {
    write(out, g, 0);
  }

  private void write(StringBuilder out, Geometry g, int depth) {
    if (g == null || g.isEmpty()) {
      out.append("null");
      return;
    }
    if (depth > 8) {
      throw new IllegalArgumentException("geometry collection nested too deeply");
    }
    if (g instanceof Point p) {
      out.append("{\"type\":\"Point\",\"coordinates\":");
      position(out, p.getCoordinateSequence(), 0);
    } else if (g instanceof Polygon p) {
      out.append("{\"type\":\"Polygon\",\"coordinates\":");
      polygon(out, p);
    } else if (g instanceof LineString l) {
      out.append("{\"type\":\"LineString\",\"coordinates\":");
      sequence(out, l.getCoordinateSequence());
    } else if (g instanceof MultiPoint mp) {
      out.append("{\"type\":\"MultiPoint\",\"coordinates\":[");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(',');
        }
        position(out, ((Point) mp.getGeometryN(i)).getCoordinateSequence(), 0);
      }
      out.append(']');
    } else if (g instanceof MultiLineString ml) {
      out.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
      for (int i = 0; i < ml.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(',');
        }
        sequence(out, ((LineString) ml.getGeometryN(i)).getCoordinateSequence());
      }
      out.append(']');
    } else if (g instanceof MultiPolygon mp) {
      out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(',');
        }
        polygon(out, (Polygon) mp.getGeometryN(i));
      }
      out.append(']');
    } else if (g instanceof GeometryCollection gc) {
      out.append("{\"type\":\"GeometryCollection\",\"geometries\":[");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, gc.getGeometryN(i), depth + 1);
      }
      out.append("]");
    } else {
      throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
    }
    out.append('}');
  }

  private void polygon(StringBuilder out, Polygon p) {
    out.append('[');
    sequence(out, p.getExteriorRing().getCoordinateSequence());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      out.append(',');
      sequence(out, p.getInteriorRingN(i).getCoordinateSequence());
    }
    out.append(']');
  }

  private void sequence(StringBuilder out, CoordinateSequence seq) {
    out.append('[');
    for (int i = 0; i < seq.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      position(out, seq, i);
    }
    out.append(']');
  }

  private void position(StringBuilder out, CoordinateSequence seq, int i) {
    out.append('[');
    format.append(out, northFirst ? seq.getY(i) : seq.getX(i));
    out.append(',');
    format.append(out, northFirst ? seq.getX(i) : seq.getY(i));
    out.append(']');
  }
}
