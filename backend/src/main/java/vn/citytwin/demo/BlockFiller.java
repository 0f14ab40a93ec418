package vn.citytwin.demo;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * Fills the blocks of every zone grid: rows of lots facing the streets on the long sides, lots facing the cross
 * streets at the block ends, and — in deep blocks of the dense fabrics — a lane (hẻm) through the middle with
 * lots facing it. Each block is one selection unit.
 */
final class BlockFiller {
  private final CityLayout c;
  private final double laneWidth;

  BlockFiller(CityLayout c) {
    this.c = c;
    this.laneWidth = c.streetWidth(RoadClass.SERVICE);
  }

  void fill() {
    for (CityLayout.BlockRef b : c.blocks) {
      ZoneGrid z = b.grid();
      c.beginUnit(0);
      block(z, b.i(), b.j(), Seeds.stream(c.seed, "block", z.piece.index(), ((long) b.i() << 32) ^ (b.j() & 0xffffffffL)));
    }
  }

  private void block(ZoneGrid z, int i, int j, SplittableRandom rnd) {
    double s = c.scale;
    double uA = z.uAt(i);
    double uB = z.uAt(i + 1);
    double vA = z.vAt(j);
    double vB = z.vAt(j + 1);
    ZoneGrid.Line bottom = z.vLine(j);
    ZoneGrid.Line top = z.vLine(j + 1);
    ZoneGrid.Line left = z.uLine(i);
    ZoneGrid.Line right = z.uLine(i + 1);
    double hB = halfWidth(bottom, uA, uB);
    double hT = halfWidth(top, uA, uB);
    double hL = halfWidth(left, vA, vB);
    double hR = halfWidth(right, vA, vB);
    LotDims street = LotDims.of(z.fabric, LotStore.Kind.STREET);
    double sb = street.front();
    double u0 = uA + Math.max(hL, 3) + sb;
    double u1 = uB - Math.max(hR, 3) - sb;
    double v0 = vA + Math.max(hB, 3) + sb;
    double v1 = vB - Math.max(hT, 3) - sb;
    if (u1 - u0 < 8 || v1 - v0 < 6) {
      return;
    }
    double minD = street.minDepth() * s;
    double endDepth = Math.min(street.maxDepth() * s, (u1 - u0) / 4);
    boolean ends = (u1 - u0) > 4 * minD;
    double rowU0 = u0 + (ends && hL > 0 ? endDepth + 1 : 0);
    double rowU1 = u1 - (ends && hR > 0 ? endDepth + 1 : 0);
    double depth = v1 - v0;
    double vm = (v0 + v1) / 2;
    int laneRef = -1;
    LotDims laneDims = null;
    if (z.fabric.lanes && depth >= 4 * minD * 0.9 + laneWidth + 2 && (hL > 0 || hR > 0)) {
      laneDims = LotDims.of(z.fabric, LotStore.Kind.LANE);
      laneRef = lane(z, left, right, uA + hL, uB - hR, vm, hL > 0, rnd);
    }
    if (laneRef >= 0) {
      double laneFront = laneWidth / 2 + laneDims.front();
      double half = vm - laneFront - v0;
      boolean two = half >= 2 * minD * 0.9 + 0.6;
      double streetDepth = two ? half / 2 - 0.3 : half;
      rows(z, bottom, rowU0, rowU1, hB + sb, streetDepth, true, street, rnd);
      rows(z, top, rowU0, rowU1, hT + sb, streetDepth, false, street, rnd);
      if (two) {
        laneRow(z, vm, rowU0, rowU1, laneFront, half / 2 - 0.3, false, laneRef, laneDims, uA, rnd);
        laneRow(z, vm, rowU0, rowU1, laneFront, half / 2 - 0.3, true, laneRef, laneDims, uA, rnd);
      }
    } else {
      boolean two = depth >= 2 * minD * 0.9 + 0.6 && hB > 0 && hT > 0;
      double d = two ? depth / 2 - 0.3 : depth;
      if (hB > 0) {
        rows(z, bottom, rowU0, rowU1, hB + sb, d, true, street, rnd);
      }
      if (hT > 0 && (two || hB == 0)) {
        rows(z, top, rowU0, rowU1, hT + sb, d, false, street, rnd);
      }
    }
    if (ends) {
      if (hL > 0) {
        rows(z, left, v0, v1, hL + sb, endDepth, true, street, rnd);
      }
      if (hR > 0) {
        rows(z, right, v0, v1, hR + sb, endDepth, false, street, rnd);
      }
    }
  }

