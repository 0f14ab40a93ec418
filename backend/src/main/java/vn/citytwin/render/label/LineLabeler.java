package vn.citytwin.render.label;

import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lays out labels along lines. The lines are clipped to the image; runs are tried longest first, positions from
 * the run's middle outwards. A label reads left to right (the run is walked backwards when it points left), is
 * centred vertically on the line (or offset above it), and either follows the curve glyph by glyph (followLine,
 * with at most maxAngleDelta between neighbouring glyphs) or is straight, where the line is straight enough.
 * A run shorter than the text gets no label.
 */
final class LineLabeler {
  private static final int MAX_TRIES_PER_RUN = 15;

  private LineLabeler() {
  }

  /**
   * Places the label (several times when the repeat option asks for it).
   *
   * @param accept tests a layout against the labels already placed, and records it when it fits
   * @return how many copies were placed
   */
  static int place(LabelCandidate c, int width, int height, Predicate<PlacedLabel> accept) {
    Font font = c.style().font();
    GlyphVector gv = TextShapes.glyphs(font, c.text());
    double textW = TextShapes.advance(gv);
    LineMetrics lm = TextShapes.metrics(font, c.text());
    double margin = c.style().options().partials() ? textW : 0;
    List<double[]> runs = new ArrayList<>();
    for (double[] line : c.lines()) {
      runs.addAll(visibleRuns(line, -margin, -margin, width + margin, height + margin));
    }
    List<PathWalker> walkers = new ArrayList<>();
    for (double[] r : runs) {
      PathWalker w = new PathWalker(r, false);
      if (w.length() >= textW) {
        walkers.add(w);
      }
    }
    walkers.sort(Comparator.comparingDouble(PathWalker::length).reversed());
    int repeat = c.style().options().repeat();
    int placed = 0;
    for (PathWalker run : walkers) {
      List<Double> accepted = new ArrayList<>();
      for (double s : positions(run.length(), textW, repeat)) {
        if (repeat > 0 && accepted.stream().anyMatch(a -> Math.abs(a - s) < repeat)) {
          continue;
        }
        PlacedLabel label = layoutAt(c, gv, textW, lm, run, s);
        if (label != null && accept.test(label)) {
          accepted.add(s);
          placed++;
          if (repeat <= 0) {
            return placed;
          }
        }
      }
    }
    return placed;
  }

  /** Label centres to try: from the middle outwards (every {@code repeat} px too when repeating). */
  private static List<Double> positions(double runLength, double textW, int repeat) {
    double lo = textW / 2;
    double hi = runLength - textW / 2;
    double mid = runLength / 2;
    List<Double> out = new ArrayList<>();
    out.add(mid);
    double step = Math.max(textW / 3, 8);
    for (int k = 1; out.size() < MAX_TRIES_PER_RUN * 2 + 1; k++) {
      double a = mid - k * step;
      double b = mid + k * step;
      if (a < lo && b > hi) {
        break;
      }
      if (a >= lo) {
        out.add(a);
      }
      if (b <= hi) {
        out.add(b);
      }
    }
    if (repeat > 0) {
      // repeated copies at regular spacing from the middle; the fit tests decide which survive
      for (double s = mid - repeat; s >= lo; s -= repeat) {
        out.add(s);
      }
      for (double s = mid + repeat; s <= hi; s += repeat) {
        out.add(s);
      }
    }
    return out;
  }

  private static PlacedLabel layoutAt(LabelCandidate c, GlyphVector gv, double textW, LineMetrics lm,
      PathWalker forward, double center) {
    double len = forward.length();
    PathWalker walker = forward;
    double s = center;
    double dir = forward.angle(center - textW / 2, center + textW / 2);
    if (Math.cos(dir) < 0) {
      walker = forward.reversed();
      s = len - center;
    }
    double start = s - textW / 2;
    // baseline shift that puts the middle of the text's height on the line, then the offset above it
    double shift = (lm.getAscent() - lm.getDescent()) / 2 - c.lineOffset();
    return c.style().options().followLine()
        ? curved(c, gv, lm, walker, start, shift)
        : straight(gv, textW, lm, walker, start, shift);
  }

