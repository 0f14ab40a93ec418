package vn.citytwin.render.legend;

import java.awt.Color;

/**
 * How a legend looks.
 *
 * @param iconWidth icon width in pixels (GetLegendGraphic WIDTH, default 20)
 * @param iconHeight icon height in pixels (HEIGHT, default 20)
 * @param title text above the rows (the layer title in the caller's language), or null for none
 * @param scaleDenominator when set, only rules active at this scale are listed (GetLegendGraphic SCALE)
 * @param background colour behind everything unless transparent
 * @param transparent true leaves the background transparent
 * @param fontSizePx size of the rule titles; the legend title is 1.15 times larger and bold
 * @param textColor colour of titles
 */
public record LegendOptions(int iconWidth, int iconHeight, String title, Double scaleDenominator, Color background,
    boolean transparent, float fontSizePx, Color textColor) {

  public LegendOptions {
    if (iconWidth <= 0 || iconHeight <= 0) {
      throw new IllegalArgumentException("icon size must be positive");
    }
  }

  /** 20×20 icons, no title, all rules, white background, 12 px black text. */
  public static LegendOptions defaults() {
    return new LegendOptions(20, 20, null, null, Color.WHITE, false, 12f, Color.BLACK);
  }

  public LegendOptions withIconSize(int w, int h) {
    return new LegendOptions(w, h, title, scaleDenominator, background, transparent, fontSizePx, textColor);
  }

  public LegendOptions withTitle(String t) {
    return new LegendOptions(iconWidth, iconHeight, t, scaleDenominator, background, transparent, fontSizePx,
        textColor);
  }

  public LegendOptions withScale(Double scale) {
    return new LegendOptions(iconWidth, iconHeight, title, scale, background, transparent, fontSizePx, textColor);
  }

  public LegendOptions withTransparent(boolean t) {
    return new LegendOptions(iconWidth, iconHeight, title, scaleDenominator, background, t, fontSizePx, textColor);
  }
}
