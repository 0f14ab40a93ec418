package vn.citytwin.planning.edits;

import io.vertx.core.json.JsonObject;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Layer;

/**
 * An edit checked against its layer: the layer is editable, every property names an attribute column and has a
 * JSON type that column accepts, the geometry (if any) is valid and of the layer's type.
 *
 * @param properties the given properties (values still as JSON; the database casts them)
 * @param geometry the given geometry in EPSG:4326, promoted to the layer's multi type if needed, or null
 */
public record ValidEdit(FeatureEdit source, Layer layer, JsonObject properties, Geometry geometry) {
  public EditOp op() {
    return source.op();
  }
}
