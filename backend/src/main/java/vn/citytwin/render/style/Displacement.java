package vn.citytwin.render.style;

/** Offset of a graphic or label from its point, in the symbolizer's unit; x to the right, y up (SE). */
public record Displacement(Expression x, Expression y) {
}
