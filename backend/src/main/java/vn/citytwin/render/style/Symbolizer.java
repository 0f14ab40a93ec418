package vn.citytwin.render.style;

import java.util.Set;

/** How a rule draws a feature. Every size of a symbolizer is in its {@link #uom()}. */
public sealed interface Symbolizer permits PolygonSymbolizer, LineSymbolizer, PointSymbolizer, TextSymbolizer {
  Uom uom();

  /** Adds the feature properties this symbolizer reads. */
  void collectProperties(Set<String> out);
}
