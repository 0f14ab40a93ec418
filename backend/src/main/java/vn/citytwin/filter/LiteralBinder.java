package vn.citytwin.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.citytwin.core.error.ApiException;

/**
 * Coerces a literal to the Java value bound for a field of a given type: STRING → String, INTEGER → Long (Double
 * when the literal has a fraction, so {@code levels > 2.5} keeps its meaning), NUMBER → Double, BOOLEAN → Boolean,
 * DATE → java.sql.Date (or OffsetDateTime for a timestamp literal), TIMESTAMP → OffsetDateTime in UTC.
 * Text literals (all of FES) are parsed; a value that does not fit is an {@link ApiException} naming the property.
 */
final class LiteralBinder {
  private LiteralBinder() {}

  static Object bind(Object value, FieldType type, String property) {
    switch (type) {
      case STRING:
        return Values.text(value);
      case INTEGER: {
        BigDecimal n = number(value, type, property);
        BigDecimal stripped = n.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
          return stripped.longValueExact();
        }
        return finiteDouble(n, value, property);
      }
      case NUMBER:
        return finiteDouble(number(value, type, property), value, property);
      case BOOLEAN: {
        Boolean b = value instanceof Boolean x ? x : value instanceof String s ? Values.parseBoolean(s) : null;
        if (b == null) {
          throw mismatch(property, "a boolean", value, "true or false");
        }
        return b;
      }
      case DATE:
      case TIMESTAMP: {
        Object t = value instanceof String s ? Values.parseTemporal(s)
            : (value instanceof LocalDate || value instanceof Instant) ? value : null;
        if (t == null) {
          throw mismatch(property, type == FieldType.DATE ? "a date" : "a timestamp", value,
              "YYYY-MM-DD or an RFC 3339 timestamp");
        }
        int year = t instanceof LocalDate d ? d.getYear() : ((Instant) t).atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
          throw FilterErrors.invalid("Date " + FilterErrors.quote(Values.text(value)) + " for property '"
              + property + "' is out of range (years 1 to 9999)");
        }
        if (t instanceof LocalDate d) {
          return type == FieldType.DATE ? java.sql.Date.valueOf(d) : d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.ofInstant((Instant) t, ZoneOffset.UTC);
      }
      default:
        throw FilterErrors.invalid("Property '" + property + "' is a geometry; use a spatial operator such as"
            + " S_INTERSECTS or BBOX");
    }
  }

  private static BigDecimal number(Object value, FieldType type, String property) {
    BigDecimal n = value instanceof Number x && Double.isFinite(x.doubleValue()) ? Values.toBigDecimal(x)
        : value instanceof String s ? Values.parseNumber(s) : null;
    if (n == null) {
      throw mismatch(property, SqlTranslator.describe(type), value, "a number");
    }
    return n;
  }

  private static Double finiteDouble(BigDecimal n, Object original, String property) {
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw FilterErrors.invalid("Number " + FilterErrors.quote(Values.text(original)) + " for property '"
          + property + "' is out of range");
    }
    return d;
  }

  private static ApiException mismatch(String property, String kind, Object value, String expected) {
    return FilterErrors.invalid("Property '" + property + "' is " + kind + ", but the filter compares it with "
        + describe(value) + " (expected " + expected + ")");
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "the text " + FilterErrors.quote(s);
    }
    if (value instanceof Number) {
      return "the number " + Values.text(value);
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    return "the date " + Values.text(value);
  }
}