  private static PlacedLabel curved(LabelCandidate c, GlyphVector gv, LineMetrics lm, PathWalker walker,
      double start, double shift) {
    double maxDelta = Math.toRadians(c.style().options().maxAngleDelta());
    Path2D.Double outline = new Path2D.Double();
    List<Rectangle2D> boxes = new ArrayList<>();
    Double prevAngle = null;
    for (int i = 0; i < gv.getNumGlyphs(); i++) {
      Point2D pos = gv.getGlyphPosition(i);
      double adv = gv.getGlyphMetrics(i).getAdvance();
      double mid = start + pos.getX() + adv / 2;
      double angle = walker.angle(mid - Math.max(adv, 2) / 2, mid + Math.max(adv, 2) / 2);
      if (prevAngle != null && adv > 0) {
        double delta = Math.abs(Math.atan2(Math.sin(angle - prevAngle), Math.cos(angle - prevAngle)));
        if (delta > maxDelta) {
          return null;
        }
      }
      if (adv > 0) {
        prevAngle = angle;
      }
      double[] p = walker.pointAt(mid);
      AffineTransform at = AffineTransform.getTranslateInstance(p[0], p[1]);
      at.rotate(angle);
      at.translate(-(pos.getX() + adv / 2), shift);
      outline.append(at.createTransformedShape(gv.getGlyphOutline(i)), false);
      Rectangle2D cell = new Rectangle2D.Double(pos.getX(), -lm.getAscent(), Math.max(adv, 1),
          lm.getAscent() + lm.getDescent());
      boxes.add(at.createTransformedShape(cell).getBounds2D());
    }
    return new PlacedLabel(outline, boxes);
  }

  private static PlacedLabel straight(GlyphVector gv, double textW, LineMetrics lm, PathWalker walker,
      double start, double shift) {
    double height = lm.getAscent() + lm.getDescent();
    if (walker.deviation(start, start + textW) > height * 0.6) {
      return null; // too curved here for straight text
    }
    double angle = walker.angle(start, start + textW);
    double[] p = walker.pointAt(start);
    double[] q = walker.pointAt(start + textW);
    // centre the text on the chord's middle, so a slightly bent line stays under the label's centre
    double chord = Math.hypot(q[0] - p[0], q[1] - p[1]);
    double lead = (chord - textW) / 2;
    AffineTransform at = AffineTransform.getTranslateInstance(p[0], p[1]);
    at.rotate(angle);
    at.translate(lead, shift);
    List<Rectangle2D> boxes = new ArrayList<>();
    for (int i = 0; i < gv.getNumGlyphs(); i++) {
      Point2D pos = gv.getGlyphPosition(i);
      double adv = gv.getGlyphMetrics(i).getAdvance();
      Rectangle2D cell = new Rectangle2D.Double(pos.getX(), -lm.getAscent(), Math.max(adv, 1), height);
      boxes.add(at.createTransformedShape(cell).getBounds2D());
    }
    return new PlacedLabel(at.createTransformedShape(gv.getOutline()), boxes);
  }

  /** The parts of a polyline inside the rectangle, as separate runs (Liang–Barsky per segment). */
  static List<double[]> visibleRuns(double[] xy, double minX, double minY, double maxX, double maxY) {
    List<double[]> runs = new ArrayList<>();
    double[] cur = new double[xy.length + 4];
    int n = 0;
    for (int i = 0; i + 3 < xy.length; i += 2) {
      double[] seg = clip(xy[i], xy[i + 1], xy[i + 2], xy[i + 3], minX, minY, maxX, maxY);
      if (seg == null) {
        n = flush(runs, cur, n);
        continue;
      }
      boolean continues = n >= 2 && cur[n - 2] == seg[0] && cur[n - 1] == seg[1];
      if (!continues) {
        n = flush(runs, cur, n);
        cur[n++] = seg[0];
        cur[n++] = seg[1];
      }
      if (n + 2 > cur.length) {
        cur = java.util.Arrays.copyOf(cur, cur.length * 2);
      }
      cur[n++] = seg[2];
      cur[n++] = seg[3];
      if (seg[2] != xy[i + 2] || seg[3] != xy[i + 3]) {
        n = flush(runs, cur, n); // the line leaves the image here
      }
    }
    flush(runs, cur, n);
    return runs;
  }

  private static int flush(List<double[]> runs, double[] cur, int n) {
    if (n >= 4) {
      runs.add(java.util.Arrays.copyOf(cur, n));
    }
    return 0;
  }

  private static double[] clip(double x0, double y0, double x1, double y1, double minX, double minY,
      double maxX, double maxY) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double t0 = 0;
    double t1 = 1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - minX, maxX - x0, y0 - minY, maxY - y0};
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return null;
        }
      } else {
        double r = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    if (t0 > t1) {
      return null;
    }
    return new double[] {t0 == 0 ? x0 : x0 + t0 * dx, t0 == 0 ? y0 : y0 + t0 * dy,
        t1 == 1 ? x1 : x0 + t1 * dx, t1 == 1 ? y1 : y0 + t1 * dy};
  }
}
