package vn.citytwin.render.style;

import java.util.Set;

/**
 * Strokes lines and polygon outlines. {@code perpendicularOffset} (nullable) shifts the line sideways, positive
 * to the left of its direction (SE 1.1).
 */
public record LineSymbolizer(Stroke stroke, Expression perpendicularOffset, Uom uom) implements Symbolizer {
  @Override
  public void collectProperties(Set<String> out) {
    if (stroke != null) {
      stroke.collectProperties(out);
    }
    if (perpendicularOffset != null) {
      perpendicularOffset.collectProperties(out);
    }
  }
}
