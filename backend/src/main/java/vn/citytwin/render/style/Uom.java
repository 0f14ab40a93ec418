package vn.citytwin.render.style;

/**
 * SE 1.1 unit of measure of a symbolizer's sizes (widths, mark sizes, offsets, font sizes). SLD 1.0 has only
 * pixels. Ground units turn into pixels through the map's metres per pixel, so symbols grow when zooming in.
 */
public enum Uom {
  PIXEL(Double.NaN), METRE(1.0), FOOT(0.3048);

  private final double metres;

  Uom(double metres) {
    this.metres = metres;
  }

  /**
   * A size in this unit as pixels.
   *
   * @param value the size in this unit
   * @param metresPerPixel ground metres covered by one pixel at the map's scale (0.28 mm pixel)
   */
  public double toPixels(double value, double metresPerPixel) {
    return this == PIXEL ? value : value * metres / metresPerPixel;
  }

  /** The unit for an SE uom URI (…/se/units/pixel, metre, foot); null when unknown. Null or empty means pixel. */
  public static Uom fromUri(String uri) {
    if (uri == null || uri.isBlank()) {
      return PIXEL;
    }
    String u = uri.trim();
    String last = u.substring(u.lastIndexOf('/') + 1);
    return switch (last) {
      case "pixel" -> PIXEL;
      case "metre", "meter" -> METRE;
      case "foot" -> FOOT;
      default -> null;
    };
  }
}
