package vn.citytwin.filter;

import java.util.function.BiPredicate;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.core.error.ApiException;

/**
 * Tests a {@link Filter} against one feature in memory (SLD rules on features already fetched), with the same
 * semantics as {@link FilterSqlWriter}: a literal takes the type of the property it meets, numbers compare
 * numerically, strings by code point, a null value makes any comparison false, NOT is two-valued, LIKE matches
 * without regular expressions ({@link LikePattern}), ResourceId matches the property {@code id}.
 *
 * <p>The feature geometry is in EPSG:4326 (x=longitude); a spatial predicate on a named property uses that
 * property's value when it is a JTS geometry, else the given geometry. Literals in EPSG:4326, CRS:84 and
 * EPSG:3857 are supported. Metric DWithin/Beyond use a local ellipsoidal approximation
 * ({@link EvaluatorGeometry#metres}); degrees are planar, as in PostGIS. A geometry operation that fails on an
 * invalid feature geometry counts as false.
 */
public final class FilterEvaluator {
  private FilterEvaluator() {}

  /**
   * Compiles once for many features.
   *
   * @throws ApiException INVALID_PARAMETER when a spatial literal is in a CRS that cannot be handled in memory
   */
  public static BiPredicate<Function<String, Object>, Geometry> compile(Filter filter) {
    return compile(filter, null);
  }

  /**
   * Compiles once for many features of layer {@code layerName}: like the SQL writer with a resolver that knows
   * its layer name, ResourceIds with another layer's prefix ({@code roads.9} on {@code buildings}) match nothing.
   * A null layer name accepts any prefix.
   *
   * @throws ApiException INVALID_PARAMETER when a spatial literal is in a CRS that cannot be handled in memory
   */
  public static BiPredicate<Function<String, Object>, Geometry> compile(Filter filter, String layerName) {
    if (filter == null) {
      throw FilterErrors.invalid("Missing filter");
    }
    try {
      EvaluatorCompiler.Node n = new EvaluatorCompiler(java.util.Optional.ofNullable(layerName)).node(filter, 0);
      return n::test;
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw FilterErrors.unexpected(e);
    }
  }

  /**
   * Whether the feature with these properties (looked up by name; null when absent) and this geometry (EPSG:4326,
   * may be null) matches.
   */
  public static boolean test(Filter filter, Function<String, Object> properties, Geometry geometry) {
    return compile(filter).test(properties, geometry);
  }
}
