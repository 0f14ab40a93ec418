package vn.citytwin.render.style;

import vn.citytwin.render.graphic.Icon;

/** An image loaded when the style was parsed (PNG/GIF/JPEG raster or an SVG subset); {@code href} as written. */
public record ExternalGraphic(String href, String format, Icon icon) implements GraphicSymbol {
}
