package vn.citytwin.features;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Attribute values as text, the same in every encoding: numbers in plain decimal form (doubles keep a decimal
 * point so clients infer a real type), dates as {@code YYYY-MM-DD}, timestamps with a zone as RFC 3339 in UTC with
 * seconds ({@code 2022-10-20T01:00:00Z}), booleans as {@code true}/{@code false}.
 */
public final class ValueText {
  private ValueText() {}

  /** The text of a non-null value from a {@link FeatureRecord}; a non-finite double is {@code NaN}/{@code INF}. */
  public static String of(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "NaN";
      }
      if (d.isInfinite()) {
        return d > 0 ? "INF" : "-INF";
      }
      return Double.toString(d);
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    return String.valueOf(v);
  }

  /** True for values written as JSON numbers or booleans (no quotes). */
  static boolean isJsonLiteral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof BigDecimal || v instanceof Boolean
        || v instanceof Double d && Double.isFinite(d);
  }
}
