package vn.citytwin.render.label;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.util.ArrayList;
import java.util.List;

/** Glyph layout helpers shared by the point and line labelers. Stateless. */
final class TextShapes {
  /** Antialiased, fractional metrics: the context every label is laid out and measured in. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private TextShapes() {
  }

  static GlyphVector glyphs(Font font, String text) {
    char[] chars = text.toCharArray();
    return font.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
  }

  static double advance(GlyphVector gv) {
    return gv.getLogicalBounds().getWidth();
  }

  static LineMetrics metrics(Font font, String text) {
    return font.getLineMetrics(text, FRC);
  }

  /**
   * Splits text into lines no wider than {@code maxWidth} pixels, at spaces; a single word longer than that
   * stays whole. maxWidth &lt;= 0 keeps one line.
   */
  static List<String> wrap(Font font, String text, double maxWidth) {
    List<String> lines = new ArrayList<>();
    if (maxWidth <= 0) {
      lines.add(text);
      return lines;
    }
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" +")) {
      String trial = current.isEmpty() ? word : current + " " + word;
      if (!current.isEmpty() && advance(glyphs(font, trial)) > maxWidth) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(trial);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }
}
