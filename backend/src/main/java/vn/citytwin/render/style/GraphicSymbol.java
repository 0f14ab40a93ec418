package vn.citytwin.render.style;

/** One alternative inside a Graphic: a well-known mark or an external image. The first usable one is drawn. */
public sealed interface GraphicSymbol permits Mark, ExternalGraphic {
}
