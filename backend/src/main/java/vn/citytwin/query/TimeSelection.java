package vn.citytwin.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;

/**
 * Which times a request selects: features whose time falls in any of {@code ranges}, or (when {@code latest}) at
 * the latest time the layer has. One range is what OGC API {@code datetime} asks for; the WMS {@code TIME} list
 * grammar (WMS 1.3.0 Annex C/D, 1.1.1 Annex C) may ask for several and for {@code current}.
 *
 * @param ranges closed intervals, OR-ed; may be empty only when {@code latest}
 * @param latest also select the features at the layer's latest time (WMS {@code current} / {@code present})
 */
public record TimeSelection(List<TimeRange> ranges, boolean latest) {
  /** ISO 8601 duration as WMS writes a resolution ({@code P1D}, {@code PT1H}, {@code P1Y2M}, {@code PT0.5S}). */
  private static final Pattern PERIOD =
      Pattern.compile("P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  public TimeSelection {
    ranges = List.copyOf(ranges);
    if (ranges.isEmpty() && !latest) {
      throw new IllegalArgumentException("a time selection selects something");
    }
  }

  /** The selection of one range, or null (no time constraint) for null. */
  public static TimeSelection of(TimeRange range) {
    return range == null ? null : new TimeSelection(List.of(range), false);
  }

  /**
   * Parses the WMS TIME grammar: a comma-separated list whose elements are
   * <ul>
   *   <li>a value: an RFC 3339 instant, a date ({@code 2022-10-20}), a month ({@code 2022-10}) or a year
   *   ({@code 2022}); a date, month or year means that whole UTC day, month or year;</li>
   *   <li>an interval {@code start/end} or {@code start/end/period}, ends being values as above (a partial
   *   end extends to the end of its day, month or year), {@code ..} or empty for an open end, and
   *   {@code current}/{@code present} as end meaning "up to now" (open). The period (an ISO 8601 duration)
   *   is checked but does not narrow the selection: Annex D reads it as "samples every period", which for
   *   vector features with arbitrary timestamps we answer with the whole interval;</li>
   *   <li>{@code current} or {@code present}: the layer's latest time.</li>
   * </ul>
   *
   * @param locator the parameter name errors carry
   * @throws ApiException invalid parameter (locator {@code locator}) for an empty element, an unreadable value
   *     or period, an interval without ends or one that starts after it ends
   */
  public static TimeSelection parse(String text, String locator) {
    List<TimeRange> ranges = new ArrayList<>();
    boolean latest = false;
    for (String raw : text.split(",", -1)) {
      String element = raw.trim();
      if (element.isEmpty()) {
        throw ApiException.invalidParameter(locator, locator + " list has an empty element");
      }
      if (isNow(element)) {
        latest = true;
      } else {
        ranges.add(element.indexOf('/') < 0 ? value(element, locator) : interval(element, locator));
      }
    }
    return new TimeSelection(ranges, latest);
  }

  private static TimeRange interval(String element, String locator) {
    String[] parts = element.split("/", -1);
    if (parts.length > 3) {
      throw ApiException.invalidParameter(locator, locator + " interval is start/end or start/end/period");
    }
    if (parts.length == 3 && !PERIOD.matcher(parts[2].trim()).matches()) {
      throw ApiException.invalidParameter(locator, locator + ": '" + parts[2].trim()
          + "' is not an ISO 8601 period (e.g. P1D)");
    }
    String a = parts[0].trim();
    String b = parts[1].trim();
    if (isNow(a)) {
      throw ApiException.invalidParameter(locator, locator + " interval cannot start at '" + a + "'");
    }
    Instant start = isOpen(a) ? null : value(a, locator).start();
    Instant end = isOpen(b) || isNow(b) ? null : value(b, locator).end();
    if (start == null && end == null) {
      throw ApiException.invalidParameter(locator, locator + " interval must have at least one end");
    }
    if (start != null && end != null && start.isAfter(end)) {
      throw ApiException.invalidParameter(locator, locator + " interval starts after it ends");
    }
    return new TimeRange(start, end);
  }

  /** One value as the range it covers: an instant is itself, a date/month/year its whole UTC period. */
  private static TimeRange value(String s, String locator) {
    if (YEAR.matcher(s).matches()) {
      Instant start = LocalDate.of(Integer.parseInt(s), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
      return new TimeRange(start, lastSecondBefore(LocalDate.of(Integer.parseInt(s) + 1, 1, 1)));
    }
    if (MONTH.matcher(s).matches()) {
      YearMonth month;
      try {
        month = YearMonth.parse(s);
      } catch (DateTimeParseException e) {
        throw ApiException.invalidParameter(locator, locator + ": '" + s + "' is not a month (YYYY-MM)");
      }
      return new TimeRange(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
          lastSecondBefore(month.plusMonths(1).atDay(1)));
    }
    try {
      if (s.length() == 10) {
        Instant day = TimeRange.date(s, locator);
        return new TimeRange(day, day.plusSeconds(86_399));
      }
      Instant at = TimeRange.instant(s, locator);
      return new TimeRange(at, at);
    } catch (ApiException e) {
      // name the parameter in the text too: WMS 1.1.1 exception reports have no locator attribute
      throw ApiException.invalidParameter(locator, locator + ": " + e.getMessage());
    }
  }

  /** Inclusive end of a period, with the same one-second convention as a date in {@link TimeRange}. */
  private static Instant lastSecondBefore(LocalDate next) {
    return next.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
  }

  private static boolean isOpen(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static boolean isNow(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.equals("current") || l.equals("present");
  }
}
