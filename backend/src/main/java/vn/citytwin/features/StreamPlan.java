package vn.citytwin.features;

import java.util.List;

/**
 * What a response streams: one or more queries paged as a whole (WFS 2.0 applies count and startIndex to the
 * concatenated result of all its queries).
 *
 * @param count the most features to return, or null for all
 * @param counted count every query in the same snapshot first (exact numberMatched, and numberReturned before the
 *     first feature, as WFS needs); when false there must be exactly one part, "more" is found by reading one
 *     feature ahead, and numberMatched is as {@code matched} says
 * @param matched how an uncounted stream learns numberMatched
 * @param hitsOnly counts only, no features (WFS resultType=hits); requires {@code counted}
 */
public record StreamPlan(List<StreamPart> parts, long startIndex, Integer count, boolean counted, Matched matched,
                         boolean hitsOnly) {

  /** numberMatched of an uncounted stream. */
  public enum Matched {
    /** Not reported. */
    NONE,
    /** Taken from the layer's cached count when that is exact for this snapshot (an unfiltered base-city query,
     * count cached for the data version the snapshot sees), else counted in the snapshot. */
    CHEAP,
    /** Counted in the snapshot. */
    EXACT
  }

  /** A counted plan (WFS). */
  public static StreamPlan counted(List<StreamPart> parts, long startIndex, Integer count, boolean hitsOnly) {
    return new StreamPlan(parts, startIndex, count, true, Matched.EXACT, hitsOnly);
  }

  /** An uncounted single-query plan (OGC API pages). */
  public static StreamPlan lookahead(StreamPart part, long startIndex, Integer count, Matched matched) {
    return new StreamPlan(List.of(part), startIndex, count, false, matched, false);
  }

  public StreamPlan {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a stream needs at least one query");
    }
    if (!counted && (parts.size() != 1 || hitsOnly)) {
      throw new IllegalArgumentException("an uncounted stream has exactly one query and returns features");
    }
    if (startIndex < 0 || count != null && count < 0) {
      throw new IllegalArgumentException("negative paging");
    }
  }
}
