package vn.citytwin.filter;

/** Binary comparison operators, with their SQL spelling. */
public enum ComparisonOp {
  EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

  private final String sql;

  ComparisonOp(String sql) {
    this.sql = sql;
  }

  /** The SQL operator. */
  public String sql() {
    return sql;
  }

  /** True for the ordering operators (everything but = and <>). */
  public boolean isOrdering() {
    return this != EQ && this != NE;
  }

  /** Whether a three-way comparison result ({@code <0}, {@code 0}, {@code >0}) satisfies this operator. */
  public boolean test(int cmp) {
    return switch (this) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }
}