  /** Rows facing line l over [t0, t1] of its parameter, on the side of increasing (plus) or decreasing position. */
  private void rows(ZoneGrid z, ZoneGrid.Line l, double t0, double t1, double front, double maxDepth, boolean plus,
      LotDims dims, SplittableRandom rnd) {
    if (l == null || t1 <= t0) {
      return;
    }
    for (ZoneGrid.Span sp : l.spans) {
      double a = Math.max(t0, sp.t0);
      double b = Math.min(t1, sp.t1);
      if (b - a < 3) {
        continue;
      }
      LotPlacer.Row r = frame(z, l, plus);
      r.tStart = a;
      r.tEnd = b;
      r.front = Math.max(front, sp.halfWidth + dims.front());
      r.maxDepth = maxDepth;
      r.numberOrigin = sp.t0;
      r.odd = plus;
      r.pieceIndex = z.piece.index();
      r.ref = sp.ref;
      r.kind = sp.alias >= 0 ? LotStore.Kind.MAIN_FRONT : LotStore.Kind.STREET;
      r.dims = dims;
      c.placer.row(r, rnd);
    }
  }

  private void laneRow(ZoneGrid z, double vm, double t0, double t1, double front, double maxDepth, boolean plus,
      int ref, LotDims dims, double uStart, SplittableRandom rnd) {
    LotPlacer.Row r = new LotPlacer.Row();
    r.ax = z.x(0, vm);
    r.ay = z.y(0, vm);
    r.dx = z.ca;
    r.dy = z.sa;
    r.nx = plus ? -z.sa : z.sa;
    r.ny = plus ? z.ca : -z.ca;
    r.tStart = t0;
    r.tEnd = t1;
    r.front = front;
    r.maxDepth = maxDepth;
    r.numberOrigin = uStart;
    r.odd = plus;
    r.pieceIndex = z.piece.index();
    r.ref = ref;
    r.kind = LotStore.Kind.LANE;
    r.dims = dims;
    c.placer.row(r, rnd);
  }

  /** The street frame of a grid line: origin at parameter 0, direction of increasing t, normal to one side. */
  private static LotPlacer.Row frame(ZoneGrid z, ZoneGrid.Line l, boolean plus) {
    LotPlacer.Row r = new LotPlacer.Row();
    Coordinate o = z.at(l, 0);
    r.ax = o.x;
    r.ay = o.y;
    if (l.alongU) {
      r.dx = z.ca;
      r.dy = z.sa;
      r.nx = plus ? -z.sa : z.sa;
      r.ny = plus ? z.ca : -z.ca;
    } else {
      r.dx = -z.sa;
      r.dy = z.ca;
      r.nx = plus ? z.ca : -z.ca;
      r.ny = plus ? z.sa : -z.sa;
    }
    return r;
  }

  /**
   * Adds a lane along v = vm between the block's side streets (a dead end when only one exists) if nothing
   * stands in its way; returns its address reference or -1.
   */
  private int lane(ZoneGrid z, ZoneGrid.Line left, ZoneGrid.Line right, double ua, double ub, double vm,
      boolean fromLeft, SplittableRandom rnd) {
    ZoneGrid.Line mouthLine = fromLeft ? left : right;
    ZoneGrid.Span mouth = mouthLine.covering(vm - 3, vm + 3);
    if (mouth == null) {
      return -1;
    }
    boolean both = left != null && right != null && left.covering(vm - 3, vm + 3) != null
        && right.covering(vm - 3, vm + 3) != null;
    double a = ua;
    double b = ub;
    if (!both) {
      double len = (ub - ua) * (0.55 + 0.3 * rnd.nextDouble());
      if (fromLeft) {
        b = ua + len;
      } else {
        a = ub - len;
      }
    }
    double cu = (a + b) / 2;
    double half = (b - a) / 2;
    if (half < 10 || !c.lots.free(z.x(cu, vm), z.y(cu, vm), half, laneWidth / 2 + 0.5, z.ca, z.sa)) {
      return -1;
    }
    int number = 2 * (int) Math.floor(Math.max(0, vm - mouth.t0) / 5) + (fromLeft ? 1 : 2);
    String name = c.streets.refs.get(mouth.ref).name();
    c.streets.addRoad("Hẻm " + number + " " + name, RoadClass.SERVICE, 1, laneWidth,
        new Coordinate[] {new Coordinate(z.x(a, vm), z.y(a, vm)), new Coordinate(z.x(b, vm), z.y(b, vm))});
    return c.streets.ref(name, number);
  }

  /** The widest street span of line l overlapping [a, b], as a half-width (0: no street there). */
  private static double halfWidth(ZoneGrid.Line l, double a, double b) {
    if (l == null) {
      return 0;
    }
    double hw = 0;
    for (ZoneGrid.Span s : l.spans) {
      if (s.t1 > a + 3 && s.t0 < b - 3) {
        hw = Math.max(hw, s.halfWidth);
      }
    }
    return hw;
  }
}
