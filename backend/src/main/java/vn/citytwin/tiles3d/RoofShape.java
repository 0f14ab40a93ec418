package vn.citytwin.tiles3d;

import java.util.Locale;

/** How a building's top is modelled. */
public enum RoofShape {
  /** A flat roof at ground + height. */
  FLAT,
  /**
   * A hipped roof whose ridge reaches ground + height, built for footprints that are (nearly) rectangles: four
   * vertices, no holes, convex, at least 90 % of their oriented bounding rectangle. Other footprints fall back to
   * {@link #FLAT}.
   */
  HIPPED;

  /**
   * Parses a stored roof attribute: {@code null}, blank or {@code "flat"} → FLAT; {@code "pitched"},
   * {@code "hipped"} or {@code "hip"} → HIPPED (case-insensitive). Anything else is FLAT too, so an unexpected
   * value in the data never fails a tile.
   */
  public static RoofShape parse(String value) {
    if (value == null) {
      return FLAT;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "pitched", "hipped", "hip" -> HIPPED;
      default -> FLAT;
    };
  }
}
