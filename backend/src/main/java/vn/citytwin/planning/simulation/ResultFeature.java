package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonObject;
import org.locationtech.jts.geom.Geometry;

/**
 * One geometry a run produces, stored in {@code planning.simulation_result} and served as GeoJSON.
 *
 * @param layer what the feature is ({@code flood_extent}, {@code shadow}, {@code sun_point}, {@code isochrone}, …)
 * @param geometry EPSG:4326, x = longitude, y = latitude
 * @param properties plain JSON properties
 */
public record ResultFeature(String layer, Geometry geometry, JsonObject properties) {}
