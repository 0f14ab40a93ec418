package vn.citytwin.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import vn.citytwin.core.error.ApiException;

/**
 * A closed time interval; either end may be open (null). Parses OGC API {@code datetime} (and WFS/tiles time):
 * an instant ({@code 2022-10-20T10:00:00Z} or a date, meaning that whole UTC day), or an interval
 * {@code start/end} with {@code ..} (or empty) for an open end. The WMS {@code TIME} list grammar (several ranges,
 * partial dates, {@code current}) is {@link TimeSelection#parse}.
 */
public record TimeRange(Instant start, Instant end) {

  /** @param locator the parameter name for errors ({@code datetime} or {@code TIME}) */
  public static TimeRange parse(String text, String locator) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      if (t.length() == 10) {
        Instant day = date(t, locator);
        return new TimeRange(day, day.plusSeconds(86_399));
      }
      Instant at = instant(t, locator);
      return new TimeRange(at, at);
    }
    String a = t.substring(0, slash).trim();
    String b = t.substring(slash + 1).trim();
    if (b.indexOf('/') >= 0) {
      // WMS period syntax start/end/resolution: the resolution does not narrow a filter, ignore it.
      b = b.substring(0, b.indexOf('/'));
    }
    Instant start = a.isEmpty() || a.equals("..") ? null : (a.length() == 10 ? date(a, locator) : instant(a, locator));
    Instant end = b.isEmpty() || b.equals("..") ? null
        : (b.length() == 10 ? date(b, locator).plusSeconds(86_399) : instant(b, locator));
    if (start == null && end == null) {
      throw ApiException.invalidParameter(locator, locator + " interval must have at least one end");
    }
    if (start != null && end != null && start.isAfter(end)) {
      throw ApiException.invalidParameter(locator, locator + " interval starts after it ends");
    }
    return new TimeRange(start, end);
  }

  static Instant instant(String s, String locator) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s + (s.endsWith("Z") ? "" : "Z"));
      } catch (DateTimeParseException e2) {
        throw ApiException.invalidParameter(locator, "'" + s + "' is not an RFC 3339 date-time");
      }
    }
  }

  static Instant date(String s, String locator) {
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(locator, "'" + s + "' is not a date (YYYY-MM-DD)");
    }
  }
}
