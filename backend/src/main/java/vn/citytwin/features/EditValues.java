package vn.citytwin.features;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import vn.citytwin.catalog.Field;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;

/**
 * Checks an edit value against its column's type and gives the text bound for it ({@code CAST(? AS <type>)}), so a
 * wrong value is a clear error naming the property, not a database error. Texts from XML and typed JSON values are
 * accepted alike: {@code "30"} and {@code 30} for a number, {@code "true"}/{@code "1"} for a boolean, ISO dates and
 * RFC 3339 timestamps.
 */
final class EditValues {
  private EditValues() {}

  /** The text to bind, or null for NULL. */
  static String text(Field f, Object value) {
    if (value == null) {
      return null;
    }
    String s = value instanceof String str ? str.trim() : ValueText.of(value);
    try {
      return switch (f.type()) {
        case INTEGER -> {
          if (value instanceof Double d && d != Math.rint(d)) {
            throw new NumberFormatException();
          }
          yield new BigDecimal(s).toBigIntegerExact().toString();
        }
        case NUMBER -> {
          BigDecimal n = new BigDecimal(s);
          yield n.toString();
        }
        case BOOLEAN -> switch (s.toLowerCase(Locale.ROOT)) {
          case "true", "1" -> "true";
          case "false", "0" -> "false";
          default -> throw new IllegalArgumentException();
        };
        case DATE -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString();
        case TIMESTAMP -> {
          if (value instanceof Instant i) {
            yield i.toString();
          }
          try {
            yield OffsetDateTime.parse(s).toString();
          } catch (DateTimeParseException e) {
            yield java.time.LocalDateTime.parse(s).toString(); // no zone: the column's (or session's) zone applies
          }
        }
        default -> value instanceof String ? (String) value : s;
      };
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw bad(f, s);
    } catch (IllegalArgumentException e) {
      throw bad(f, s);
    }
  }

  private static ApiException bad(Field f, String s) {
    return ApiException.invalidParameter(f.name(), "Value '" + ErrorText.abbreviate(s) + "' does not fit property '"
        + f.name() + "' of type " + f.type().jsonType() + (f.type().jsonType().equals("string") ? " ("
        + f.pgType() + ")" : ""));
  }
}
