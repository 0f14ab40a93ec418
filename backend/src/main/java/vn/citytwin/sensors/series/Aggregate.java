package vn.citytwin.sensors.series;

import java.util.Locale;
import vn.citytwin.core.error.ApiException;

/**
 * What a bucket reports. Numbers are aggregated over numeric results; {@code count} counts every observation
 * in the bucket. The SQL of each comes from here, never from the request.
 */
public enum Aggregate {
  AVG("avg(o.result_number)"),
  MIN("min(o.result_number)"),
  MAX("max(o.result_number)"),
  SUM("sum(o.result_number)"),
  COUNT("count(*)");

  private final String sql;

  Aggregate(String sql) {
    this.sql = sql;
  }

  String sql() {
    return sql;
  }

  /** The name used in requests and responses. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws ApiException 400 with locator {@code agg} */
  public static Aggregate parse(String text) {
    for (Aggregate a : values()) {
      if (a.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw ApiException.invalidParameter("agg", "agg '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
        + "' is not one of avg, min, max, sum, count");
  }
}
