package vn.citytwin.render.style;

/**
 * Which point of a graphic or label box sits on the geometry's point: (0,0) bottom-left, (1,1) top-right,
 * (0.5,0.5) centre. Fractions of the box, y up as in SE.
 */
public record AnchorPoint(Expression x, Expression y) {
}
