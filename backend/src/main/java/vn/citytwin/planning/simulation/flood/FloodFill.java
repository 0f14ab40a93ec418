package vn.citytwin.planning.simulation.flood;

import java.util.BitSet;
import java.util.function.DoubleConsumer;

/**
 * Which cells a still water level floods when it comes from the sea: not every cell below the level (a plain
 * threshold would flood a basin behind a dyke), only those the water can reach from the sea through cells below
 * the level.
 *
 * <ol>
 *   <li>The sea: cells below mean sea level (height &lt; 0) connected to the grid's edge through such cells. A
 *       depression inland below 0 m is not sea.</li>
 *   <li>The flood: a breadth-first fill from the sea cells below the level through every cell whose ground is below
 *       the level. Flooded = reached and not sea.</li>
 * </ol>
 * Connectivity is 4-neighbour (edge-sharing cells only): water does not pass between two cells that touch only at a
 * corner, so a dyke one cell wide drawn diagonally holds, as it does in the field. NaN (no data) cells are dry
 * ground that water never crosses. O(cells) time and memory.
 */
public final class FloodFill {
  private FloodFill() {}

  /** The flooded and sea cells as bit sets over {@code row * ncols + col}. */
  public record Mask(int ncols, int nrows, BitSet flooded, BitSet sea) {
    public boolean isFlooded(int row, int col) {
      return flooded.get(row * ncols + col);
    }

    public int floodedCells() {
      return flooded.cardinality();
    }
  }

  /**
   * @param level water level, metres above mean sea level
   * @param onProgress fraction done (0–1), called now and then; may throw to stop
   */
  public static Mask fill(DemGrid dem, double level, DoubleConsumer onProgress) {
    int nc = dem.ncols();
    int nr = dem.nrows();
    float[] h = dem.heights();
    int n = nc * nr;
    BitSet sea = new BitSet(n);
    int[] queue = new int[n];
    int tail = 0;
    // 1. The sea, seeded from edge cells below 0 m.
    for (int i = 0; i < n; i++) {
      int r = i / nc;
      int c = i % nc;
      boolean edge = r == 0 || r == nr - 1 || c == 0 || c == nc - 1;
      if (edge && h[i] < 0 && !sea.get(i)) {
        sea.set(i);
        queue[tail++] = i;
      }
    }
    tail = spread(queue, 0, tail, sea, h, nc, nr, 0);
    onProgress.accept(0.4);
    // 2. The flood, from the sea cells the level covers.
    BitSet reached = new BitSet(n);
    int t = 0;
    for (int i = sea.nextSetBit(0); i >= 0; i = sea.nextSetBit(i + 1)) {
      if (h[i] < level) {
        reached.set(i);
        queue[t++] = i;
      }
    }
    spread(queue, 0, t, reached, h, nc, nr, level);
    onProgress.accept(1.0);
    reached.andNot(sea);
    return new Mask(nc, nr, reached, sea);
  }

  /** Breadth-first spread through 4-neighbours whose height is below {@code below}; returns the queue's tail. */
  private static int spread(int[] queue, int head, int tail, BitSet visited, float[] h, int nc, int nr,
                            double below) {
    while (head < tail) {
      int i = queue[head++];
      int r = i / nc;
      int c = i % nc;
      if (c > 0) {
        tail = visit(i - 1, queue, tail, visited, h, below);
      }
      if (c < nc - 1) {
        tail = visit(i + 1, queue, tail, visited, h, below);
      }
      if (r > 0) {
        tail = visit(i - nc, queue, tail, visited, h, below);
      }
      if (r < nr - 1) {
        tail = visit(i + nc, queue, tail, visited, h, below);
      }
    }
    return tail;
  }

  private static int visit(int j, int[] queue, int tail, BitSet visited, float[] h, double below) {
    if (!visited.get(j) && h[j] < below) { // NaN < x is false: no-data cells stop the water
      visited.set(j);
      queue[tail++] = j;
    }
    return tail;
  }
}
