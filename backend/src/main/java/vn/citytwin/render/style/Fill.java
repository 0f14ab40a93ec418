package vn.citytwin.render.style;

import java.util.Set;

/**
 * Area fill: a solid colour with opacity, or a repeated graphic (GraphicFill) when {@code graphicFill} is set.
 * Null expressions take the SLD defaults: grey {@code #808080}, opacity 1.
 */
public record Fill(Expression color, Expression opacity, Graphic graphicFill) {
  public static final String DEFAULT_COLOR = "#808080";

  void collectProperties(Set<String> out) {
    if (color != null) {
      color.collectProperties(out);
    }
    if (opacity != null) {
      opacity.collectProperties(out);
    }
    if (graphicFill != null) {
      graphicFill.collectProperties(out);
    }
  }
}
