package vn.citytwin.sensors.sta.query;

import java.time.Instant;
import java.util.List;

/**
 * A parsed {@code $filter} (or {@code $orderby} key): a typed tree whose literals keep their parsed Java values, so
 * the SQL writer binds each of them. {@code pos} is the 0-based character offset in the option's text.
 */
public sealed interface Expr {
  int pos();

  /** A literal of a definite type. */
  sealed interface Literal extends Expr {}

  record Text(String value, int pos) implements Literal {}

  /** Integers as Long, everything else as Double. */
  record Num(Number value, int pos) implements Literal {}

  record Bool(boolean value, int pos) implements Literal {}

  record Time(Instant value, int pos) implements Literal {}

  /** {@code geometry'…'}: WKT already checked by JTS, SRID 4326 (lon/lat). */
  record Geometry(String wkt, int pos) implements Literal {}

  record Null(int pos) implements Literal {}

  /** A property path: {@code name}, {@code Datastream/ObservedProperty/name}, {@code properties/owner/name}. */
  record Path(List<String> segments, int pos) implements Expr {}

  /** {@code not e} or arithmetic negation {@code -e}. */
  record Unary(String op, Expr operand, int pos) implements Expr {}

  /** Logical (and, or), comparison (eq, ne, gt, ge, lt, le) or arithmetic (add, sub, mul, div, mod). */
  record Binary(String op, Expr left, Expr right, int pos) implements Expr {}

  /** A function call; {@code name} is lower case ({@code geo.intersects}, {@code substringof}, {@code year}). */
  record Call(String name, List<Expr> args, int pos) implements Expr {}
}
