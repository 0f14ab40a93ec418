package vn.citytwin.planning.edits;

import java.time.Instant;

/**
 * One stored edit of a scenario.
 *
 * @param propertiesJson the feature's complete state (every attribute column but the id) as a JSON object text;
 *     {@code {}} for a delete
 * @param geometryJson the geometry as GeoJSON text (EPSG:4326), or null for a delete
 */
public record Edit(String layerId, long featureId, EditOp op, String propertiesJson, String geometryJson,
                   Instant updated) {}
