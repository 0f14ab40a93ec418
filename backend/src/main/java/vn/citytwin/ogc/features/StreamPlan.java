package vn.citytwin.ogc.features;

import java.util.List;

/**
 * What a response streams: one or more queries paged as a whole (WFS 2.0 applies count and startIndex to the
 * concatenated result of all its queries).
 *
 * @param count the most features to return, or null for all
 * @param counted compute numberMatched (and so numberReturned before the first feature) in the same snapshot;
 *     when false there must be exactly one part and "more" is found by reading one feature ahead
 * @param hitsOnly counts only, no features (WFS resultType=hits); requires {@code counted}
 */
public record StreamPlan(List<StreamPart> parts, long startIndex, Integer count, boolean counted, boolean hitsOnly) {

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
