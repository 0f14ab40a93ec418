package vn.citytwin.planning.edits;

/**
 * What one edit of a request did.
 *
 * @param op the op now stored for the feature, or {@link EditOp#DELETE} with {@code withdrawn} when a delete of a
 *     feature the scenario itself had added simply removed that add
 */
public record Applied(String layerId, long featureId, EditOp op, boolean withdrawn) {}
