package vn.citytwin.features;

import java.time.Instant;
import java.util.List;

/**
 * The time values of a time-enabled layer, for its {@code time} dimension: the distinct instants when there are
 * few, else the interval they span.
 *
 * @param values the distinct instants in order when there are at most {@link #MAX_LISTED}, else empty
 * @param min the earliest, or null for a layer without data
 * @param max the latest
 */
public record TimeExtent(List<Instant> values, Instant min, Instant max) {
  /** Longest list of values written out; above it the extent is {@code min/max/PT1S}. */
  public static final int MAX_LISTED = 100;

  public TimeExtent {
    values = List.copyOf(values);
  }

  public boolean isEmpty() {
    return min == null;
  }

  /** WMS 1.3.0 Annex C / 1.1.1 Annex C extent text: {@code v1,v2,…} or {@code min/max/PT1S}. */
  public String extentText() {
    if (!values.isEmpty()) {
      return String.join(",", values.stream().map(Instant::toString).toList());
    }
    return min + "/" + max + "/PT1S";
  }

  /**
   * The value used when a request has no TIME: every time (the whole span), which is also what the server does
   * without TIME.
   */
  public String defaultText() {
    return min.equals(max) ? min.toString() : min + "/" + max;
  }
}
