package vn.citytwin.render.label;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.citytwin.render.paint.Paints;
import vn.citytwin.render.paint.PixelGeometry;
import vn.citytwin.render.style.AnchorPoint;
import vn.citytwin.render.style.Displacement;
import vn.citytwin.render.style.Halo;
import vn.citytwin.render.style.LabelOptions;
import vn.citytwin.render.style.LinePlacement;
import vn.citytwin.render.style.PointPlacement;
import vn.citytwin.render.style.TextSymbolizer;
import vn.citytwin.render.style.Uom;
import vn.citytwin.render.style.Values;

/**
 * Collects the labels of every layer of one map while features are drawn, then places them all at the end, over
 * everything: highest priority first (ties in layer then feature order), skipping a label whose boxes (grown by
 * its spaceAround) touch a label already placed, or that would be cut by the image edge. One per render; not
 * thread-safe.
 */
public final class LabelEngine {
  private static final double DEFAULT_PRIORITY = 1000;
  private static final float DEFAULT_FONT_SIZE = 10;

  private final FontResolver fonts;
  private final int width;
  private final int height;
  private final double metresPerPixel;
  private final List<LabelCandidate> candidates = new ArrayList<>();

  public LabelEngine(FontResolver fonts, int width, int height, double metresPerPixel) {
    this.fonts = fonts;
    this.width = width;
    this.height = height;
    this.metresPerPixel = metresPerPixel;
  }

