package vn.citytwin.render.style;

/**
 * GeoServer-style label vendor options.
 *
 * @param priority higher goes first when labels conflict (SLD {@code Priority} or vendor option); null: 1000
 * @param spaceAround pixels kept free around the label (negative lets labels overlap by that much)
 * @param group merge features with the same label into one (line parts joined) before placing
 * @param followLine curve the label along the line, glyph by glyph
 * @param maxAngleDelta largest angle in degrees between neighbouring glyphs when following a line
 * @param repeat distance in pixels between repeated labels on a long line; 0 labels once
 * @param autoWrap wrap point labels longer than this many pixels onto several lines; 0 never
 * @param conflictResolution false draws the label even where it overlaps others (and reserves no space)
 * @param partials true allows labels cut by the image edge
 */
public record LabelOptions(Expression priority, int spaceAround, boolean group, boolean followLine,
    double maxAngleDelta, int repeat, int autoWrap, boolean conflictResolution, boolean partials) {

  public static LabelOptions defaults() {
    return new LabelOptions(null, 0, false, false, 22.5, 0, 0, true, false);
  }
}
