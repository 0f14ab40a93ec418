package vn.citytwin.render.graphic;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** An external graphic ready to draw at any size. Immutable; painting does not change it. */
public sealed interface Icon permits RasterIcon, VectorIcon {
  /** Native width in pixels. */
  double width();

  /** Native height in pixels. */
  double height();

  /** Draws the icon scaled into {@code target} (pixel space of {@code g}, which may be rotated). */
  void paint(Graphics2D g, Rectangle2D target);
}
