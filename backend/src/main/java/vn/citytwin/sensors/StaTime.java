package vn.citytwin.sensors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import vn.citytwin.core.error.ApiException;

/**
 * ISO 8601 times as STA writes them: an instant with an offset ({@code 2026-12-07T10:00:00Z},
 * {@code 2026-12-07T17:00:00+07:00}) or an interval {@code start/end}. Output is always UTC with {@code Z}.
 */
public final class StaTime {
  private StaTime() {}

  /** An instant or an interval; {@code end} is null for an instant. */
  public record Span(Instant start, Instant end) {
    /** STA text: the instant, or {@code start/end}. */
    public String text() {
      return end == null ? format(start) : format(start) + "/" + format(end);
    }
  }

  /**
   * Parses an instant.
   *
   * @throws ApiException invalid parameter (locator {@code field}) when it is not an ISO 8601 date-time with offset
   */
  public static Instant instant(String text, String field) {
    try {
      return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiException.invalidParameter(field, field + ": '" + text
          + "' is not an ISO 8601 time with a time zone, e.g. 2026-12-07T10:00:00Z");
    }
  }

  /** Parses an instant or {@code start/end} (end not before start). */
  public static Span span(String text, String field) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new Span(instant(text, field), null);
    }
    Instant a = instant(text.substring(0, slash), field);
    Instant b = instant(text.substring(slash + 1), field);
    if (b.isBefore(a)) {
      throw ApiException.invalidParameter(field, field + ": the interval ends before it starts");
    }
    return new Span(a, b);
  }

  /** UTC, {@code Z}, millisecond or finer precision as needed. */
  public static String format(Instant t) {
    return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
  }
}
