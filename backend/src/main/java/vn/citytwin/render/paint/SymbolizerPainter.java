package vn.citytwin.render.paint;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import vn.citytwin.render.style.Fill;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.PointSymbolizer;
import vn.citytwin.render.style.PolygonSymbolizer;
import vn.citytwin.render.style.Stroke;
import vn.citytwin.render.style.Uom;
import vn.citytwin.render.style.Values;

/**
 * Draws polygon, line and point symbolizers for one feature. Stateless; the Graphics2D is the caller's
 * (antialiasing set by the caller).
 */
public final class SymbolizerPainter {
  private SymbolizerPainter() {
  }

  /** Fills and strokes the feature's polygon parts; other geometry kinds draw nothing. */
  public static void polygon(Graphics2D g, PixelGeometry geom, PolygonSymbolizer sym,
      Function<String, Object> props, PaintContext ctx) {
    Shape area = geom.area();
    if (area == null) {
      return;
    }
    if (sym.fill() != null) {
      Paint paint = fillPaint(sym.fill(), props, sym.uom(), ctx.metresPerPixel());
      if (paint != null) {
        g.setPaint(paint);
        g.fill(area);
      }
    }
    if (sym.stroke() != null) {
      stroke(g, area, sym.stroke(), props, sym.uom(), ctx.metresPerPixel());
    }
  }

  /** Strokes lines and polygon outlines, offset sideways when the symbolizer says so. */
  public static void line(Graphics2D g, PixelGeometry geom, LineSymbolizer sym, Function<String, Object> props,
      PaintContext ctx) {
    double offset = sym.perpendicularOffset() == null ? 0
        : sym.uom().toPixels(Values.number(sym.perpendicularOffset(), props, 0), ctx.metresPerPixel());
    Shape shape = offset == 0 ? geom.outline() : LineOffset.offset(geom.polylines(), offset);
    if (shape == null) {
      return;
    }
    stroke(g, shape, sym.stroke(), props, sym.uom(), ctx.metresPerPixel());
  }

  /** Draws the graphic at each anchor point of the feature. */
  public static void point(Graphics2D g, PixelGeometry geom, PointSymbolizer sym, Function<String, Object> props,
      PaintContext ctx) {
    for (Point2D p : geom.anchorPoints()) {
      GraphicPainter.paint(g, p.getX(), p.getY(), sym.graphic(), props, sym.uom(), ctx.metresPerPixel(),
          Double.POSITIVE_INFINITY);
    }
  }

  /** Strokes a pixel shape with a style Stroke. */
  public static void stroke(Graphics2D g, Shape shape, Stroke stroke, Function<String, Object> props, Uom uom,
      double mpp) {
    double w = Paints.strokeWidth(stroke, props, uom, mpp);
    if (w <= 0) {
      return;
    }
    BasicStroke bs = Paints.basicStroke(stroke, props, uom, mpp, w);
    g.setPaint(Paints.strokeColor(stroke, props));
    g.setStroke(bs);
    g.draw(shape);
  }

  /** A solid colour, or a texture of the repeated graphic (tile = graphic size) for GraphicFill. */
  public static Paint fillPaint(Fill fill, Function<String, Object> props, Uom uom, double mpp) {
    if (fill.graphicFill() == null) {
      return Paints.fillColor(fill, props);
    }
    double size = GraphicPainter.sizePx(fill.graphicFill(), props, uom, mpp);
    var first = fill.graphicFill().symbols().isEmpty() ? null : fill.graphicFill().symbols().get(0);
    double aspect = first instanceof vn.citytwin.render.style.ExternalGraphic x
        ? x.icon().width() / x.icon().height() : 1;
    int h = (int) Math.max(1, Math.round(size));
    int w = (int) Math.max(1, Math.round(size * aspect));
    if (w > 512 || h > 512) {
      return null;
    }
    BufferedImage tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D tg = tile.createGraphics();
    try {
      tg.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      GraphicPainter.paint(tg, w / 2.0, h / 2.0, fill.graphicFill(), props, uom, mpp, Double.POSITIVE_INFINITY);
    } finally {
      tg.dispose();
    }
    return new TexturePaint(tile, new Rectangle(0, 0, w, h));
  }
}
