package vn.citytwin.planning.indicators;

import io.vertx.core.json.JsonObject;
import org.locationtech.jts.geom.Geometry;

/**
 * An area indicators are computed for: the city, a ward, a land-use zone or a drawn polygon.
 *
 * @param key the unit's id as text ({@code city}, {@code area}, or the ward's or zone's feature id)
 * @param attributes what describes the unit (name, code; for zones class, max_height, max_far)
 * @param geometry the unit's shape in EPSG:4326 for assigning buildings, or null for the city (every building)
 * @param landAreaM2 geodesic area in m², or null when unknown (a city without wards)
 * @param greenAreaM2 area of parks inside the unit, m²
 */
public record Unit(String key, JsonObject attributes, Geometry geometry, Double landAreaM2, double greenAreaM2) {}
