package vn.citytwin.render.graphic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * An SVG icon reduced to filled and stroked shapes in its viewBox coordinates. Drawn as vectors, so it stays
 * sharp at any size.
 */
public record VectorIcon(Rectangle2D viewBox, List<Part> parts) implements Icon {

  /** One shape with its paint; a null fill or stroke is not drawn. Colours carry their opacity as alpha. */
  public record Part(Shape shape, Color fill, Color stroke, float strokeWidth) {
  }

  public VectorIcon {
    viewBox = (Rectangle2D) viewBox.clone();
    parts = List.copyOf(parts);
  }

  @Override
  public Rectangle2D viewBox() {
    return (Rectangle2D) viewBox.clone();
  }

  @Override
  public double width() {
    return viewBox.getWidth();
  }

  @Override
  public double height() {
    return viewBox.getHeight();
  }

  @Override
  public void paint(Graphics2D g, Rectangle2D target) {
    AffineTransform saved = g.getTransform();
    g.translate(target.getX(), target.getY());
    g.scale(target.getWidth() / viewBox.getWidth(), target.getHeight() / viewBox.getHeight());
    g.translate(-viewBox.getX(), -viewBox.getY());
    for (Part p : parts) {
      if (p.fill() != null) {
        g.setColor(p.fill());
        g.fill(p.shape());
      }
      if (p.stroke() != null && p.strokeWidth() > 0) {
        g.setColor(p.stroke());
        g.setStroke(new BasicStroke(p.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p.shape());
      }
    }
    g.setTransform(saved);
  }
}
