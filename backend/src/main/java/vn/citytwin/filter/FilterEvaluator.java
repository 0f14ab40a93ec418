package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;
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

  /** One compiled filter; thread-safe. */
  private interface Node {
    boolean test(Function<String, Object> properties, Geometry geometry);
  }

  /**
   * Compiles once for many features.
   *
   * @throws ApiException INVALID_PARAMETER when a spatial literal is in a CRS that cannot be handled in memory
   */
  public static BiPredicate<Function<String, Object>, Geometry> compile(Filter filter) {
    if (filter == null) {
      throw FilterErrors.invalid("Missing filter");
    }
    try {
      Node n = node(filter, 0);
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

  private static Node node(Filter f, int depth) {
    if (depth > SqlTranslator.MAX_DEPTH) {
      throw FilterErrors.invalid("Filter is nested too deeply (more than " + SqlTranslator.MAX_DEPTH + " levels)");
    }
    if (f instanceof Filter.Include) {
      return (p, g) -> true;
    }
    if (f instanceof Filter.Exclude) {
      return (p, g) -> false;
    }
    if (f instanceof Filter.And and) {
      List<Node> parts = nodes(and.filters(), depth);
      return (p, g) -> parts.stream().allMatch(n -> n.test(p, g));
    }
    if (f instanceof Filter.Or or) {
      List<Node> parts = nodes(or.filters(), depth);
      return (p, g) -> parts.stream().anyMatch(n -> n.test(p, g));
    }
    if (f instanceof Filter.Not not) {
      Node inner = node(not.filter(), depth + 1);
      return (p, g) -> !inner.test(p, g);
    }
    if (f instanceof Filter.Comparison c) {
      return (p, g) -> {
        Integer cmp = compare(c.left(), c.right(), p, !c.matchCase());
        return cmp != null && c.op().test(cmp);
      };
    }
    if (f instanceof Filter.Like like) {
      LikePattern pattern = LikePattern.compile(like.pattern(), like.matchCase());
      return (p, g) -> {
        Object v = value(like.value(), p);
        if (v == null) {
          return false;
        }
        String s = Values.text(v);
        return pattern.matches(like.matchCase() ? s : s.toLowerCase(Locale.ROOT));
      };
    }
    if (f instanceof Filter.IsNull n) {
      return (p, g) -> value(n.value(), p) == null;
    }
    if (f instanceof Filter.Between b) {
      return (p, g) -> {
        Integer lo = compare(b.value(), b.lower(), p, false);
        Integer hi = compare(b.value(), b.upper(), p, false);
        return lo != null && hi != null && lo >= 0 && hi <= 0;
      };
    }
    if (f instanceof Filter.In in) {
      return (p, g) -> in.list().stream().anyMatch(e -> {
        Integer c = compare(in.value(), e, p, false);
        return c != null && c == 0;
      });
    }
    if (f instanceof Filter.ResourceId ids) {
      List<String> parts = ids.ids().stream().map(ResourceIds::idPart).toList();
      return (p, g) -> {
        Object id = p.apply("id");
        return id != null && parts.stream().anyMatch(part -> {
          Integer c = Values.compare(id, part, true);
          return c != null && c == 0;
        });
      };
    }
    if (f instanceof Filter.Spatial s) {
      return spatial(s);
    }
    return temporal((Filter.Temporal) f);
  }

  private static List<Node> nodes(List<Filter> filters, int depth) {
    List<Node> out = new ArrayList<>(filters.size());
    for (Filter f : filters) {
      out.add(node(f, depth + 1));
    }
    return out;
  }

  private static Object value(Expression e, Function<String, Object> properties) {
    return e instanceof Literal l ? l.value() : properties.apply(((PropertyRef) e).name());
  }

  /**
   * Compares two operands; a literal is coerced to the kind of the property it meets (the left one when both are
   * properties). Null when either is null or they cannot be compared.
   */
  private static Integer compare(Expression left, Expression right, Function<String, Object> p,
      boolean ignoreCase) {
    Object l = value(left, p);
    Object r = value(right, p);
    if (l == null || r == null) {
      return null;
    }
    boolean anchorLeft = left instanceof PropertyRef || !(right instanceof PropertyRef);
    Object anchor = anchorLeft ? l : r;
    if (left instanceof Literal && right instanceof Literal) {
      return Values.compareConstants(l, r);
    }
    if (ignoreCase && Values.kind(anchor) == Values.Kind.STRING) {
      return Values.compareCodePoints(Values.text(l).toLowerCase(Locale.ROOT),
          Values.text(r).toLowerCase(Locale.ROOT));
    }
    return Values.compare(l, r, anchorLeft);
  }

  private static Node spatial(Filter.Spatial s) {
    Geometry literal = EvaluatorGeometry.to4326(s.geometry());
    Envelope box = literal.getEnvelopeInternal();
    String property = s.property() == null ? null : s.property().name();
    return (p, g) -> {
      Geometry feature = g;
      if (property != null && p.apply(property) instanceof Geometry named) {
        feature = named;
      }
      if (feature == null || feature.isEmpty()) {
        return false;
      }
      try {
        return switch (s.op()) {
          case BBOX -> box.intersects(feature.getEnvelopeInternal())
              && RelateNG.relate(feature, literal, RelatePredicate.intersects());
          case DWITHIN -> within(feature, literal, s.distance());
          case BEYOND -> !within(feature, literal, s.distance());
          default -> RelateNG.relate(feature, literal, predicate(s.op()));
        };
      } catch (RuntimeException e) {
        return false;
      }
    };
  }

  private static boolean within(Geometry feature, Geometry literal, Distance d) {
    if (d.unit().isAngular()) {
      return feature.isWithinDistance(literal, d.value());
    }
    return EvaluatorGeometry.metres(feature, literal) <= d.metres();
  }

  private static TopologyPredicate predicate(SpatialOp op) {
    return switch (op) {
      case EQUALS -> RelatePredicate.equalsTopo();
      case DISJOINT -> RelatePredicate.disjoint();
      case TOUCHES -> RelatePredicate.touches();
      case WITHIN -> RelatePredicate.within();
      case OVERLAPS -> RelatePredicate.overlaps();
      case CROSSES -> RelatePredicate.crosses();
      case CONTAINS -> RelatePredicate.contains();
      default -> RelatePredicate.intersects();
    };
  }

  private static Node temporal(Filter.Temporal t) {
    String name = t.property().name();
    Object start = t.start();
    Object end = t.end();
    return (p, g) -> {
      Object v = p.apply(name);
      if (v == null || Values.toTemporal(v) == null) {
        return false;
      }
      Integer cs = start == null ? null : Values.compare(v, start, true);
      Integer ce = end == null ? null : Values.compare(v, end, true);
      return switch (t.op()) {
        case AFTER -> ce != null && ce > 0;
        case BEFORE -> cs != null && cs < 0;
        case EQUALS -> cs != null && cs == 0;
        case DURING -> (start == null || (cs != null && cs > 0)) && (end == null || (ce != null && ce < 0));
        case INTERSECTS -> (start == null || (cs != null && cs >= 0)) && (end == null || (ce != null && ce <= 0));
      };
    };
  }
}
