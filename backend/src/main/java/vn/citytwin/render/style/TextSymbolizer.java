package vn.citytwin.render.style;

import java.util.Set;

/**
 * A label. Labels are not drawn with the features: they are collected and placed after all layers, with
 * conflict resolution. Null font, placement, halo or fill take defaults (sans-serif 10, point placement centred,
 * no halo, black).
 */
public record TextSymbolizer(Expression label, Font font, LabelPlacement placement, Halo halo, Fill fill,
    LabelOptions options, Uom uom) implements Symbolizer {

  @Override
  public void collectProperties(Set<String> out) {
    label.collectProperties(out);
    if (font != null) {
      for (Expression e : new Expression[] {font.style(), font.weight(), font.size()}) {
        if (e != null) {
          e.collectProperties(out);
        }
      }
    }
    if (placement instanceof PointPlacement p) {
      if (p.rotation() != null) {
        p.rotation().collectProperties(out);
      }
      if (p.anchor() != null) {
        p.anchor().x().collectProperties(out);
        p.anchor().y().collectProperties(out);
      }
      if (p.displacement() != null) {
        p.displacement().x().collectProperties(out);
        p.displacement().y().collectProperties(out);
      }
    } else if (placement instanceof LinePlacement l && l.perpendicularOffset() != null) {
      l.perpendicularOffset().collectProperties(out);
    }
    if (halo != null) {
      if (halo.radius() != null) {
        halo.radius().collectProperties(out);
      }
      if (halo.fill() != null) {
        halo.fill().collectProperties(out);
      }
    }
    if (fill != null) {
      fill.collectProperties(out);
    }
    if (options.priority() != null) {
      options.priority().collectProperties(out);
    }
  }
}
