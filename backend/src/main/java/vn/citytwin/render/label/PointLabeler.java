package vn.citytwin.render.label;

import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a point label: the text box (several centred lines when autoWrap applies) is put so that its anchor
 * (fractions of the box, y up) sits on the point plus displacement, then rotated clockwise about the point.
 */
final class PointLabeler {
  private PointLabeler() {
  }

  static PlacedLabel layout(LabelCandidate c) {
    Font font = c.style().font();
    double[] p = c.point();
    double x = p[0];
    double y = p[1];
    double ax = p[2];
    double ay = p[3];
    double dx = p[4];
    double dy = p[5];
    double rotation = p[6];
    List<String> lines = TextShapes.wrap(font, c.text(), c.style().options().autoWrap());
    LineMetrics lm = TextShapes.metrics(font, c.text());
    double ascent = lm.getAscent();
    double lineHeight = lm.getAscent() + lm.getDescent();
    List<GlyphVector> gvs = new ArrayList<>();
    double w = 0;
    for (String line : lines) {
      GlyphVector gv = TextShapes.glyphs(font, line);
      gvs.add(gv);
      w = Math.max(w, TextShapes.advance(gv));
    }
    double h = lineHeight * lines.size();
    double left = dx - ax * w;
    double top = -dy - (1 - ay) * h;
    Path2D.Double outline = new Path2D.Double();
    for (int i = 0; i < gvs.size(); i++) {
      GlyphVector gv = gvs.get(i);
      double lx = left + (w - TextShapes.advance(gv)) / 2;
      double baseline = top + i * lineHeight + ascent;
      outline.append(gv.getOutline((float) lx, (float) baseline), false);
    }
    AffineTransform at = AffineTransform.getTranslateInstance(x, y);
    if (rotation != 0) {
      at.rotate(Math.toRadians(rotation));
    }
    Rectangle2D box = new Rectangle2D.Double(left, top, w, h);
    Rectangle2D placedBox = at.createTransformedShape(box).getBounds2D();
    return new PlacedLabel(at.createTransformedShape(outline), List.of(placedBox));
  }
}
