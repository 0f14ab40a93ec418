package vn.citytwin.sensors.series;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;

/**
 * A bucket width: {@code <n>s|m|h|d} ({@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}) or an ISO 8601 duration
 * without years or months ({@code PT5M}, {@code P1D}). Months are refused: they have no fixed length, and
 * {@code date_bin} bins by fixed widths.
 */
public final class SeriesStep {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");
  private static final long MIN_SECONDS = 1;
  private static final long MAX_SECONDS = 366L * 86400;

  private SeriesStep() {}

  /** @throws ApiException 400 with locator {@code step} */
  public static Duration parse(String text) {
    String t = text.trim();
    Duration d;
    Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } else {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw ApiException.invalidParameter("step", "step '" + clip(t)
            + "' must be a width like 30s, 5m, 1h, 1d or an ISO 8601 duration like PT5M (no months or years)");
      }
    }
    if (d.getSeconds() < MIN_SECONDS || d.getSeconds() > MAX_SECONDS || d.getNano() != 0) {
      throw ApiException.invalidParameter("step", "step must be whole seconds from 1 s to 366 days");
    }
    return d;
  }

  private static String clip(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
