package vn.citytwin.render;

import java.util.Objects;
import vn.citytwin.render.style.Style;

/**
 * One layer of a GetMap: its style and its features. The features are iterated once per FeatureTypeStyle that
 * has rules at the map's scale, so the Iterable must be re-iterable (a List is).
 */
public record LayerDraw(Style style, Iterable<RenderFeature> features) {
  public LayerDraw {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(features, "features");
  }
}
