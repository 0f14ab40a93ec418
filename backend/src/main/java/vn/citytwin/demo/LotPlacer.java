package vn.citytwin.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Places footprints and enforces the rules every generated building obeys: wholly inside one parcel (one zone of
 * one ward, never on water, the airport, a forest or a beach), ground no higher than {@link #MAX_GROUND} m,
 * clear of every road edge and of every other footprint. Also lays rows of lots along a street.
 */
final class LotPlacer {
  /** Generated buildings stay off the hill slopes: ground at the centroid at most this high (metres). */
  static final double MAX_GROUND = 20;
  /** Clearance between a footprint and a road edge (metres). */
  static final double ROAD_MARGIN = 0.3;

  /** A parcel: the part of one land-use zone inside one ward; its raster code is its index + 1. */
  record Parcel(Geography.LandUsePiece piece, int ward) {}

  final CellGrid cells;
  final List<Parcel> parcels;
  final Streets streets;
  final LotStore lots;
  final Dem dem;
  final double scale;
  private final double[] qx = new double[4];
  private final double[] qy = new double[4];

  LotPlacer(CellGrid cells, List<Parcel> parcels, Streets streets, LotStore lots, Dem dem, double scale) {
    this.cells = cells;
    this.parcels = parcels;
    this.streets = streets;
    this.lots = lots;
    this.dem = dem;
    this.scale = scale;
  }

  /** The parcel under a point, or null. */
  Parcel parcelAt(double x, double y) {
    int code = cells.codeAt(x, y);
    return code == 0 ? null : parcels.get(code - 1);
  }

  /**
   * Checks a footprint against every rule; stores it and returns its index, or -1. {@code pieceIndex}: the
   * land-use piece it must stand in (-1: any building zone).
   */
  int place(double x, double y, double w2, double d2, double c, double s, int pieceIndex, LotStore.Kind kind,
      int ref, int number, int sub) {
    Shapes.corners(x, y, w2, d2, c, s, qx, qy);
    int code = cells.uniform(qx, qy);
    if (code == 0) {
      return -1;
    }
    Parcel p = parcels.get(code - 1);
    if (pieceIndex >= 0 && p.piece().index() != pieceIndex) {
      return -1;
    }
    if (dem.sampleLocal(x, y) > MAX_GROUND) {
      return -1;
    }
    if (!streets.index.clear(qx, qy, ROAD_MARGIN) || !lots.free(x, y, w2, d2, c, s)) {
      return -1;
    }
    return lots.add(x, y, w2, d2, c, s, kind, p.piece().fabric(), p.ward(), p.piece().index(), ref, number, sub);
  }

  /**
   * Lays one row of lots facing a street, as described by {@code r}; each lot takes a random frontage and depth
   * from the row's dimensions and is kept only if {@link #place} accepts it. Returns the number of lots placed.
   */
  int row(Row r, SplittableRandom rnd) {
    LotDims dims = r.dims;
    double t = r.tStart + rnd.nextDouble() * dims.maxGap() * scale;
    int placed = 0;
    while (true) {
      double w = between(rnd, dims.minFrontage(), dims.maxFrontage()) * scale;
      double dMax = Math.min(dims.maxDepth() * scale, r.maxDepth);
      double dMin = dims.minDepth() * scale;
      if (dMax < dMin * 0.7) {
        return placed;
      }
      double d = between(rnd, Math.min(dMin, dMax), dMax);
      if (t + w > r.tEnd) {
        return placed;
      }
      double tc = t + w / 2;
      double off = r.front + d / 2;
      double x = r.ax + r.dx * tc + r.nx * off;
      double y = r.ay + r.dy * tc + r.ny * off;
      int number = 2 * (int) Math.floor(Math.max(0, tc - r.numberOrigin) / 5) + (r.odd ? 1 : 2);
      int i = place(x, y, w / 2, d / 2, r.dx, r.dy, r.pieceIndex, r.kind, r.ref, number, 0);
      if (i >= 0) {
        placed++;
        if (dims.lShare() > 0 && rnd.nextDouble() < dims.lShare()) {
          // the notch is a back corner: the back lies along +n; in the lot frame depth axis is (-dy, dx)
          boolean backIsPlusV = (-r.dy * r.nx + r.dx * r.ny) > 0;
          int sx = rnd.nextBoolean() ? 1 : 0;
          lots.notch(i, 1 + sx + (backIsPlusV ? 2 : 0), between(rnd, 0.3, 0.55), between(rnd, 0.3, 0.5));
        }
      }
      t += w + between(rnd, dims.minGap(), dims.maxGap()) * scale;
    }
  }

  static double between(SplittableRandom rnd, double a, double b) {
    return a + rnd.nextDouble() * (b - a);
  }

  /**
   * One row request. The street runs from (ax, ay) along unit (dx, dy) (parameter t in metres); lots stand on the
   * side of unit normal (nx, ny), fronts {@code front} metres from the street axis, over [tStart, tEnd], at most
   * {@code maxDepth} deep. House numbers grow with t from {@code numberOrigin}; {@code odd} picks the side.
   */
  static final class Row {
    double ax;
    double ay;
    double dx;
    double dy;
    double nx;
    double ny;
    double tStart;
    double tEnd;
    double front;
    double maxDepth;
    double numberOrigin;
    boolean odd;
    int pieceIndex = -1;
    int ref;
    LotStore.Kind kind;
    LotDims dims;
  }
}
