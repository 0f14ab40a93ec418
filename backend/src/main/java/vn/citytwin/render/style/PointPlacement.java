package vn.citytwin.render.style;

/**
 * Label at a point (for lines the middle, for polygons an interior point). Null anchor: (0.5, 0.5);
 * null rotation: 0 (clockwise degrees).
 */
public record PointPlacement(AnchorPoint anchor, Displacement displacement, Expression rotation)
    implements LabelPlacement {
}
