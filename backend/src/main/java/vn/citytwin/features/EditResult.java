package vn.citytwin.features;

import java.util.List;

/**
 * What an edit changed: counts per action kind and the ids of inserted features in request order.
 *
 * @param inserted ids of new features with the handle of the action that inserted them
 */
public record EditResult(long totalInserted, long totalUpdated, long totalReplaced, long totalDeleted,
                         List<InsertedId> inserted) {

  public EditResult {
    inserted = List.copyOf(inserted);
  }

  /** The id of one inserted feature. */
  public record InsertedId(String layerId, Object id, String handle) {}
}
