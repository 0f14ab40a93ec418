package vn.citytwin.render.style;

/** Outline around label glyphs for legibility; radius in the symbolizer's unit (default 1), fill default white. */
public record Halo(Expression radius, Fill fill) {
}
