package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;

/**
 * Compiles a {@link Filter} into a tree of small predicates for {@link FilterEvaluator}; see there for the
 * semantics. Compiled trees are immutable and thread-safe (JTS predicates are created per test).
 */
final class EvaluatorCompiler {
  /** One compiled node. */
  interface Node {
    boolean test(Function<String, Object> properties, Geometry geometry);
  }

  private final Optional<String> layer;

  EvaluatorCompiler(Optional<String> layer) {
    this.layer = layer;
  }

  Node node(Filter f, int depth) {
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
      List<String> parts = ids.ids().stream().filter(rid -> ResourceIds.ofLayer(rid, layer))
          .map(ResourceIds::idPart).toList();
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

  private List<Node> nodes(List<Filter> filters, int depth) {
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
