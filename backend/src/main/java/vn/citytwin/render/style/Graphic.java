package vn.citytwin.render.style;

import java.util.List;
import java.util.Set;

/**
 * A point symbol. {@code size} is the height in the symbolizer's unit (null: the image's own height, or 6 px for a
 * mark); {@code rotation} is clockwise degrees; {@code opacity} 0..1. An empty symbol list draws the default
 * grey square.
 */
public record Graphic(List<GraphicSymbol> symbols, Expression opacity, Expression size, Expression rotation,
    AnchorPoint anchor, Displacement displacement) {

  public Graphic {
    symbols = List.copyOf(symbols);
  }

  void collectProperties(Set<String> out) {
    for (Expression e : new Expression[] {opacity, size, rotation}) {
      if (e != null) {
        e.collectProperties(out);
      }
    }
    if (anchor != null) {
      anchor.x().collectProperties(out);
      anchor.y().collectProperties(out);
    }
    if (displacement != null) {
      displacement.x().collectProperties(out);
      displacement.y().collectProperties(out);
    }
    for (GraphicSymbol s : symbols) {
      if (s instanceof Mark m) {
        if (m.fill() != null) {
          m.fill().collectProperties(out);
        }
        if (m.stroke() != null) {
          m.stroke().collectProperties(out);
        }
      }
    }
  }
}
