package vn.citytwin.demo;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.locationtech.jts.geom.Envelope;

/**
 * A uniform grid of buckets over an envelope of the {@link LocalFrame} plane, holding int ids (a lot, a road
 * segment) in every cell their box touches; boxes outside the envelope are clamped to the border cells. The
 * owner keeps its items in its own parallel arrays and does the exact test; the grid only limits the work.
 *
 * <p>Why a grid and not JTS's STRtree: the layout inserts and queries interleaved (every accepted footprint must be
 * seen by the next test, and an STRtree cannot take items once queried), and a million lots must stay compact
 * arrays of primitives (a few tens of MB), not an Envelope and a node object each.
 */
final class BucketGrid {
  private final double cell;
  private final double x0;
  private final double y0;
  private final int nx;
  private final int ny;
  /** Per cell, its newest entry or -1; each entry links to the one added to that cell before it. */
  private final int[] head;
  private int[] next = new int[1024];
  private int[] idOf = new int[1024];
  private int entries;

  BucketGrid(Envelope env, double cell) {
    this.cell = cell;
    x0 = env.getMinX();
    y0 = env.getMinY();
    nx = (int) Math.ceil(env.getWidth() / cell) + 1;
    ny = (int) Math.ceil(env.getHeight() / cell) + 1;
    head = new int[nx * ny];
    Arrays.fill(head, -1);
  }

  /** Files {@code id} under every cell the box touches. */
  void add(int id, double minX, double minY, double maxX, double maxY) {
    for (int r = row(minY); r <= row(maxY); r++) {
      for (int c = col(minX); c <= col(maxX); c++) {
        if (entries == next.length) {
          next = Arrays.copyOf(next, entries * 2);
          idOf = Arrays.copyOf(idOf, entries * 2);
        }
        int k = r * nx + c;
        idOf[entries] = id;
        next[entries] = head[k];
        head[k] = entries++;
      }
    }
  }

  /**
   * True as soon as {@code hit} is true for an id filed under a cell the box touches (row by row, newest first
   * within a cell). An id filed under several of those cells is offered once per cell.
   */
  boolean any(double minX, double minY, double maxX, double maxY, IntPredicate hit) {
    for (int r = row(minY); r <= row(maxY); r++) {
      for (int c = col(minX); c <= col(maxX); c++) {
        for (int e = head[r * nx + c]; e >= 0; e = next[e]) {
          if (hit.test(idOf[e])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private int col(double x) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / cell)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / cell)));
  }
}
