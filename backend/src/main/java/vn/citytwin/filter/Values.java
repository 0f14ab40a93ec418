package vn.citytwin.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Value semantics shared by the in-memory evaluator and the SQL writer, so both answer alike: a literal takes the
 * type of the value it is compared with (the "anchor", normally the property); numbers compare numerically, strings
 * by Unicode code point (what SQL's {@code COLLATE "C"} does on UTF-8), dates before timestamps at UTC midnight.
 */
final class Values {
  enum Kind { NUMBER, STRING, BOOLEAN, TEMPORAL, OTHER }

  private Values() {}

  static Kind kind(Object v) {
    if (v instanceof Number) {
      return Kind.NUMBER;
    }
    if (v instanceof String || v instanceof Character) {
      return Kind.STRING;
    }
    if (v instanceof Boolean) {
      return Kind.BOOLEAN;
    }
    if (toTemporal(v) != null) {
      return Kind.TEMPORAL;
    }
    return Kind.OTHER;
  }

  /**
   * Three-way comparison of {@code left} and {@code right}, coercing the other side to the kind of the anchor
   * ({@code left} when {@code anchorLeft}). Null when either is null or they cannot be compared.
   */
  static Integer compare(Object left, Object right, boolean anchorLeft) {
    if (left == null || right == null) {
      return null;
    }
    Object anchor = anchorLeft ? left : right;
    Object other = anchorLeft ? right : left;
    Integer c = compareTo(anchor, other);
    return c == null ? null : (anchorLeft ? c : -c);
  }

  /** Comparison of two constants: a non-string side is the anchor (so {@code '30' = 30} is numeric). */
  static Integer compareConstants(Object left, Object right) {
    boolean anchorLeft = !(left instanceof String) || right instanceof String;
    return compare(left, right, anchorLeft);
  }

  private static Integer compareTo(Object anchor, Object other) {
    switch (kind(anchor)) {
      case NUMBER: {
        Number a = (Number) anchor;
        Number b = other instanceof Number n ? n : other instanceof String s ? parseNumber(s) : null;
        return b == null ? null : compareNumbers(a, b);
      }
      case STRING:
        return compareCodePoints(anchor.toString(), text(other));
      case BOOLEAN: {
        Boolean b = other instanceof Boolean x ? x : other instanceof String s ? parseBoolean(s) : null;
        return b == null ? null : Boolean.compare((Boolean) anchor, b);
      }
      case TEMPORAL: {
        Object a = toTemporal(anchor);
        Object b = toTemporal(other);
        return b == null ? null : compareTemporal(a, b);
      }
      default:
        return null;
    }
  }

  static int compareNumbers(Number a, Number b) {
    if (isNonFinite(a) || isNonFinite(b)) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  private static boolean isNonFinite(Number n) {
    return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
  }

  static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof Float f) {
      return new BigDecimal(f.doubleValue());
    }
    return BigDecimal.valueOf(n.doubleValue());
  }

  /** Compares strings by code point, like byte order of UTF-8. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static int compareTemporal(Object a, Object b) {
    if (a instanceof LocalDate da && b instanceof LocalDate db) {
      return da.compareTo(db);
    }
    return instant(a).compareTo(instant(b));
  }

  private static Instant instant(Object t) {
    return t instanceof LocalDate d ? d.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) t;
  }

  /** A date ({@link LocalDate}) or a moment ({@link Instant}) for any date/time value or ISO string; else null. */
  static Object toTemporal(Object v) {
    if (v instanceof LocalDate || v instanceof Instant) {
      return v;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (v instanceof ZonedDateTime t) {
      return t.toInstant();
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (v instanceof String s) {
      return parseTemporal(s);
    }
    return null;
  }

  /** {@code YYYY-MM-DD} → LocalDate; an ISO date-time (offset optional, UTC assumed) → Instant; else null. */
  static Object parseTemporal(String text) {
    String s = text.trim();
    if (s.length() > 64) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      return parseInstant(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An ISO date-time with or without offset (UTC assumed); null when not one. */
  static Instant parseInstant(String text) {
    String s = text.trim();
    if (s.length() > 64) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** A decimal number (sign, fraction and exponent allowed; surrounding blanks ignored); null otherwise. */
  static BigDecimal parseNumber(String text) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > 100) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code true/false/1/0}, any case, blanks ignored; null otherwise. */
  static Boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The text of a value as a string property would hold it: numbers without trailing zeros, ISO dates. */
  static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number n) {
      if (isNonFinite(n)) {
        return n.toString();
      }
      if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
          || n instanceof BigInteger) {
        return n.toString();
      }
      BigDecimal b = toBigDecimal(n).stripTrailingZeros();
      return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
    Object t = toTemporal(v);
    if (t != null) {
      return t.toString();
    }
    return String.valueOf(v);
  }
}
