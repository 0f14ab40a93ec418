package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The street grid of one land-use zone: two families of parallel lines in the zone's (u, v) frame — "v-lines"
 * (constant v, running along u) every {@code bv} metres and "u-lines" every {@code bu} metres — clipped to the
 * zone's land. Each line keeps the spans where it is a real street; a span lying on a named main road (same
 * direction, within a few metres) is an alias of that road rather than a new street.
 */
final class ZoneGrid {
  private static final double MIN_SPAN = 30;
  private static final double ALIAS_DIST = 14;
  private static final double ALIAS_SIN = StrictMath.sin(Math.toRadians(5));

  /** A street span along a grid line, t in the line's own parameter (u for v-lines, v for u-lines). */
  static final class Span {
    final double t0;
    final double t1;
    /** The main road this span coincides with, or -1 for a generated street. */
    final int alias;
    int ref = -1;
    double halfWidth;

    Span(double t0, double t1, int alias) {
      this.t0 = t0;
      this.t1 = t1;
      this.alias = alias;
    }
  }

  static final class Line {
    final boolean alongU;
    final int index;
    final double pos;
    final List<Span> spans = new ArrayList<>();
    String key;
    RoadClass roadClass;

    Line(boolean alongU, int index, double pos) {
      this.alongU = alongU;
      this.index = index;
      this.pos = pos;
    }

    /** The span that covers [t0, t1] entirely, or null. */
    Span covering(double t0, double t1) {
      for (Span s : spans) {
        if (s.t0 <= t0 + 1e-6 && s.t1 >= t1 - 1e-6) {
          return s;
        }
      }
      return null;
    }
  }

  final Geography.LandUsePiece piece;
  final Fabric fabric;
  final double ox;
  final double oy;
  final double ca;
  final double sa;
  final double bu;
  final double bv;
  final double u0;
  final double v0;
  final int iMin;
  final int iMax;
  final int jMin;
  final int jMax;
  /** u-lines (constant u), indexed i - iMin. */
  final Line[] uLines;
  /** v-lines (constant v), indexed j - jMin. */
  final Line[] vLines;

  private ZoneGrid(Geography.LandUsePiece piece, double scale) {
    Anchors.GridSpec g = piece.zone().grid();
    this.piece = piece;
    this.fabric = piece.fabric();
    this.ox = g.originX();
    this.oy = g.originY();
    double a = Math.toRadians(g.angleDeg());
    this.ca = StrictMath.cos(a);
    this.sa = StrictMath.sin(a);
    this.bu = g.blockU() * scale;
    this.bv = g.blockV() * scale;
    this.u0 = g.u0();
    this.v0 = g.v0();
    double umin = Double.POSITIVE_INFINITY;
    double umax = Double.NEGATIVE_INFINITY;
    double vmin = Double.POSITIVE_INFINITY;
    double vmax = Double.NEGATIVE_INFINITY;
    for (Coordinate c : piece.geometry().getCoordinates()) {
      double u = u(c.x, c.y);
      double v = v(c.x, c.y);
      umin = Math.min(umin, u);
      umax = Math.max(umax, u);
      vmin = Math.min(vmin, v);
      vmax = Math.max(vmax, v);
    }
    iMin = (int) Math.floor((umin - u0) / bu);
    iMax = (int) Math.ceil((umax - u0) / bu);
    jMin = (int) Math.floor((vmin - v0) / bv);
    jMax = (int) Math.ceil((vmax - v0) / bv);
    uLines = new Line[iMax - iMin + 1];
    vLines = new Line[jMax - jMin + 1];
    for (int i = iMin; i <= iMax; i++) {
      uLines[i - iMin] = new Line(false, i, uAt(i));
    }
    for (int j = jMin; j <= jMax; j++) {
      vLines[j - jMin] = new Line(true, j, vAt(j));
    }
  }

  /**
   * Lays out the grid of a zone with a grid spec, clipped to {@code clip} (the zone's land minus what streets must
   * avoid); block sizes are multiplied by {@code scale}.
   */
  static ZoneGrid build(Geography.LandUsePiece piece, Geometry clip, double scale, List<Anchors.MainRoad> mains) {
    ZoneGrid z = new ZoneGrid(piece, scale);
    Envelope env = clip.getEnvelopeInternal();
    double tuMin = z.iMin * z.bu + z.u0 - 60;
    double tuMax = z.iMax * z.bu + z.u0 + 60;
    double tvMin = z.jMin * z.bv + z.v0 - 60;
    double tvMax = z.jMax * z.bv + z.v0 + 60;
    for (Line l : z.vLines) {
      z.clipLine(l, clip, env, tuMin, tuMax, mains);
    }
    for (Line l : z.uLines) {
      z.clipLine(l, clip, env, tvMin, tvMax, mains);
    }
    return z;
  }

