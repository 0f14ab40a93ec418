package vn.citytwin.ogc.wms;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.render.legend.LegendOptions;
import vn.citytwin.render.legend.LegendRenderer;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;

/**
 * GetLegendGraphic as GeoServer offers it: LAYER (a layer or a group, whose members' legends are stacked with
 * their titles), STYLE, SLD_BODY, RULE (one rule), SCALE (only rules active there), WIDTH/HEIGHT (icon size,
 * default 20), TRANSPARENT, FORMAT (image/png or image/jpeg), {@code LEGEND_OPTIONS=forceTitle:on} and
 * {@code language}. Drawn on the render workers.
 */
public final class LegendService {
  private static final int MAX_ICON = 512;

  private final StyleLibrary styles;
  private final LegendRenderer renderer;
  private final WorkerExecutor workers;

  public LegendService(StyleLibrary styles, LegendRenderer renderer, WorkerExecutor workers) {
    this.styles = styles;
    this.renderer = renderer;
    this.workers = workers;
  }

  /** Parses and draws; parsing errors are thrown before any work is scheduled. */
  public Future<MapImage> legend(KvpParams p, String language, WmsLayers layers) {
    WmsLayers.Named named = layers.resolve(p.require("LAYER"), "LAYER");
    String formatText = p.getOr("FORMAT", "image/png");
    ImageFormat format = ImageFormat.lookup(formatText).orElseThrow(() -> WmsErrors.invalidFormat("FORMAT",
        "Legend format '" + ErrorText.abbreviate(formatText) + "' is not supported; use image/png"));
    int w = p.integer("WIDTH", 4, MAX_ICON).orElse(20);
    int h = p.integer("HEIGHT", 4, MAX_ICON).orElse(20);
    Double scale = p.parsed("SCALE", Double::valueOf).orElse(null);
    boolean transparent = MapRequestParser.transparent(p);
    String legendOptions = p.getOr("LEGEND_OPTIONS", "").toLowerCase(Locale.ROOT);
    boolean forceTitle = named.isGroup() || legendOptions.contains("forcetitle:on")
        || legendOptions.contains("forcetitle:true");
    String rule = p.get("RULE").orElse(null);
    Style sldStyle = sldBodyStyle(p);
    List<Style> drawn = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (Layer l : named.layers()) {
      Style s = sldStyle != null ? sldStyle
          : styles.require(l, named.isGroup() ? "" : p.get("STYLE").orElse(""), "STYLE").style();
      drawn.add(rule == null ? s : onlyRule(s, rule));
      titles.add(forceTitle ? l.meta().title(language) : null);
    }
    LegendOptions base = LegendOptions.defaults().withIconSize(w, h).withScale(scale).withTransparent(transparent);
    return workers.executeBlocking(() -> {
      List<BufferedImage> parts = new ArrayList<>();
      for (int i = 0; i < drawn.size(); i++) {
        parts.add(renderer.legend(drawn.get(i), base.withTitle(titles.get(i))));
      }
      BufferedImage img = parts.size() == 1 ? parts.get(0) : stack(parts, transparent);
      long t = System.nanoTime();
      byte[] bytes = format.encode(img, Color.WHITE);
      return new MapImage(bytes, format.contentType(), 0, 0, 0, (System.nanoTime() - t) / 1e6, 0);
    }, false);
  }

  private Style sldBodyStyle(KvpParams p) {
    String body = p.get("SLD_BODY").orElse(null);
    if (body == null) {
      return null;
    }
    return styles.parser().read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "SLD_BODY");
  }

  /** The style reduced to the rule with that name (or title). */
  static Style onlyRule(Style s, String ruleName) {
    List<FeatureTypeStyle> ftss = new ArrayList<>();
    for (FeatureTypeStyle fts : s.featureTypeStyles()) {
      List<Rule> rules = fts.rules().stream()
          .filter(r -> ruleName.equals(r.name()) || ruleName.equals(r.title())).toList();
      if (!rules.isEmpty()) {
        ftss.add(new FeatureTypeStyle(fts.name(), fts.title(), rules));
      }
    }
    if (ftss.isEmpty()) {
      throw ApiException.invalidParameter("RULE", "Style '" + s.name() + "' has no rule '"
          + ErrorText.abbreviate(ruleName) + "'");
    }
    return new Style(s.name(), s.title(), s.abstractText(), ftss, s.warnings());
  }

  private static BufferedImage stack(List<BufferedImage> parts, boolean transparent) {
    int w = parts.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
    int h = parts.stream().mapToInt(BufferedImage::getHeight).sum();
    BufferedImage out = new BufferedImage(w, Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      if (!transparent) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
      }
      int y = 0;
      for (BufferedImage p : parts) {
        g.drawImage(p, 0, y, null);
        y += p.getHeight();
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
