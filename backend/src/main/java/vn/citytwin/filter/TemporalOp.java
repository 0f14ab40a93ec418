package vn.citytwin.filter;

/**
 * Temporal operators on an instant-valued property {@code t} (a date or timestamp) against an instant or an
 * interval {@code [start, end]} (a null bound is open).
 */
public enum TemporalOp {
  /** {@code t > end}. */
  AFTER,
  /** {@code t < start}. */
  BEFORE,
  /** {@code start < t < end} (strictly inside). */
  DURING,
  /** {@code t == start} (instants only). */
  EQUALS,
  /** {@code start <= t <= end}. */
  INTERSECTS
}
