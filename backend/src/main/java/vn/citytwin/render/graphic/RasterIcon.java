package vn.citytwin.render.graphic;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A decoded PNG/GIF/JPEG. The image is private to this icon and only ever read, so one icon can be drawn by
 * several threads at once.
 */
public final class RasterIcon implements Icon {
  private final BufferedImage image;

  public RasterIcon(BufferedImage image) {
    // a private ARGB copy: the caller's image may change later, and ARGB draws fastest
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = copy.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    this.image = copy;
  }

  @Override
  public double width() {
    return image.getWidth();
  }

  @Override
  public double height() {
    return image.getHeight();
  }

  @Override
  public void paint(Graphics2D g, Rectangle2D target) {
    AffineTransform at = new AffineTransform();
    at.translate(target.getX(), target.getY());
    at.scale(target.getWidth() / image.getWidth(), target.getHeight() / image.getHeight());
    Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, at, null);
    if (old != null) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }
  }
}
