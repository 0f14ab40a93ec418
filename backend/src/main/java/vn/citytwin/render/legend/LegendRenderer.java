package vn.citytwin.render.legend;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import vn.citytwin.render.MapExtent;
import vn.citytwin.render.MapRenderer;
import vn.citytwin.render.label.FontResolver;
import vn.citytwin.render.paint.Paints;
import vn.citytwin.render.paint.PaintContext;
import vn.citytwin.render.paint.PixelGeometry;
import vn.citytwin.render.paint.PixelTransform;
import vn.citytwin.render.paint.GraphicPainter;
import vn.citytwin.render.paint.SymbolizerPainter;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.PointSymbolizer;
import vn.citytwin.render.style.PolygonSymbolizer;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.Symbolizer;
import vn.citytwin.render.style.TextSymbolizer;
import vn.citytwin.render.style.Values;

/**
 * GetLegendGraphic-like legends: an optional title, then one row per rule (see {@link LegendRow#of}) with an
 * icon drawn by the rule's own symbolizers — polygons as a square, lines across the icon, points in its centre,
 * labels as "Abc" — and the rule's title beside it. Symbols larger than the icon are clipped or shrunk to fit.
 * Property-driven values take their defaults (no feature). Thread-safe.
 */
public final class LegendRenderer {
  private static final int PAD = 4;
  private static final int GAP = 6;
  private static final int ROW_SPACING = 3;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Function<String, Object> NO_PROPERTIES = k -> null;

  private final FontResolver fonts;

  public LegendRenderer(FontResolver fonts) {
    this.fonts = fonts;
  }

  public LegendRenderer() {
    this(FontResolver.system());
  }

  /** Convenience: icons of the given size, a title, all rules. */
  public BufferedImage legend(Style style, int iconWidth, int iconHeight, String title) {
    return legend(style, LegendOptions.defaults().withIconSize(iconWidth, iconHeight).withTitle(title));
  }

