package vn.citytwin.tiles3d;

import java.util.Locale;
import java.util.Map;

/**
 * The default colour of a building by its use, baked into the tiles as vertex colour (what a viewer shows without
 * a style). {@code styles/buildings-3d.json} colours by use with the same values (a test keeps them in step) and
 * adds highlights a static colour cannot: tall buildings, scenario changes.
 */
public final class BuildingPalette {
  /** Colour of a use not listed, and of layers without {@code use_type}: light grey, opaque (0xRRGGBBAA). */
  public static final int DEFAULT = 0xD9D9D9FF;

  private static final Map<String, Integer> BY_USE = Map.ofEntries(
      Map.entry("residential", 0xE8D8C3FF),
      Map.entry("shophouse", 0xF4A261FF),
      Map.entry("villa", 0xE9C46AFF),
      Map.entry("apartment", 0xC9ADA7FF),
      Map.entry("hotel", 0xE76F51FF),
      Map.entry("commercial", 0x2A9D8FFF),
      Map.entry("office", 0x457B9DFF),
      Map.entry("industrial", 0x8D99AEFF),
      Map.entry("education", 0xA8DADCFF),
      Map.entry("school", 0xA8DADCFF),
      Map.entry("health", 0xE63946FF),
      Map.entry("hospital", 0xE63946FF),
      Map.entry("religious", 0xB5838DFF),
      Map.entry("public", 0x6D597AFF));

  private BuildingPalette() {}

  /** The colour (0xRRGGBBAA, sRGB) of a use, case-insensitive; {@link #DEFAULT} for null or unknown uses. */
  public static int rgba(String useType) {
    if (useType == null) {
      return DEFAULT;
    }
    return BY_USE.getOrDefault(useType.trim().toLowerCase(Locale.ROOT), DEFAULT);
  }

  /** Every use with a colour of its own. */
  public static Map<String, Integer> uses() {
    return BY_USE;
  }
}
