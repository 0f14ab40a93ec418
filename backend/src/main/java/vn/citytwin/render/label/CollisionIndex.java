package vn.citytwin.render.label;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Boxes of labels already placed on one image, bucketed in a coarse grid so a test looks at a few neighbours
 * only. One per render; not thread-safe.
 */
final class CollisionIndex {
  private static final int CELL = 64;
  private final int cols;
  private final int rows;
  private final List<List<Rectangle2D>> cells;

  CollisionIndex(int width, int height) {
    this.cols = Math.max(1, (width + CELL - 1) / CELL);
    this.rows = Math.max(1, (height + CELL - 1) / CELL);
    this.cells = new ArrayList<>(cols * rows);
    for (int i = 0; i < cols * rows; i++) {
      cells.add(null);
    }
  }

  boolean intersects(Rectangle2D r) {
    int c0 = col(r.getMinX());
    int c1 = col(r.getMaxX());
    int r0 = row(r.getMinY());
    int r1 = row(r.getMaxY());
    for (int y = r0; y <= r1; y++) {
      for (int x = c0; x <= c1; x++) {
        List<Rectangle2D> cell = cells.get(y * cols + x);
        if (cell != null) {
          for (Rectangle2D o : cell) {
            if (o.intersects(r)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  void add(Rectangle2D r) {
    int c0 = col(r.getMinX());
    int c1 = col(r.getMaxX());
    int r0 = row(r.getMinY());
    int r1 = row(r.getMaxY());
    for (int y = r0; y <= r1; y++) {
      for (int x = c0; x <= c1; x++) {
        int i = y * cols + x;
        if (cells.get(i) == null) {
          cells.set(i, new ArrayList<>());
        }
        cells.get(i).add(r);
      }
    }
  }

  private int col(double x) {
    return Math.max(0, Math.min(cols - 1, (int) Math.floor(x / CELL)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(rows - 1, (int) Math.floor(y / CELL)));
  }
}
