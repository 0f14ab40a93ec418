package vn.citytwin.render.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import java.util.function.Function;
import vn.citytwin.render.style.Expression;
import vn.citytwin.render.style.Fill;
import vn.citytwin.render.style.Stroke;
import vn.citytwin.render.style.Uom;
import vn.citytwin.render.style.Values;

/** Turns style Fill and Stroke into Java2D colours and strokes for one feature. Stateless. */
public final class Paints {
  private static final Color DEFAULT_FILL = new Color(0x808080);

  private Paints() {
  }

  /** The fill colour with fill-opacity applied as alpha. */
  public static Color fillColor(Fill fill, Function<String, Object> props) {
    Color c = Values.color(fill.color(), props, DEFAULT_FILL);
    return withOpacity(c, Values.number(fill.opacity(), props, 1));
  }

  /** The stroke colour with stroke-opacity applied as alpha. */
  public static Color strokeColor(Stroke stroke, Function<String, Object> props) {
    Color c = Values.color(stroke.color(), props, Color.BLACK);
    return withOpacity(c, Values.number(stroke.opacity(), props, 1));
  }

  /** Stroke width in pixels. */
  public static double strokeWidth(Stroke stroke, Function<String, Object> props, Uom uom, double mpp) {
    return Math.max(0, uom.toPixels(Values.number(stroke.width(), props, 1), mpp));
  }

  /** A Java2D stroke: width, join, cap and dashes converted to pixels. Invalid dash arrays draw solid. */
  public static BasicStroke basicStroke(Stroke stroke, Function<String, Object> props, Uom uom, double mpp,
      double widthPx) {
    int join = switch (Values.text(stroke.lineJoin(), props, "mitre").trim().toLowerCase(Locale.ROOT)) {
      case "round" -> BasicStroke.JOIN_ROUND;
      case "bevel" -> BasicStroke.JOIN_BEVEL;
      default -> BasicStroke.JOIN_MITER;
    };
    int cap = switch (Values.text(stroke.lineCap(), props, "butt").trim().toLowerCase(Locale.ROOT)) {
      case "round" -> BasicStroke.CAP_ROUND;
      case "square" -> BasicStroke.CAP_SQUARE;
      default -> BasicStroke.CAP_BUTT;
    };
    float[] dashes = dashArray(stroke.dashArray(), props, uom, mpp);
    float offset = (float) uom.toPixels(Values.number(stroke.dashOffset(), props, 0), mpp);
    return new BasicStroke((float) widthPx, cap, join, 4f, dashes, dashes == null ? 0 : offset);
  }

  private static float[] dashArray(Expression e, Function<String, Object> props, Uom uom, double mpp) {
    String s = Values.text(e, props, null);
    if (s == null || s.isBlank()) {
      return null;
    }
    String[] parts = s.trim().split("[\\s,]+");
    float[] out = new float[parts.length];
    double sum = 0;
    for (int i = 0; i < parts.length; i++) {
      try {
        double v = uom.toPixels(Double.parseDouble(parts[i]), mpp);
        if (v < 0 || Double.isNaN(v)) {
          return null;
        }
        out[i] = (float) v;
        sum += v;
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    return sum > 0 ? out : null;
  }

  /** The colour with its alpha multiplied by opacity (clamped to 0..1). */
  public static Color withOpacity(Color c, double opacity) {
    double o = Math.max(0, Math.min(1, opacity));
    if (o >= 1) {
      return c;
    }
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * o));
  }
}
