package vn.citytwin.planning.edits;

import io.vertx.core.json.JsonObject;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.edit.EditLocator;

/**
 * One edit as the client sent it, checked for shape only (not yet against the layer).
 *
 * @param locator where this edit sits in the request ({@code ""} for a single Feature, {@code features[3]} in a
 *     collection); error locators are built on it
 * @param layerId the layer the feature belongs to
 * @param featureId the feature id for modify and delete; null for add
 * @param properties the given properties (never null; empty when none were given)
 * @param geometry the given geometry in EPSG:4326, or null when none was given
 */
public record FeatureEdit(String locator, String layerId, EditOp op, Long featureId, JsonObject properties,
                          Geometry geometry) {

  /** Locators of the edit model's checks: JSON paths below this feature's. */
  public EditLocator locators() {
    return EditLocator.jsonPath(locator);
  }

  /** {@code locator.member}, or just {@code member} at the top level. */
  public String at(String member) {
    return locator.isEmpty() ? member : locator + "." + member;
  }
}
