package vn.citytwin.features;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Layer;

/**
 * A feature found by GetFeatureInfo.
 *
 * @param id the feature id (the layer's id column), or null when the layer has none
 * @param properties attribute values by column, in the layer's order (without the id)
 * @param mapGeometry the geometry in the map CRS (x east, y north)
 * @param wgs84 the geometry in EPSG:4326, x=longitude
 * @param scenarioStatus {@code base}, or the scenario edit that produced the feature
 * @param distance distance from the clicked point in map CRS units (0 inside)
 */
public record InfoFeature(Layer layer, Object id, Map<String, Object> properties, Geometry mapGeometry,
    Geometry wgs84, String scenarioStatus, double distance) {

  /** The GML/GeoJSON feature id, {@code layer.id}. */
  public String featureId() {
    return layer.id() + "." + id;
  }
}
