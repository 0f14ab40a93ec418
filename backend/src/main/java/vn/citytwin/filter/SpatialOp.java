package vn.citytwin.filter;

/** Spatial operators: the DE-9IM predicates of OGC Simple Features, BBOX, and the distance tests. */
public enum SpatialOp {
  INTERSECTS("ST_Intersects"),
  EQUALS("ST_Equals"),
  DISJOINT("ST_Disjoint"),
  TOUCHES("ST_Touches"),
  WITHIN("ST_Within"),
  OVERLAPS("ST_Overlaps"),
  CROSSES("ST_Crosses"),
  CONTAINS("ST_Contains"),
  /** Intersects the literal box (index-friendly {@code &&} plus an exact test). */
  BBOX("ST_Intersects"),
  /** Within a distance of the literal. */
  DWITHIN("ST_DWithin"),
  /** Farther than a distance from the literal. */
  BEYOND("ST_DWithin");

  private final String sqlFunction;

  SpatialOp(String sqlFunction) {
    this.sqlFunction = sqlFunction;
  }

  /** The PostGIS function that implements the operator. */
  public String sqlFunction() {
    return sqlFunction;
  }

  /** True for DWITHIN and BEYOND. */
  public boolean needsDistance() {
    return this == DWITHIN || this == BEYOND;
  }

  /** The operator with its arguments swapped: {@code op(a, b) == converse(op)(b, a)}. */
  public SpatialOp converse() {
    return switch (this) {
      case WITHIN -> CONTAINS;
      case CONTAINS -> WITHIN;
      default -> this;
    };
  }
}
