package vn.citytwin.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.render.label.FontResolver;
import vn.citytwin.render.label.LabelEngine;
import vn.citytwin.render.paint.PaintContext;
import vn.citytwin.render.paint.PixelGeometry;
import vn.citytwin.render.paint.PixelTransform;
import vn.citytwin.render.paint.SymbolizerPainter;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.PointSymbolizer;
import vn.citytwin.render.style.PolygonSymbolizer;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Symbolizer;
import vn.citytwin.render.style.TextSymbolizer;

/**
 * Draws layers with their SLD styles into an ARGB image, antialiased. Layers are drawn in list order, each
 * FeatureTypeStyle as its own pass over the layer's features; within a pass every feature gets the symbolizers
 * of every rule that is active at the map's scale and whose filter passes (else-rules when none did). Labels of
 * all layers are placed last, over everything, with conflict resolution.
 *
 * <p>Thread-safe: a renderer holds only the font resolver; every render has its own image, Graphics2D and label
 * state, and styles are immutable. One instance can serve all WMS worker threads.
 */
public final class MapRenderer {
  private final FontResolver fonts;

  public MapRenderer(FontResolver fonts) {
    this.fonts = fonts;
  }

  /** A renderer with the machine's fonts. */
  public MapRenderer() {
    this(FontResolver.system());
  }

  /**
   * @param extent world rectangle and image size
   * @param background colour behind the layers (its alpha is ignored)
   * @param transparent true leaves the background fully transparent (alpha 0) instead of painting it
   * @param layers drawn first to last
   * @return a TYPE_INT_ARGB image of extent.width() × extent.height()
   */
  public BufferedImage render(MapExtent extent, Color background, boolean transparent, List<LayerDraw> layers) {
    return render(extent, background, transparent, layers, Long.MAX_VALUE);
  }

  /**
   * As {@link #render(MapExtent, Color, boolean, List)}, giving up once {@code deadlineNanos} (a
   * {@link System#nanoTime()} value; Long.MAX_VALUE for none) has passed, checked every few features.
   *
   * @throws ApiException TIMEOUT when the deadline passes, or when the rendering thread is interrupted
   */
  public BufferedImage render(MapExtent extent, Color background, boolean transparent, List<LayerDraw> layers,
      long deadlineNanos) {
    Budget budget = new Budget(deadlineNanos);
    int w = extent.width();
    int h = extent.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      applyQualityHints(g);
      if (!transparent) {
        Color bg = background == null ? Color.WHITE : background;
        g.setComposite(AlphaComposite.Src);
        g.setColor(new Color(bg.getRed(), bg.getGreen(), bg.getBlue()));
        g.fillRect(0, 0, w, h);
        g.setComposite(AlphaComposite.SrcOver);
      }
      double ppuX = w / (extent.maxX() - extent.minX());
      double ppuY = h / (extent.maxY() - extent.minY());
      PixelTransform tx = new PixelTransform(extent.minX(), extent.maxY(), ppuX, ppuY, extent.metresPerPixel());
      PaintContext ctx = new PaintContext(tx, extent.scaleDenominator());
      LabelEngine labels = new LabelEngine(fonts, w, h, ctx.metresPerPixel());
      for (int i = 0; i < layers.size(); i++) {
        drawLayer(g, layers.get(i), ctx, labels, i, budget);
      }
      labels.drawAll(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Antialiased geometry and text, pure stroke control (no half-pixel snapping), quality rendering. */
  public static void applyQualityHints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  /** Deadline checks, cheap enough to call per feature (the clock is read every 64 calls). */
  private static final class Budget {
    private final long deadlineNanos;
    private int calls;

    Budget(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    void check() {
      if ((++calls & 63) != 0) {
        return;
      }
      if (Thread.currentThread().isInterrupted()
          || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0)) {
        throw new ApiException(ErrorKind.TIMEOUT, null, null, "Rendering the map took too long", null);
      }
    }
  }

  private void drawLayer(Graphics2D g, LayerDraw layer, PaintContext ctx, LabelEngine labels, int layerIndex,
      Budget budget) {
    double scale = ctx.scaleDenominator();
    for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
      List<Rule> rules = new ArrayList<>();
      List<Rule> elseRules = new ArrayList<>();
      for (Rule r : fts.rules()) {
        if (r.activeAt(scale)) {
          (r.elseFilter() ? elseRules : rules).add(r);
        }
      }
      if (rules.isEmpty() && elseRules.isEmpty()) {
        continue;
      }
      for (RenderFeature f : layer.features()) {
        budget.check();
        Geometry geom = f.geometry();
        if (geom == null || geom.isEmpty()) {
          continue;
        }
        Function<String, Object> props = f.properties();
        PixelGeometry pixels = new PixelGeometry(geom, ctx.tx());
        boolean matched = false;
        for (Rule r : rules) {
          if (r.filter() == null || r.filter().test(props, geom)) {
            matched = true;
            drawRule(g, r, pixels, props, ctx, labels, layerIndex);
          }
        }
        if (!matched) {
          for (Rule r : elseRules) {
            drawRule(g, r, pixels, props, ctx, labels, layerIndex);
          }
        }
      }
    }
  }

  private static void drawRule(Graphics2D g, Rule rule, PixelGeometry pixels, Function<String, Object> props,
      PaintContext ctx, LabelEngine labels, int layerIndex) {
    for (Symbolizer s : rule.symbolizers()) {
      if (s instanceof PolygonSymbolizer p) {
        SymbolizerPainter.polygon(g, pixels, p, props, ctx);
      } else if (s instanceof LineSymbolizer l) {
        SymbolizerPainter.line(g, pixels, l, props, ctx);
      } else if (s instanceof PointSymbolizer p) {
        SymbolizerPainter.point(g, pixels, p, props, ctx);
      } else if (s instanceof TextSymbolizer t) {
        labels.collect(t, pixels, props, layerIndex);
      }
    }
  }
}
