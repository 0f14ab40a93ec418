package vn.citytwin.render.label;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** A laid-out label: its glyph outlines in pixel space and the boxes it occupies (per glyph for line labels). */
record PlacedLabel(Shape outline, List<Rectangle2D> boxes) {

  /** True when every box lies within the image. */
  boolean inside(int width, int height) {
    for (Rectangle2D b : boxes) {
      if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > width || b.getMaxY() > height) {
        return false;
      }
    }
    return true;
  }
}
