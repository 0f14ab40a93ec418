package vn.citytwin.render.style;

import java.util.Set;

/**
 * Draws a graphic at each point; at the middle of a line; at an interior point of a polygon.
 */
public record PointSymbolizer(Graphic graphic, Uom uom) implements Symbolizer {
  @Override
  public void collectProperties(Set<String> out) {
    graphic.collectProperties(out);
  }
}
