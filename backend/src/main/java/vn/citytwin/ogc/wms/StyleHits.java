package vn.citytwin.ogc.wms;

import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.PointSymbolizer;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.Symbolizer;
import vn.citytwin.render.style.Values;

/**
 * What a style draws, for GetFeatureInfo: a feature is found only where the map shows it (some rule active at the
 * scale passes it, or an else-rule does when none did), and the default search radius grows with the largest
 * point symbol or line the style draws, so a click anywhere on a symbol hits its feature.
 */
final class StyleHits {
  /** The smallest default search radius, in pixels. */
  static final int MIN_BUFFER_PX = 3;
  private static final Function<String, Object> NO_PROPERTIES = k -> null;

  private StyleHits() {}

  /** True when the style draws the feature at this scale. */
  static boolean draws(Style style, double scale, Function<String, Object> props, Geometry geom) {
    for (FeatureTypeStyle fts : style.featureTypeStyles()) {
      boolean matched = false;
      boolean hasElse = false;
      for (Rule r : fts.rules()) {
        if (!r.activeAt(scale) || r.symbolizers().isEmpty()) {
          continue;
        }
        if (r.elseFilter()) {
          hasElse = true;
        } else if (r.filter() == null || r.filter().test(props, geom)) {
          matched = true;
          break;
        }
      }
      if (matched || hasElse) {
        return true;
      }
    }
    return false;
  }

  /** Half the largest point symbol or line width (literal sizes, in pixels), at least {@link #MIN_BUFFER_PX}. */
  static int defaultBuffer(Style style, double scale) {
    double max = MIN_BUFFER_PX;
    for (FeatureTypeStyle fts : style.featureTypeStyles()) {
      for (Rule r : fts.rules()) {
        if (!r.activeAt(scale)) {
          continue;
        }
        for (Symbolizer s : r.symbolizers()) {
          if (s instanceof PointSymbolizer p && p.graphic() != null) {
            max = Math.max(max, Values.number(p.graphic().size(), NO_PROPERTIES, 6) / 2);
          } else if (s instanceof LineSymbolizer l && l.stroke() != null) {
            max = Math.max(max, Values.number(l.stroke().width(), NO_PROPERTIES, 1) / 2);
          }
        }
      }
    }
    return (int) Math.ceil(Math.min(max, 32));
  }
}
