package vn.citytwin.render.paint;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.Lineal;

/**
 * One feature's geometry in pixel space, in the forms symbolizers need; each form is built on first use and
 * reused by the feature's other symbolizers. Not thread-safe: lives for one feature of one render.
 */
public final class PixelGeometry {
  private final Geometry geometry;
  private final PixelTransform tx;
  private Path2D.Double area;
  private Path2D.Double outline;
  private List<double[]> lines;
  private List<Point2D> points;

  public PixelGeometry(Geometry geometry, PixelTransform tx) {
    this.geometry = geometry;
    this.tx = tx;
  }

  public Geometry geometry() {
    return geometry;
  }

  /** True when the geometry has an area (polygon parts). */
  public boolean hasArea() {
    return hasParts(geometry, Polygonal.class);
  }

  /** True when the geometry has lines. */
  public boolean hasLines() {
    return hasParts(geometry, Lineal.class);
  }

  private static boolean hasParts(Geometry g, Class<?> kind) {
    if (g instanceof Polygon || g instanceof LineString || g instanceof Point) {
      return kind.isInstance(g) && !g.isEmpty();
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) != g && hasParts(g.getGeometryN(i), kind)) {
        return true;
      }
    }
    return false;
  }

  /** Polygon parts with holes as one even-odd path; null when there are none. */
  public Shape area() {
    if (area == null) {
      Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
      forEachPolygon(geometry, poly -> {
        appendRing(p, poly.getExteriorRing().getCoordinateSequence(), true);
        for (int i = 0; i < poly.getNumInteriorRing(); i++) {
          appendRing(p, poly.getInteriorRingN(i).getCoordinateSequence(), true);
        }
      });
      area = p;
    }
    return area.getCurrentPoint() == null ? null : area;
  }

  /** Lines, and polygon rings (closed), as one path for stroking; null when there are none. */
  public Shape outline() {
    if (outline == null) {
      Path2D.Double p = new Path2D.Double();
      for (double[] xy : polylines()) {
        for (int i = 0; i < xy.length; i += 2) {
          if (i == 0) {
            p.moveTo(xy[0], xy[1]);
          } else {
            p.lineTo(xy[i], xy[i + 1]);
          }
        }
      }
      outline = p;
    }
    return outline.getCurrentPoint() == null ? null : outline;
  }

  /**
   * Pixel polylines as {x0,y0,x1,y1,...}: each line part, and each polygon ring (first point repeated at the end).
   * Consecutive duplicate pixels are dropped.
   */
  public List<double[]> polylines() {
    if (lines == null) {
      List<double[]> out = new ArrayList<>();
      collectLines(geometry, out);
      lines = out;
    }
    return lines;
  }

  private void collectLines(Geometry g, List<double[]> out) {
    if (g instanceof LineString l) {
      add(out, l.getCoordinateSequence());
    } else if (g instanceof Polygon poly) {
      add(out, poly.getExteriorRing().getCoordinateSequence());
      for (int i = 0; i < poly.getNumInteriorRing(); i++) {
        add(out, poly.getInteriorRingN(i).getCoordinateSequence());
      }
    } else if (!(g instanceof Point)) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (g.getGeometryN(i) != g) {
          collectLines(g.getGeometryN(i), out);
        }
      }
    }
  }

  private void add(List<double[]> out, CoordinateSequence cs) {
    int n = cs.size();
    if (n < 2) {
      return;
    }
    double[] xy = new double[n * 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double x = tx.x(cs.getX(i));
      double y = tx.y(cs.getY(i));
      if (k >= 2 && xy[k - 2] == x && xy[k - 1] == y) {
        continue;
      }
      xy[k++] = x;
      xy[k++] = y;
    }
    if (k >= 4) {
      out.add(k == xy.length ? xy : java.util.Arrays.copyOf(xy, k));
    }
  }

  /**
   * Where point symbols go: each point of a (multi)point; the middle of the longest line; for areas an inside
   * point of the largest polygon (its centroid when that lies inside, as GeoServer does).
   */
  public List<Point2D> anchorPoints() {
    if (points == null) {
      points = computeAnchors();
    }
    return points;
  }

  private List<Point2D> computeAnchors() {
    List<Point2D> out = new ArrayList<>();
    if (geometry instanceof Puntal) {
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        Point p = (Point) geometry.getGeometryN(i);
        if (!p.isEmpty()) {
          out.add(new Point2D.Double(tx.x(p.getX()), tx.y(p.getY())));
        }
      }
      return out;
    }
    Polygon largest = null;
    double bestArea = -1;
    LineString longest = null;
    double bestLen = -1;
    List<Geometry> stack = new ArrayList<>(List.of(geometry));
    while (!stack.isEmpty()) {
      Geometry g = stack.remove(stack.size() - 1);
      if (g instanceof Polygon p && !p.isEmpty()) {
        double a = p.getArea();
        if (a > bestArea) {
          bestArea = a;
          largest = p;
        }
      } else if (g instanceof LineString l && !l.isEmpty()) {
        double len = l.getLength();
        if (len > bestLen) {
          bestLen = len;
          longest = l;
        }
      } else if (g instanceof Point p && !p.isEmpty()) {
        out.add(new Point2D.Double(tx.x(p.getX()), tx.y(p.getY())));
      } else {
        for (int i = g.getNumGeometries() - 1; i >= 0; i--) {
          if (g.getGeometryN(i) != g) {
            stack.add(g.getGeometryN(i));
          }
        }
      }
    }
    if (largest != null) {
      Point c = largest.getCentroid();
      Point inside = largest.contains(c) ? c : largest.getInteriorPoint();
      out.add(0, new Point2D.Double(tx.x(inside.getX()), tx.y(inside.getY())));
    } else if (longest != null) {
      out.add(0, midpoint(longest));
    }
    return out;
  }

  private Point2D midpoint(LineString l) {
    CoordinateSequence cs = l.getCoordinateSequence();
    double half = l.getLength() / 2;
    double run = 0;
    for (int i = 1; i < cs.size(); i++) {
      double dx = cs.getX(i) - cs.getX(i - 1);
      double dy = cs.getY(i) - cs.getY(i - 1);
      double seg = Math.hypot(dx, dy);
      if (run + seg >= half && seg > 0) {
        double t = (half - run) / seg;
        return new Point2D.Double(tx.x(cs.getX(i - 1) + t * dx), tx.y(cs.getY(i - 1) + t * dy));
      }
      run += seg;
    }
    return new Point2D.Double(tx.x(cs.getX(0)), tx.y(cs.getY(0)));
  }

  private void appendRing(Path2D.Double p, CoordinateSequence cs, boolean close) {
    int n = cs.size();
    if (n < 3) {
      return;
    }
    p.moveTo(tx.x(cs.getX(0)), tx.y(cs.getY(0)));
    for (int i = 1; i < n; i++) {
      p.lineTo(tx.x(cs.getX(i)), tx.y(cs.getY(i)));
    }
    if (close) {
      p.closePath();
    }
  }

  private static void forEachPolygon(Geometry g, java.util.function.Consumer<Polygon> f) {
    if (g instanceof Polygon p) {
      if (!p.isEmpty()) {
        f.accept(p);
      }
      return;
    }
    if (g instanceof LineString || g instanceof Point) {
      return;
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) != g) {
        forEachPolygon(g.getGeometryN(i), f);
      }
    }
  }
}
