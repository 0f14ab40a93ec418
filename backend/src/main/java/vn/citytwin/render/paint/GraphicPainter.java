package vn.citytwin.render.paint;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.function.Function;
import vn.citytwin.render.style.AnchorPoint;
import vn.citytwin.render.style.Displacement;
import vn.citytwin.render.style.ExternalGraphic;
import vn.citytwin.render.style.Graphic;
import vn.citytwin.render.style.GraphicSymbol;
import vn.citytwin.render.style.Mark;
import vn.citytwin.render.style.Uom;
import vn.citytwin.render.style.Values;
import vn.citytwin.render.style.WellKnownMark;

/** Draws a Graphic (mark or external image) at a pixel position. Stateless. */
public final class GraphicPainter {
  /** SLD default mark size in pixels. */
  public static final double DEFAULT_MARK_SIZE = 6;

  private GraphicPainter() {
  }

  /** The height in pixels the graphic is drawn at for this feature. */
  public static double sizePx(Graphic graphic, Function<String, Object> props, Uom uom, double mpp) {
    GraphicSymbol first = graphic.symbols().isEmpty() ? null : graphic.symbols().get(0);
    double natural = first instanceof ExternalGraphic x ? x.icon().height() : DEFAULT_MARK_SIZE;
    if (graphic.size() == null) {
      return natural;
    }
    return Math.max(0, uom.toPixels(Values.number(graphic.size(), props, natural), mpp));
  }

  /**
   * Draws the graphic with its anchor at (x, y), displaced, rotated clockwise and with opacity.
   *
   * @param maxSizePx caps the size (legend icons); use Double.POSITIVE_INFINITY on maps
   */
  public static void paint(Graphics2D g, double x, double y, Graphic graphic, Function<String, Object> props,
      Uom uom, double mpp, double maxSizePx) {
    double size = Math.min(sizePx(graphic, props, uom, mpp), maxSizePx);
    if (size <= 0) {
      return;
    }
    double opacity = Math.max(0, Math.min(1, Values.number(graphic.opacity(), props, 1)));
    if (opacity == 0) {
      return;
    }
    double rotation = Values.number(graphic.rotation(), props, 0);
    double ax = 0.5;
    double ay = 0.5;
    AnchorPoint a = graphic.anchor();
    if (a != null) {
      ax = Values.number(a.x(), props, 0.5);
      ay = Values.number(a.y(), props, 0.5);
    }
    double dx = 0;
    double dy = 0;
    Displacement d = graphic.displacement();
    if (d != null) {
      dx = uom.toPixels(Values.number(d.x(), props, 0), mpp);
      dy = uom.toPixels(Values.number(d.y(), props, 0), mpp);
    }
    AffineTransform saved = g.getTransform();
    Composite savedComposite = g.getComposite();
    try {
      g.translate(x + dx, y - dy); // SE displacement y points up
      if (rotation != 0) {
        g.rotate(Math.toRadians(rotation));
      }
      if (opacity < 1) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
      }
      GraphicSymbol symbol = graphic.symbols().isEmpty()
          ? new Mark(WellKnownMark.SQUARE, new vn.citytwin.render.style.Fill(null, null, null),
              new vn.citytwin.render.style.Stroke(null, null, null, null, null, null, null))
          : graphic.symbols().get(0);
      if (symbol instanceof Mark m) {
        // anchor is a fraction of the box, y up; marks are centred on the origin
        g.translate((0.5 - ax) * size, (ay - 0.5) * size);
        paintMark(g, m, size, props, uom, mpp);
      } else if (symbol instanceof ExternalGraphic eg) {
        double w = size * eg.icon().width() / eg.icon().height();
        eg.icon().paint(g, new Rectangle2D.Double(-ax * w, -(1 - ay) * size, w, size));
      }
    } finally {
      g.setTransform(saved);
      g.setComposite(savedComposite);
    }
  }

  private static void paintMark(Graphics2D g, Mark m, double size, Function<String, Object> props, Uom uom,
      double mpp) {
    Shape shape = AffineTransform.getScaleInstance(size, size).createTransformedShape(Marks.unitShape(m.shape()));
    if (m.fill() != null) {
      g.setColor(Paints.fillColor(m.fill(), props));
      g.fill(shape);
    }
    if (m.stroke() != null) {
      double w = Paints.strokeWidth(m.stroke(), props, uom, mpp);
      if (w > 0) {
        Color c = Paints.strokeColor(m.stroke(), props);
        BasicStroke bs = Paints.basicStroke(m.stroke(), props, uom, mpp, w);
        g.setColor(c);
        g.setStroke(bs);
        g.draw(shape);
      }
    }
  }
}