  /** The legend image (TYPE_INT_ARGB). A style without drawable rules gives just the title (or 1×1). */
  public BufferedImage legend(Style style, LegendOptions o) {
    List<LegendRow> rows = LegendRow.of(style, o.scaleDenominator());
    String allText = rows.stream().map(LegendRow::label).reduce(o.title() == null ? "" : o.title(), String::concat);
    Font font = fonts.resolve(List.of("Noto Sans"), Font.PLAIN, o.fontSizePx(), allText);
    Font titleFont = fonts.resolve(List.of("Noto Sans"), Font.BOLD, o.fontSizePx() * 1.15f, allText);
    List<TextLayout> labels = new ArrayList<>();
    double textW = 0;
    for (LegendRow r : rows) {
      TextLayout tl = r.label().isEmpty() ? null : new TextLayout(r.label(), font, FRC);
      labels.add(tl);
      textW = Math.max(textW, tl == null ? 0 : tl.getAdvance());
    }
    TextLayout titleLayout = o.title() == null || o.title().isBlank() ? null
        : new TextLayout(o.title(), titleFont, FRC);
    double titleH = titleLayout == null ? 0 : titleLayout.getAscent() + titleLayout.getDescent() + GAP;
    double textH = labels.stream().filter(t -> t != null).mapToDouble(t -> t.getAscent() + t.getDescent())
        .max().orElse(0);
    int rowH = (int) Math.ceil(Math.max(o.iconHeight(), textH));
    int width = (int) Math.ceil(Math.max(PAD * 2 + o.iconWidth() + GAP + textW,
        titleLayout == null ? 0 : PAD * 2 + titleLayout.getAdvance()));
    int height = (int) Math.ceil(PAD * 2 + titleH + rows.size() * rowH + Math.max(0, rows.size() - 1) * ROW_SPACING);
    if (rows.isEmpty() && titleLayout == null) {
      width = 1;
      height = 1;
    }
    BufferedImage img = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      MapRenderer.applyQualityHints(g);
      if (!o.transparent()) {
        g.setColor(o.background() == null ? Color.WHITE : o.background());
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
      }
      double y = PAD;
      if (titleLayout != null) {
        g.setColor(o.textColor());
        titleLayout.draw(g, PAD, (float) (y + titleLayout.getAscent()));
        y += titleH;
      }
      double mpp = (o.scaleDenominator() != null ? o.scaleDenominator() : 1 / MapExtent.PIXEL_SIZE_M)
          * MapExtent.PIXEL_SIZE_M;
      for (int i = 0; i < rows.size(); i++) {
        int iconY = (int) Math.round(y + (rowH - o.iconHeight()) / 2.0);
        drawIcon(g, rows.get(i), PAD, iconY, o.iconWidth(), o.iconHeight(), mpp);
        TextLayout tl = labels.get(i);
        if (tl != null) {
          g.setColor(o.textColor());
          double baseline = y + (rowH - (tl.getAscent() + tl.getDescent())) / 2 + tl.getAscent();
          tl.draw(g, PAD + o.iconWidth() + GAP, (float) baseline);
        }
        y += rowH + ROW_SPACING;
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private void drawIcon(Graphics2D g, LegendRow row, int x, int y, int w, int h, double mpp) {
    Shape savedClip = g.getClip();
    g.clip(new Rectangle(x, y, w, h));
    // pixel space is world space for the icon: y grows downwards, hence the negative scale
    PixelTransform identity = new PixelTransform(0, 0, 1, -1, mpp);
    PaintContext ctx = new PaintContext(identity, mpp / MapExtent.PIXEL_SIZE_M);
    Geometry square = GF.createPolygon(new Coordinate[] {new Coordinate(x + 1, y + 1),
        new Coordinate(x + w - 1, y + 1), new Coordinate(x + w - 1, y + h - 1), new Coordinate(x + 1, y + h - 1),
        new Coordinate(x + 1, y + 1)});
    Geometry line = GF.createLineString(new Coordinate[] {new Coordinate(x, y + h / 2.0),
        new Coordinate(x + w, y + h / 2.0)});
    for (Rule r : row.rules()) {
      boolean onlyText = r.symbolizers().stream().allMatch(s -> s instanceof TextSymbolizer);
      for (Symbolizer s : r.symbolizers()) {
        if (s instanceof PolygonSymbolizer p) {
          SymbolizerPainter.polygon(g, new PixelGeometry(square, identity), p, NO_PROPERTIES, ctx);
        } else if (s instanceof LineSymbolizer l) {
          SymbolizerPainter.line(g, new PixelGeometry(line, identity), l, NO_PROPERTIES, ctx);
        } else if (s instanceof PointSymbolizer p) {
          GraphicPainter.paint(g, x + w / 2.0, y + h / 2.0, p.graphic(), NO_PROPERTIES, p.uom(), mpp,
              Math.min(w, h) - 2);
        } else if (s instanceof TextSymbolizer t && onlyText) {
          sampleText(g, t, x, y, w, h);
        }
      }
    }
    g.setClip(savedClip);
  }

  private void sampleText(Graphics2D g, TextSymbolizer t, int x, int y, int w, int h) {
    List<String> families = t.font() != null ? t.font().families() : List.of();
    float size = (float) Math.min(h * 0.7, t.font() != null ? Values.number(t.font().size(), NO_PROPERTIES, 10)
        : 10);
    Font f = fonts.resolve(families, Font.PLAIN, Math.max(6f, size), "Abc");
    TextLayout tl = new TextLayout("Abc", f, FRC);
    float tx = (float) (x + (w - tl.getAdvance()) / 2);
    float ty = (float) (y + (h + tl.getAscent() - tl.getDescent()) / 2);
    g.setColor(t.fill() != null ? Paints.fillColor(t.fill(), NO_PROPERTIES) : Color.BLACK);
    tl.draw(g, tx, ty);
  }
}
