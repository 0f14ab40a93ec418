package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one filter AST shared by CQL2 text, ECQL and FES/FE XML. Nodes are immutable records; parsers build them,
 * {@link FilterSqlWriter} turns them into SQL with bound parameters and {@link FilterEvaluator} tests them in memory.
 *
 * <p>Literals are typed ({@link Literal}); a literal is coerced to the type of the property it is compared with
 * (a FES literal is always text, so {@code <Literal>30</Literal>} compares numerically with a number property).
 * Property names are kept as written; the {@link FieldResolver} decides what they mean.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Filter.Comparison, Filter.Like,
    Filter.IsNull, Filter.Between, Filter.In, Filter.ResourceId, Filter.Spatial, Filter.Temporal, Filter.Include,
    Filter.Exclude {

  /** Matches every feature. */
  Filter INCLUDE = new Include();
  /** Matches no feature. */
  Filter EXCLUDE = new Exclude();

  /**
   * The conjunction of the given filters, flattening nested {@link And}s and dropping {@link Include}s;
   * {@link #INCLUDE} when nothing is left. Handy to combine a user filter with a server-side one.
   */
  static Filter and(Filter... filters) {
    List<Filter> parts = new ArrayList<>();
    for (Filter f : filters) {
      Objects.requireNonNull(f, "filter");
      if (f instanceof And and) {
        parts.addAll(and.filters());
      } else if (!(f instanceof Include)) {
        parts.add(f);
      }
    }
    if (parts.isEmpty()) {
      return INCLUDE;
    }
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  /** All of {@code filters} (at least one). */
  record And(List<Filter> filters) implements Filter {
    public And {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("And needs at least one operand");
      }
    }
  }

  /** Any of {@code filters} (at least one). */
  record Or(List<Filter> filters) implements Filter {
    public Or {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("Or needs at least one operand");
      }
    }
  }

  /**
   * Negation in two-valued logic: a predicate that cannot be decided (a null value) counts as false, so
   * {@code NOT (height > 30)} matches a feature whose height is null. The SQL writer follows the same rule.
   */
  record Not(Filter filter) implements Filter {
    public Not {
      Objects.requireNonNull(filter, "filter");
    }
  }

  /**
   * {@code left op right}. {@code matchCase=false} compares strings case-insensitively (FES {@code matchCase},
   * CQL2 {@code CASEI}). A null value on either side makes the comparison false.
   */
  record Comparison(ComparisonOp op, Expression left, Expression right, boolean matchCase) implements Filter {
    public Comparison {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    public Comparison(ComparisonOp op, Expression left, Expression right) {
      this(op, left, right, true);
    }
  }

  /**
   * {@code value LIKE pattern}. The pattern is in the canonical CQL2/SQL form: {@code %} any run of characters,
   * {@code _} one character, {@code \} escapes the next character; it never ends with a lone {@code \}. FES
   * patterns with their own wildCard/singleChar/escapeChar are translated to this form by the parser.
   */
  record Like(Expression value, String pattern, boolean matchCase) implements Filter {
    public Like {
      Objects.requireNonNull(value, "value");
      LikePattern.requireCanonical(pattern);
    }
  }

  /** {@code value IS NULL} (also FES PropertyIsNil). */
  record IsNull(Expression value) implements Filter {
    public IsNull {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code lower <= value <= upper} (inclusive, like SQL BETWEEN). */
  record Between(Expression value, Expression lower, Expression upper) implements Filter {
    public Between {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
    }
  }

  /** {@code value IN (list...)}; the list has at least one element. */
  record In(Expression value, List<Expression> list) implements Filter {
    public In {
      Objects.requireNonNull(value, "value");
      list = List.copyOf(list);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("IN needs at least one value");
      }
    }
  }

  /**
   * Feature identifiers as sent: {@code <layer>.<id>} (e.g. {@code buildings.42}) or a bare id. Matched against
   * the property {@code id}; the part after the last dot is the id.
   */
  record ResourceId(List<String> ids) implements Filter {
    public ResourceId {
      ids = List.copyOf(ids);
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("ResourceId needs at least one id");
      }
    }
  }

  /**
   * {@code op(property, geometry)}. A null {@code property} means the layer's default geometry. {@code distance}
   * is set for {@link SpatialOp#DWITHIN} and {@link SpatialOp#BEYOND} only. For {@link SpatialOp#BBOX} the literal
   * is the box as a polygon (or a multipolygon of two boxes when it crosses the antimeridian).
   */
  record Spatial(SpatialOp op, PropertyRef property, GeometryLiteral geometry, Distance distance)
      implements Filter {
    public Spatial {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(geometry, "geometry");
      if (op.needsDistance() != (distance != null)) {
        throw new IllegalArgumentException(op + (op.needsDistance() ? " needs" : " takes no") + " distance");
      }
    }
  }

  /**
   * A temporal predicate on a date or timestamp property against an instant ({@code start == end}) or an interval.
   * Bounds are {@link java.time.LocalDate} or {@link java.time.Instant}; a null bound is open ({@code ..}).
   */
  record Temporal(TemporalOp op, PropertyRef property, Object start, Object end) implements Filter {
    public Temporal {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(property, "property");
      for (Object bound : new Object[] {start, end}) {
        if (bound != null && !(bound instanceof java.time.LocalDate) && !(bound instanceof java.time.Instant)) {
          throw new IllegalArgumentException("temporal bound must be LocalDate or Instant: " + bound.getClass());
        }
      }
    }
  }

  /** Matches everything (CQL {@code INCLUDE}/{@code TRUE}). */
  record Include() implements Filter {}

  /** Matches nothing (CQL {@code EXCLUDE}/{@code FALSE}). */
  record Exclude() implements Filter {}
}
