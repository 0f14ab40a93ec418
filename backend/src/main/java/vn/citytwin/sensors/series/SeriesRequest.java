package vn.citytwin.sensors.series;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.sensors.StaTime;

/**
 * A validated series request: buckets of {@code step} starting at {@code from} (the first bucket is
 * [from, from + step)), up to {@code to} (exclusive).
 *
 * @param csv whether the answer is CSV ({@code f=csv} or {@code Accept: text/csv}) rather than JSON
 */
public record SeriesRequest(long datastream, Instant from, Instant to, Duration step, List<Aggregate> aggregates,
                            boolean csv) {

  /**
   * {@code from} and {@code to}: ISO 8601 with a zone (default: the last 24 hours up to now), {@code step} (default
   * 1h), {@code agg} (comma list; default avg,min,max,count), {@code f=json|csv}.
   *
   * @throws ApiException 400 naming the parameter; also when the range holds more than {@code maxBuckets} buckets
   */
  public static SeriesRequest parse(String datastreamText, MultiMap q, String accept, int maxBuckets) {
    long ds;
    try {
      ds = Long.parseLong(datastreamText);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("datastream", "the datastream must be a numeric id");
    }
    Instant to = q.get("to") == null ? Instant.now() : StaTime.instant(q.get("to"), "to");
    Instant from = q.get("from") == null ? to.minus(Duration.ofDays(1)) : StaTime.instant(q.get("from"), "from");
    if (!from.isBefore(to)) {
      throw ApiException.invalidParameter("from", "from must be before to");
    }
    Duration step = SeriesStep.parse(q.get("step") == null ? "1h" : q.get("step"));
    long buckets = (Duration.between(from, to).getSeconds() + step.getSeconds() - 1) / step.getSeconds();
    if (buckets > maxBuckets) {
      throw ApiException.invalidParameter("step", "the range from " + StaTime.format(from) + " to "
          + StaTime.format(to) + " holds " + buckets + " buckets of " + step + "; at most " + maxBuckets
          + " are allowed: take a larger step or a shorter range");
    }
    Set<Aggregate> aggs = new LinkedHashSet<>();
    String agg = q.get("agg") == null ? "avg,min,max,count" : q.get("agg");
    for (String part : agg.split(",")) {
      if (!part.isBlank()) {
        aggs.add(Aggregate.parse(part));
      }
    }
    if (aggs.isEmpty()) {
      throw ApiException.invalidParameter("agg", "agg must name at least one of avg, min, max, sum, count");
    }
    String f = q.get("f");
    if (f != null && !f.equals("json") && !f.equals("csv")) {
      throw ApiException.invalidParameter("f", "f must be json or csv");
    }
    boolean csv = "csv".equals(f) || (f == null && accept != null && accept.contains("text/csv"));
    return new SeriesRequest(ds, from, to, step, new ArrayList<>(aggs), csv);
  }
}
