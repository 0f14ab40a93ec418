package vn.citytwin.core.config;

import java.util.Locale;
import java.util.Set;

/**
 * Which requests the access log writes, and how (keys {@code http.access.log.*}). Logging every request costs a
 * busy server real throughput and disk (88 MB in two minutes of a tile load), so by default only slow requests and
 * server errors are written; {@code full} and {@code sampled} are for debugging and traffic studies.
 *
 * @param mode {@code off}, {@code slow} (only slow requests and 5xx), {@code sampled} (a share of all, plus slow and
 *     5xx) or {@code full}
 * @param sampleRate share of requests a {@code sampled} log writes (0–1)
 * @param slowMs a request slower than this is always written (except {@code off})
 * @param format {@code combined} (Apache/nginx combined log format, plus the request id and milliseconds) or
 *     {@code json} (one JSON object a line)
 * @param queue most lines waiting for the writer thread; beyond it lines are dropped and counted, never blocking
 *     an event loop
 */
public record AccessLogSettings(String mode, double sampleRate, int slowMs, String format, int queue) {
  public static final Set<String> MODES = Set.of("off", "slow", "sampled", "full");
  public static final Set<String> FORMATS = Set.of("combined", "json");

  public static AccessLogSettings from(ConfigSource src) {
    String mode = src.oneOf("http.access.log", "slow", MODES).toLowerCase(Locale.ROOT);
    String rate = src.string("http.access.log.sample", "0.01");
    double sample;
    try {
      sample = Double.parseDouble(rate);
    } catch (NumberFormatException e) {
      sample = Double.NaN;
    }
    if (!(sample >= 0 && sample <= 1)) {
      throw new ConfigException("setting http.access.log.sample: '" + rate + "' must be a number from 0 to 1");
    }
    return new AccessLogSettings(mode, sample, src.integer("http.access.log.slow.ms", 1000, 0, 3600000),
        src.oneOf("http.access.log.format", "combined", FORMATS), src.integer("http.access.log.queue", 10000, 1,
        10000000));
  }
}
