package vn.citytwin.render.label;

import java.awt.Color;
import java.awt.Font;
import vn.citytwin.render.style.LabelOptions;

/**
 * A label's look, resolved for one feature: font, text colour, halo (radius 0 = none) and options.
 */
record LabelStyle(Font font, Color fill, Color halo, double haloRadius, LabelOptions options) {
}
