package vn.citytwin.render.style;

import java.util.Set;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * A rule's {@code ogc:Filter}, compiled. Implementations must be immutable and thread-safe.
 */
public interface RuleFilter {
  /**
   * Whether the feature passes.
   *
   * @param properties attribute values by column name (null for missing)
   * @param geometry the feature geometry in the map's CRS (may be null)
   */
  boolean test(Function<String, Object> properties, Geometry geometry);

  /** Property names the filter reads (the WMS must fetch them). */
  Set<String> referencedProperties();

  /** Used by the legend when a rule has no title: a short text form of the filter, or null. */
  default String describe() {
    return null;
  }
}
