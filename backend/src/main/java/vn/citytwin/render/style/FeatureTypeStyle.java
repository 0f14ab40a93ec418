package vn.citytwin.render.style;

import java.util.List;

/**
 * One drawing pass over a layer's features. Several passes draw one over the other: road casings in the first,
 * road fills in the second, so every fill lies above every casing.
 */
public record FeatureTypeStyle(String name, String title, List<Rule> rules) {
  public FeatureTypeStyle {
    rules = List.copyOf(rules);
  }
}
