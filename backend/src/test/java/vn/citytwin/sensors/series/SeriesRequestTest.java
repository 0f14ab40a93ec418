package vn.citytwin.sensors.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

/** Steps, aggregates and ranges of a series request, and the SQL shape they produce. */
class SeriesRequestTest {
  static MultiMap q(String... kv) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < kv.length; i += 2) {
      m.add(kv[i], kv[i + 1]);
    }
    return m;
  }

  @ParameterizedTest
  @CsvSource({"30s, 30", "5m, 300", "1h, 3600", "1d, 86400", "PT15M, 900", "P1D, 86400", "pt1h, 3600"})
  void stepsInBothSpellings(String text, long seconds) {
    assertThat(SeriesStep.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource({"5x", "0s", "P1M", "PT0.5S", "400d", "-5m", "five"})
  void badStepsNameStep(String text) {
    assertThatThrownBy(() -> SeriesStep.parse(text))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.locator()).isEqualTo("step"));
  }

  @Test
  void aRequestWithDefaultsAndTheBucketCap() {
    SeriesRequest r = SeriesRequest.parse("7", q("from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00+07:00",
        "step", "15m", "agg", "max,avg,max"), null, 10000);
    assertThat(r.aggregates()).containsExactly(Aggregate.MAX, Aggregate.AVG);
    assertThat(r.csv()).isFalse();
    assertThat(SeriesRequest.parse("7", q("f", "csv"), null, 10000).csv()).isTrue();
    assertThat(SeriesRequest.parse("7", q(), "text/csv", 10000).csv()).isTrue();
    assertThatThrownBy(() -> SeriesRequest.parse("7", q("from", "2025-01-01T00:00:00Z", "to",
        "2026-01-01T00:00:00Z", "step", "1h"), null, 1000))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("8760 buckets"));
    assertThatThrownBy(() -> SeriesRequest.parse("x", q(), null, 10)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> SeriesRequest.parse("7", q("agg", "avg,p95"), null, 10000))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.locator()).isEqualTo("agg"));
    assertThatThrownBy(() -> SeriesRequest.parse("7", q("f", "xml"), null, 10000))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.locator()).isEqualTo("f"));
  }

  @Test
  void theSqlBindsEveryValueAndTakesAggregatesFromCode() {
    String sql = SeriesStore.sql(java.util.List.of(Aggregate.AVG, Aggregate.COUNT));
    assertThat(sql).contains("date_bin(make_interval(secs => ?), o.phenomenon_time_start, ?)")
        .contains("avg(o.result_number), count(*)").contains("o.datastream_id = ?").doesNotContain("'");
  }
}