  /** Queues the label of one feature; a null or blank label text queues nothing. */
  public void collect(TextSymbolizer sym, PixelGeometry geom, Function<String, Object> props, int layerIndex) {
    String raw = Values.text(sym.label(), props, null);
    if (raw == null || raw.isBlank()) {
      return;
    }
    String text = Normalizer.normalize(raw.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    LabelStyle style = style(sym, props, text);
    double priority = Values.number(style.options().priority(), props, DEFAULT_PRIORITY);
    Object groupKey = style.options().group() ? List.of(layerIndex, sym, text)
        : null;
    Uom uom = sym.uom();
    int order = candidates.size();
    if (sym.placement() instanceof LinePlacement lp && (geom.hasLines() || geom.hasArea())) {
      double offset = uom.toPixels(Values.number(lp.perpendicularOffset(), props, 0), metresPerPixel);
      List<double[]> lines = geom.polylines();
      if (!lines.isEmpty()) {
        candidates.add(new LabelCandidate(text, style, priority, order, groupKey, null, lines, offset));
      }
      return;
    }
    List<Point2D> anchors = geom.anchorPoints();
    if (anchors.isEmpty()) {
      return;
    }
    double ax = 0.5;
    double ay = 0.5;
    double dx = 0;
    double dy = 0;
    double rotation = 0;
    if (sym.placement() instanceof PointPlacement pp) {
      AnchorPoint a = pp.anchor();
      if (a != null) {
        ax = Values.number(a.x(), props, 0.5);
        ay = Values.number(a.y(), props, 0.5);
      }
      Displacement d = pp.displacement();
      if (d != null) {
        dx = uom.toPixels(Values.number(d.x(), props, 0), metresPerPixel);
        dy = uom.toPixels(Values.number(d.y(), props, 0), metresPerPixel);
      }
      rotation = Values.number(pp.rotation(), props, 0);
    }
    Point2D p = anchors.get(0);
    candidates.add(new LabelCandidate(text, style, priority, order, groupKey,
        new double[] {p.getX(), p.getY(), ax, ay, dx, dy, rotation}, null, 0));
  }

  private LabelStyle style(TextSymbolizer sym, Function<String, Object> props, String text) {
    int fontStyle = Font.PLAIN;
    float size = DEFAULT_FONT_SIZE;
    List<String> families = List.of();
    if (sym.font() != null) {
      families = sym.font().families();
      String weight = Values.text(sym.font().weight(), props, "normal").trim().toLowerCase(Locale.ROOT);
      Double numericWeight = Values.toNumber(weight);
      if (weight.equals("bold") || weight.equals("bolder") || (numericWeight != null && numericWeight >= 600)) {
        fontStyle |= Font.BOLD;
      }
      String st = Values.text(sym.font().style(), props, "normal").trim().toLowerCase(Locale.ROOT);
      if (st.equals("italic") || st.equals("oblique")) {
        fontStyle |= Font.ITALIC;
      }
      size = (float) sym.uom().toPixels(Values.number(sym.font().size(), props, DEFAULT_FONT_SIZE),
          metresPerPixel);
    }
    Font font = fonts.resolve(families, fontStyle, Math.max(1f, size), text);
    Color fill = sym.fill() != null ? Paints.fillColor(sym.fill(), props) : Color.BLACK;
    Color halo = null;
    double haloRadius = 0;
    Halo h = sym.halo();
    if (h != null) {
      haloRadius = sym.uom().toPixels(Values.number(h.radius(), props, 1), metresPerPixel);
      halo = h.fill() != null ? Paints.fillColor(h.fill(), props) : Color.WHITE;
    }
    LabelOptions options = sym.options();
    return new LabelStyle(font, fill, halo, haloRadius, options);
  }

  /** Number of labels queued so far (after grouping nothing is merged yet). */
  public int queued() {
    return candidates.size();
  }

  /**
   * Places and draws every queued label.
   *
   * @return how many labels were drawn
   */
  public int drawAll(Graphics2D g) {
    List<LabelCandidate> list = grouped();
    list.sort(Comparator.comparingDouble(LabelCandidate::priority).reversed()
        .thenComparingInt(LabelCandidate::order));
    CollisionIndex index = new CollisionIndex(width, height);
    int drawn = 0;
    for (LabelCandidate c : list) {
      LabelOptions o = c.style().options();
      if (c.isLine()) {
        drawn += LineLabeler.place(c, width, height, label -> fits(label, o, index) && paint(g, c, label, o, index));
      } else {
        PlacedLabel label = PointLabeler.layout(c);
        if (fits(label, o, index) && paint(g, c, label, o, index)) {
          drawn++;
        }
      }
    }
    return drawn;
  }

  private boolean fits(PlacedLabel label, LabelOptions o, CollisionIndex index) {
    if (!o.partials() && !label.inside(width, height)) {
      return false;
    }
    if (!o.conflictResolution()) {
      return true;
    }
    for (Rectangle2D b : label.boxes()) {
      if (index.intersects(grow(b, o.spaceAround()))) {
        return false;
      }
    }
    return true;
  }

  private boolean paint(Graphics2D g, LabelCandidate c, PlacedLabel label, LabelOptions o, CollisionIndex index) {
    if (o.conflictResolution()) {
      label.boxes().forEach(b -> index.add(grow(b, Math.max(0, o.spaceAround()))));
    }
    LabelStyle s = c.style();
    if (s.halo() != null && s.haloRadius() > 0) {
      g.setColor(s.halo());
      g.setStroke(new BasicStroke((float) (2 * s.haloRadius()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(label.outline());
    }
    g.setColor(s.fill());
    g.fill(label.outline());
    return true;
  }

  private static Rectangle2D grow(Rectangle2D r, double by) {
    if (by == 0) {
      return r;
    }
    return new Rectangle2D.Double(r.getX() - by, r.getY() - by, Math.max(0, r.getWidth() + 2 * by),
        Math.max(0, r.getHeight() + 2 * by));
  }

  /** Candidates with the group option merged by key: lines joined end to end, points keep the first. */
  private List<LabelCandidate> grouped() {
    List<LabelCandidate> out = new ArrayList<>();
    Map<Object, List<LabelCandidate>> groups = new LinkedHashMap<>();
    for (LabelCandidate c : candidates) {
      if (c.groupKey() == null) {
        out.add(c);
      } else {
        groups.computeIfAbsent(c.groupKey(), k -> new ArrayList<>()).add(c);
      }
    }
    for (List<LabelCandidate> g : groups.values()) {
      LabelCandidate first = g.get(0);
      if (first.isLine()) {
        List<double[]> all = new ArrayList<>();
        double priority = first.priority();
        for (LabelCandidate c : g) {
          if (c.isLine()) {
            all.addAll(c.lines());
            priority = Math.max(priority, c.priority());
          }
        }
        out.add(new LabelCandidate(first.text(), first.style(), priority, first.order(), first.groupKey(), null,
            LineChains.merge(all), first.lineOffset()));
      } else {
        out.add(first);
      }
    }
    return out;
  }
}
