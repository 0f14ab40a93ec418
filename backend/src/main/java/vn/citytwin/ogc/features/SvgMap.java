package vn.citytwin.ogc.features;

import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import vn.citytwin.features.CoordinateFormat;

/**
 * A small inline SVG overview of a page of features for the HTML pages: no tiles, no scripts, works offline.
 * Coordinates are x=east/y=north; for degrees the x axis is shrunk by cos(latitude) so shapes keep their
 * proportions. Polygons are filled, lines stroked, points drawn as dots.
 */
final class SvgMap {
  private static final int WIDTH = 640;
  private static final CoordinateFormat PX = new CoordinateFormat(2);

  private SvgMap() {}

  /** The SVG element, or an empty string when there is nothing to draw. */
  static String of(List<Geometry> geometries, boolean degrees) {
    Envelope env = new Envelope();
    geometries.forEach(g -> {
      if (g != null && !g.isEmpty()) {
        env.expandToInclude(g.getEnvelopeInternal());
      }
    });
    if (env.isNull()) {
      return "";
    }
    double kx = degrees ? Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2)) : 1;
    double w = Math.max(env.getWidth() * kx, 1e-9);
    double h = Math.max(env.getHeight(), 1e-9);
    double size = Math.max(w, h);
    double scale = WIDTH / size * 0.94;
    double pad = WIDTH * 0.03;
    int height = (int) Math.ceil(h * scale + 2 * pad);
    Projection p = new Projection(env.getMinX(), env.getMaxY(), kx, scale, pad);
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\">");
    for (Geometry g : geometries) {
      if (g != null && !g.isEmpty()) {
        draw(sb, g, p);
      }
    }
    return sb.append("</svg>").toString();
  }

  private record Projection(double minX, double maxY, double kx, double scale, double pad) {
    void append(StringBuilder sb, double x, double y) {
      PX.append(sb, (x - minX) * kx * scale + pad);
      sb.append(' ');
      PX.append(sb, (maxY - y) * scale + pad);
    }
  }

  private static void draw(StringBuilder sb, Geometry g, Projection p) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Point pt) {
        sb.append("<circle r=\"3\" fill=\"#d1495b\" cx=\"");
        PX.append(sb, (pt.getX() - p.minX) * p.kx * p.scale + p.pad);
        sb.append("\" cy=\"");
        PX.append(sb, (p.maxY - pt.getY()) * p.scale + p.pad);
        sb.append("\"/>");
      } else if (part instanceof Polygon poly) {
        sb.append("<path fill=\"#8fb8de\" fill-opacity=\".6\" stroke=\"#0b4f6c\" stroke-width=\".6\""
            + " fill-rule=\"evenodd\" d=\"");
        ring(sb, poly.getExteriorRing().getCoordinateSequence(), p);
        for (int r = 0; r < poly.getNumInteriorRing(); r++) {
          ring(sb, poly.getInteriorRingN(r).getCoordinateSequence(), p);
        }
        sb.append("\"/>");
      } else if (part instanceof LineString line) {
        sb.append("<path fill=\"none\" stroke=\"#edae49\" stroke-width=\"1.5\" d=\"");
        CoordinateSequence s = line.getCoordinateSequence();
        for (int k = 0; k < s.size(); k++) {
          sb.append(k == 0 ? 'M' : 'L');
          p.append(sb, s.getX(k), s.getY(k));
        }
        sb.append("\"/>");
      } else if (part.getNumGeometries() > 1 || part != g) {
        draw(sb, part, p);
      }
    }
  }

  private static void ring(StringBuilder sb, CoordinateSequence s, Projection p) {
    for (int k = 0; k < s.size(); k++) {
      sb.append(k == 0 ? 'M' : 'L');
      p.append(sb, s.getX(k), s.getY(k));
    }
    sb.append('Z');
  }
}
