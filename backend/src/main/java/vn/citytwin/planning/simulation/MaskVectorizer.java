package vn.citytwin.planning.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Turns a mask of grid cells into polygons whose edges are the cell edges: exactly the union of the set cells, in
 * time linear in the number of cells (a JTS union of cell boxes took minutes on a ragged 4-million-cell mask;
 * this takes about two seconds). Used for flood extents (lon/lat grids) and service areas (metre grids).
 *
 * <ol>
 *   <li>Every side of a set cell that borders an unset cell (or the grid edge) is a boundary edge, directed with
 *       the set cell on its left, so outer rings run counter-clockwise and holes clockwise.</li>
 *   <li>Edges are chained into rings. Where two set cells touch only at a corner the chain turns left, around
 *       the cell it came along: the cells stay apart (4-neighbour connectivity, as in the flood fill).</li>
 *   <li>A ring that passes a corner twice is split there, so no ring touches itself (a hole may then touch its
 *       shell at one point, which is valid). Vertices along straight runs are dropped.</li>
 *   <li>Counter-clockwise rings are shells; each hole goes to the smallest shell that contains it.</li>
 * </ol>
 * Corner coordinates are {@code x0 + col·cell}, {@code y0 + row·cell}; the result is in the grid's coordinates.
 */
public final class MaskVectorizer {
  /**
   * A regular grid: cell (row, col) spans x {@code x0 + col·cell … + cell} and y {@code y0 + row·cell … + cell};
   * row 0 at the bottom (south). Cells are indexed {@code row * ncols + col} in the mask.
   */
  public record Grid(int ncols, int nrows, double x0, double y0, double cell) {}

  private final GeometryFactory factory;

  public MaskVectorizer(GeometryFactory factory) {
    this.factory = factory;
  }

