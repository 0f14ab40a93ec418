package vn.citytwin.planning.compare;

import vn.citytwin.planning.indicators.Text;

/**
 * One indicator in two cities.
 *
 * @param a the value in city a (the scenario being judged), or null when undefined
 * @param b the value in city b (the reference, by default the base city), or null
 * @param difference {@code a − b}, or null when either is null
 * @param relativeDifference {@code (a − b) / |b|} as a ratio (0.1 = +10 %), or null when b is null or 0
 * @param changed whether the values differ (beyond float noise: 1e-9 relative) or only one is defined
 */
public record ComparedIndicator(String id, String unit, Text label, Text definition, Double a, Double b,
                                Double difference, Double relativeDifference, boolean changed) {

  /** Compares two values of one indicator. */
  public static ComparedIndicator of(String id, String unit, Text label, Text definition, Double a, Double b) {
    Double diff = a == null || b == null ? null : a - b;
    Double rel = diff == null || b == 0 ? null : diff / Math.abs(b);
    boolean changed = (a == null) != (b == null)
        || (diff != null && Math.abs(diff) > 1e-9 * Math.max(1.0, Math.abs(b)));
    return new ComparedIndicator(id, unit, label, definition, a, b, diff, rel, changed);
  }
}
