package vn.citytwin.render.style;

import java.util.Set;

/** Fills and/or outlines areas; a null fill or stroke draws none. Lines and points are not drawn by it. */
public record PolygonSymbolizer(Fill fill, Stroke stroke, Uom uom) implements Symbolizer {
  @Override
  public void collectProperties(Set<String> out) {
    if (fill != null) {
      fill.collectProperties(out);
    }
    if (stroke != null) {
      stroke.collectProperties(out);
    }
  }
}