  private void clipLine(Line l, Geometry clip, Envelope env, double t0, double t1, List<Anchors.MainRoad> mains) {
    Coordinate a = at(l, t0);
    Coordinate b = at(l, t1);
    if (!env.intersects(new Envelope(a, b))) {
      return;
    }
    LineString ls = GeoJson.GF.createLineString(new Coordinate[] {a, b});
    Geometry cut = OverlayNGRobust.overlay(clip, ls, OverlayNG.INTERSECTION);
    List<double[]> ranges = new ArrayList<>();
    for (int k = 0; k < cut.getNumGeometries(); k++) {
      if (cut.getGeometryN(k) instanceof LineString part && part.getLength() >= MIN_SPAN) {
        double ta = param(l, part.getCoordinateN(0));
        double tb = param(l, part.getCoordinateN(part.getNumPoints() - 1));
        ranges.add(new double[] {Math.min(ta, tb), Math.max(ta, tb)});
      }
    }
    ranges.sort((p, q) -> Double.compare(p[0], q[0]));
    for (double[] r : ranges) {
      l.spans.add(new Span(r[0], r[1], alias(l, r[0], r[1], mains)));
    }
  }

  /** The main road a span lies on (three sample points within a few metres, parallel), or -1. */
  private int alias(Line l, double t0, double t1, List<Anchors.MainRoad> mains) {
    double dx = l.alongU ? ca : -sa;
    double dy = l.alongU ? sa : ca;
    for (int m = 0; m < mains.size(); m++) {
      Coordinate[] cs = mains.get(m).line().getCoordinates();
      boolean all = true;
      for (double f : new double[] {0.2, 0.5, 0.8}) {
        Coordinate p = at(l, t0 + f * (t1 - t0));
        if (!nearParallel(cs, p, dx, dy)) {
          all = false;
          break;
        }
      }
      if (all) {
        return m;
      }
    }
    return -1;
  }

  private static boolean nearParallel(Coordinate[] cs, Coordinate p, double dx, double dy) {
    for (int i = 0; i + 1 < cs.length; i++) {
      double d2 = Shapes.pointSegment2(p.x, p.y, cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y);
      if (d2 < ALIAS_DIST * ALIAS_DIST) {
        double sx = cs[i + 1].x - cs[i].x;
        double sy = cs[i + 1].y - cs[i].y;
        double len = StrictMath.hypot(sx, sy);
        if (len > 0 && Math.abs(sx * dy - sy * dx) / len < ALIAS_SIN) {
          return true;
        }
      }
    }
    return false;
  }

  double uAt(int i) {
    return u0 + i * bu;
  }

  double vAt(int j) {
    return v0 + j * bv;
  }

  double x(double u, double v) {
    return ox + u * ca - v * sa;
  }

  double y(double u, double v) {
    return oy + u * sa + v * ca;
  }

  double u(double x, double y) {
    return (x - ox) * ca + (y - oy) * sa;
  }

  double v(double x, double y) {
    return -(x - ox) * sa + (y - oy) * ca;
  }

  Line uLine(int i) {
    return i < iMin || i > iMax ? null : uLines[i - iMin];
  }

  Line vLine(int j) {
    return j < jMin || j > jMax ? null : vLines[j - jMin];
  }

  /** The point of line l at parameter t, in local metres. */
  Coordinate at(Line l, double t) {
    return l.alongU ? new Coordinate(x(t, l.pos), y(t, l.pos)) : new Coordinate(x(l.pos, t), y(l.pos, t));
  }

  private double param(Line l, Coordinate c) {
    return l.alongU ? u(c.x, c.y) : v(c.x, c.y);
  }

  /**
   * A key that is equal for geometrically identical lines of different zones (same direction to 0.1°, same
   * offset to 1 m), so a street that crosses zones keeps one name.
   */
  String identity(Line l) {
    double ang = StrictMath.toDegrees(StrictMath.atan2(sa, ca)) + (l.alongU ? 0 : 90);
    ang = ((ang % 180) + 180) % 180;
    long deci = Math.round(ang * 10) % 1800;
    double r = Math.toRadians(deci / 10.0);
    Coordinate p = at(l, 0);
    long off = Math.round(-StrictMath.sin(r) * p.x + StrictMath.cos(r) * p.y);
    return deci + ":" + off;
  }
}
