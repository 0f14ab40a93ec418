package vn.citytwin.tiles3d;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Conversions of caller-supplied property values (boxed, from a database row) to their stored form. */
final class PropertyValues {
  private PropertyValues() {}

  /**
   * An integral Number as a long within the type's range.
   *
   * @throws IllegalArgumentException if it is not a Number, has a fraction, or is out of range
   */
  static long toLong(Object value, PropertyType type, String property) {
    long v;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      v = ((Number) value).longValue();
    } else if (value instanceof BigInteger big && big.bitLength() < 64) {
      v = big.longValue();
    } else if (value instanceof BigDecimal dec) {
      try {
        v = dec.longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("property '" + property + "' needs an integer, got " + value, e);
      }
    } else if (value instanceof Number n && (value instanceof Double || value instanceof Float)) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Math.abs(d) > 0x1p62) {
        throw new IllegalArgumentException("property '" + property + "' needs an integer, got " + value);
      }
      v = (long) d;
    } else {
      throw new IllegalArgumentException("property '" + property + "' needs an integer, got "
          + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    if (v < type.min() || v > type.max()) {
      throw new IllegalArgumentException("property '" + property + "' value " + v + " is out of " + type + " range");
    }
    return v;
  }

  /** A Number as a double. @throws IllegalArgumentException if it is not a Number */
  static double toDouble(Object value, String property) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("property '" + property + "' needs a number, got "
        + value.getClass().getSimpleName());
  }
}
