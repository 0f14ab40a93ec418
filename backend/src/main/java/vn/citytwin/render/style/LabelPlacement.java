package vn.citytwin.render.style;

/** Where a label goes: at a point (anchor, displacement, rotation) or along a line. */
public sealed interface LabelPlacement permits PointPlacement, LinePlacement {
}