  /**
   * The union of the set cells; an empty MultiPolygon when none is set.
   *
   * @param onProgress fraction done (0–1) now and then; may throw to stop
   */
  public Geometry polygons(Grid grid, BitSet mask, DoubleConsumer onProgress) {
    int nc = grid.ncols();
    int nr = grid.nrows();
    int vcols = nc + 1;
    // Up to two outgoing edges per corner (two at a corner where flooded cells touch diagonally); an edge is
    // stored as its end corner, -1 when absent.
    int corners = (nr + 1) * vcols;
    int[] out1 = new int[corners];
    int[] out2 = new int[corners];
    Arrays.fill(out1, -1);
    Arrays.fill(out2, -1);
    int edges = 0;
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        if (!mask.get(r * nc + c)) {
          continue;
        }
        int sw = r * vcols + c;
        int se = sw + 1;
        int nw = sw + vcols;
        int ne = nw + 1;
        if (r == 0 || !mask.get((r - 1) * nc + c)) {
          edges += add(out1, out2, sw, se);
        }
        if (c == nc - 1 || !mask.get(r * nc + c + 1)) {
          edges += add(out1, out2, se, ne);
        }
        if (r == nr - 1 || !mask.get((r + 1) * nc + c)) {
          edges += add(out1, out2, ne, nw);
        }
        if (c == 0 || !mask.get(r * nc + c - 1)) {
          edges += add(out1, out2, nw, sw);
        }
      }
      if (r % 256 == 255) {
        onProgress.accept(0.3 * r / nr);
      }
    }
    if (edges == 0) {
      return factory.createMultiPolygon();
    }
    List<int[]> rings = new ArrayList<>();
    int[] path = new int[edges + 1];
    int[] seenAt = new int[corners];
    Arrays.fill(seenAt, -1);
    for (int start = 0; start < corners; start++) {
      while (out1[start] >= 0 || out2[start] >= 0) {
        trace(start, out1, out2, vcols, path, seenAt, rings);
      }
    }
    onProgress.accept(0.6);
    return assemble(grid, rings, onProgress);
  }

  private static int add(int[] out1, int[] out2, int from, int to) {
    if (out1[from] < 0) {
      out1[from] = to;
    } else {
      out2[from] = to;
    }
    return 1;
  }

  /**
   * Follows edges from {@code start} until it returns there, consuming them; every time a corner repeats, the loop
   * since its first visit is cut off as a ring of its own.
   */
  private static void trace(int start, int[] out1, int[] out2, int vcols, int[] path, int[] seenAt,
                            List<int[]> rings) {
    int len = 0;
    int prev = -1;
    int at = start;
    do {
      int next = take(at, prev, out1, out2, vcols);
      if (seenAt[at] >= 0) {
        // A corner seen before on this path: the stretch since then is a closed ring.
        int from = seenAt[at];
        int[] ring = Arrays.copyOfRange(path, from, len + 1);
        ring[ring.length - 1] = at;
        rings.add(ring);
        for (int k = from + 1; k < len; k++) {
          seenAt[path[k]] = -1;
        }
        len = from;
      }
      seenAt[at] = len;
      path[len++] = at;
      prev = at;
      at = next;
    } while (at != start);
    int[] ring = Arrays.copyOf(path, len + 1);
    ring[len] = start;
    rings.add(ring);
    for (int k = 0; k < len; k++) {
      seenAt[path[k]] = -1;
    }
  }

  /** Removes and returns the edge to leave {@code at} by: the left turn where there are two. */
  private static int take(int at, int prev, int[] out1, int[] out2, int vcols) {
    int a = out1[at];
    int b = out2[at];
    int chosen;
    if (b < 0 || prev < 0) {
      chosen = a >= 0 ? a : b;
    } else {
      // Incoming direction (dx, dy) and the two candidates: pick the one with the positive cross product (left).
      int dx = at % vcols - prev % vcols;
      int dy = at / vcols - prev / vcols;
      int ax = a % vcols - at % vcols;
      int ay = a / vcols - at / vcols;
      chosen = dx * ay - dy * ax > 0 ? a : b;
    }
    if (chosen == a) {
      out1[at] = out2[at];
      out2[at] = -1;
    } else {
      out2[at] = -1;
    }
    return chosen;
  }

  private Geometry assemble(Grid grid, List<int[]> rings, DoubleConsumer onProgress) {
    int vcols = grid.ncols() + 1;
    List<LinearRing> shells = new ArrayList<>();
    List<LinearRing> holes = new ArrayList<>();
    for (int[] ring : rings) {
      Coordinate[] coords = corners(grid, ring, vcols);
      if (coords.length < 4) {
        continue;
      }
      LinearRing lr = factory.createLinearRing(coords);
      if (org.locationtech.jts.algorithm.Orientation.isCCW(lr.getCoordinateSequence())) {
        shells.add(lr);
      } else {
        holes.add(lr);
      }
    }
    onProgress.accept(0.75);
    // Holes into the smallest shell that contains them (islands inside lakes inside islands nest correctly).
    List<Polygon> shellPolys = shells.stream().map(s -> factory.createPolygon(s)).toList();
    STRtree index = new STRtree();
    for (int i = 0; i < shellPolys.size(); i++) {
      index.insert(shellPolys.get(i).getEnvelopeInternal(), i);
    }
    List<List<LinearRing>> holesOf = new ArrayList<>();
    shellPolys.forEach(s -> holesOf.add(new ArrayList<>()));
    IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[shellPolys.size()];
    for (LinearRing hole : holes) {
      Coordinate probe = insideHole(hole, grid.cell());
      @SuppressWarnings("unchecked")
      List<Integer> candidates = index.query(new org.locationtech.jts.geom.Envelope(probe));
      candidates.sort(Comparator.comparingDouble(i -> shellPolys.get(i).getArea()));
      for (int i : candidates) {
        if (locators[i] == null) {
          locators[i] = new IndexedPointInAreaLocator(shellPolys.get(i));
        }
        if (locators[i].locate(probe) == Location.INTERIOR) {
          holesOf.get(i).add(hole);
          break;
        }
      }
    }
    Polygon[] polygons = new Polygon[shells.size()];
    for (int i = 0; i < shells.size(); i++) {
      polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
    }
    onProgress.accept(1.0);
    return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
  }

  /** A point a quarter cell to the right of the hole's first edge: inside the hole (the dry side). */
  private static Coordinate insideHole(LinearRing hole, double cell) {
    Coordinate a = hole.getCoordinateN(0);
    Coordinate b = hole.getCoordinateN(1);
    double len = a.distance(b);
    double mx = (a.x + b.x) / 2;
    double my = (a.y + b.y) / 2;
    // Right of the direction (dx, dy) is (dy, -dx).
    return new Coordinate(mx + (b.y - a.y) / len * cell / 4, my - (b.x - a.x) / len * cell / 4);
  }

  /** The ring's corners as coordinates, without the vertices in the middle of straight runs. */
  private static Coordinate[] corners(Grid grid, int[] ring, int vcols) {
    List<Coordinate> out = new ArrayList<>();
    int n = ring.length - 1; // closed: last equals first
    for (int k = 0; k < n; k++) {
      int p = ring[(k - 1 + n) % n];
      int v = ring[k];
      int q = ring[(k + 1) % n];
      int dx1 = v % vcols - p % vcols;
      int dy1 = v / vcols - p / vcols;
      int dx2 = q % vcols - v % vcols;
      int dy2 = q / vcols - v / vcols;
      if (dx1 * dy2 - dy1 * dx2 != 0) {
        out.add(new Coordinate(grid.x0() + (v % vcols) * grid.cell(), grid.y0() + (v / vcols) * grid.cell()));
      }
    }
    if (out.isEmpty()) {
      return new Coordinate[0];
    }
    out.add(new Coordinate(out.get(0)));
    return out.toArray(new Coordinate[0]);
  }
}
