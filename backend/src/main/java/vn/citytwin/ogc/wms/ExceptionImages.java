package vn.citytwin.ogc.wms;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.util.List;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.render.MapRenderer;
import vn.citytwin.render.label.FontResolver;

/**
 * Errors as images (EXCEPTIONS=INIMAGE or BLANK, also application/vnd.ogc.se_inimage/se_blank): an image of the
 * requested size and format, in the background colour (or transparent), with the message written on it for
 * INIMAGE. The request's parameters are read leniently here: the error may be about one of them, so any that
 * cannot be read falls back (256×256, PNG, white).
 */
final class ExceptionImages {
  private static final int FALLBACK_SIZE = 256;

  private ExceptionImages() {}

  /** The encoded image and its content type. */
  static MapImage render(KvpParams p, ExceptionFormat kind, String message, CityTwinConfig.Wms limits) {
    int w = size(p, "WIDTH", limits.maxWidth());
    int h = size(p, "HEIGHT", limits.maxHeight());
    ImageFormat format = p.get("FORMAT").flatMap(ImageFormat::lookup).orElse(ImageFormat.PNG);
    boolean transparent;
    Color bg;
    try {
      transparent = MapRequestParser.transparent(p) && format.supportsTransparency();
    } catch (RuntimeException e) {
      transparent = false;
    }
    try {
      bg = MapRequestParser.background(p);
    } catch (RuntimeException e) {
      bg = Color.WHITE;
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      MapRenderer.applyQualityHints(g);
      if (!transparent) {
        g.setColor(bg);
        g.fillRect(0, 0, w, h);
      }
      if (kind == ExceptionFormat.INIMAGE && message != null) {
        drawMessage(g, message, w, h);
      }
    } finally {
      g.dispose();
    }
    return new MapImage(format.encode(img, bg), format.contentType(), 0, 0, 0, 0, 0);
  }

  private static void drawMessage(Graphics2D g, String message, int w, int h) {
    Font font = FontResolver.system().resolve(List.of("Noto Sans"), Font.PLAIN, 12f, message);
    AttributedString text = new AttributedString(message);
    text.addAttribute(TextAttribute.FONT, font);
    FontRenderContext frc = g.getFontRenderContext();
    LineBreakMeasurer lines = new LineBreakMeasurer(text.getIterator(), frc);
    float margin = 4;
    float y = margin;
    float wrap = Math.max(10, w - 2 * margin);
    g.setColor(Color.BLACK);
    while (lines.getPosition() < message.length() && y < h) {
      TextLayout line = lines.nextLayout(wrap);
      y += line.getAscent();
      line.draw(g, margin, y);
      y += line.getDescent() + line.getLeading();
    }
  }

  private static int size(KvpParams p, String name, int max) {
    try {
      int v = Integer.parseInt(p.get(name).orElse(""));
      return v >= 1 && v <= max ? v : FALLBACK_SIZE;
    } catch (NumberFormatException e) {
      return FALLBACK_SIZE;
    }
  }
}
