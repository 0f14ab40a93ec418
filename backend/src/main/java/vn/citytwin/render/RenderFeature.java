package vn.citytwin.render;

import java.util.Objects;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature to draw.
 *
 * @param geometry JTS geometry in the map's target CRS, x east / y north; null or empty draws nothing
 * @param properties attribute values by column name; must return null for a missing column and be safe to call
 *     many times (labels and filters read it after the geometry is drawn)
 */
public record RenderFeature(Geometry geometry, Function<String, Object> properties) {
  public RenderFeature {
    Objects.requireNonNull(properties, "properties");
  }

  /** A feature whose properties come from a map (copied; null values allowed). */
  public static RenderFeature of(Geometry geometry, java.util.Map<String, ?> properties) {
    java.util.Map<String, ?> copy = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(properties));
    return new RenderFeature(geometry, copy::get);
  }
}
