package vn.citytwin.render.style;

import java.util.Locale;

/** The SLD well-known mark names. */
public enum WellKnownMark {
  SQUARE, CIRCLE, TRIANGLE, STAR, CROSS, X;

  /** The mark for a WellKnownName (case-insensitive), or null when unsupported. */
  public static WellKnownMark byName(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
