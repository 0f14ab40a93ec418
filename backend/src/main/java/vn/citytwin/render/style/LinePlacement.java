package vn.citytwin.render.style;

/**
 * Label along a line, centred on it unless {@code perpendicularOffset} (unit of the symbolizer, positive to the
 * left of the line direction) moves it aside.
 */
public record LinePlacement(Expression perpendicularOffset) implements LabelPlacement {
}
