package vn.citytwin.render.style;

import java.util.Set;

/**
 * Line style. Null expressions take the SLD defaults: black, width 1, opacity 1, join mitre, cap butt, no dashes.
 * {@code dashArray} evaluates to a space-separated list of lengths (in the symbolizer's unit).
 */
public record Stroke(Expression color, Expression width, Expression opacity, Expression lineJoin,
    Expression lineCap, Expression dashArray, Expression dashOffset) {

  void collectProperties(Set<String> out) {
    for (Expression e : new Expression[] {color, width, opacity, lineJoin, lineCap, dashArray, dashOffset}) {
      if (e != null) {
        e.collectProperties(out);
      }
    }
  }
}
