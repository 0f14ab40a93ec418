package vn.citytwin.render.style;

/** A well-known shape filled and stroked; a null fill or stroke draws none. */
public record Mark(WellKnownMark shape, Fill fill, Stroke stroke) implements GraphicSymbol {
}
