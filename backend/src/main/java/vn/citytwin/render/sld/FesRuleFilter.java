package vn.citytwin.render.sld;

import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.FilterEvaluator;
import vn.citytwin.filter.FilterProperties;
import vn.citytwin.filter.Literal;
import vn.citytwin.filter.PropertyRef;
import vn.citytwin.render.style.RuleFilter;

/**
 * A rule filter backed by the server's filter package: parsed once, compiled once, evaluated per feature.
 * Spatial operators compare with literals as the filter package defines them (EPSG:4326 features); SLD rule
 * filters are almost always attribute comparisons.
 */
final class FesRuleFilter implements RuleFilter {
  private final Filter filter;
  private final BiPredicate<Function<String, Object>, Geometry> compiled;
  private final Set<String> properties;

  FesRuleFilter(Filter filter) {
    this.filter = filter;
    this.compiled = FilterEvaluator.compile(filter);
    this.properties = Set.copyOf(FilterProperties.referenced(filter));
  }

  @Override
  public boolean test(Function<String, Object> properties, Geometry geometry) {
    return compiled.test(properties, geometry);
  }

  @Override
  public Set<String> referencedProperties() {
    return properties;
  }

  @Override
  public String describe() {
    if (filter instanceof Filter.Comparison c && c.left() instanceof PropertyRef p
        && c.right() instanceof Literal l) {
      return p.name() + " " + c.op().sql() + " " + l.value();
    }
    return null;
  }
}
