package vn.citytwin.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.error.ApiException;

/** The WMS TIME grammar (1.3.0 Annex C/D, 1.1.1 Annex C) read into ranges, without a database. */
class TimeSelectionTest {

  private static TimeRange range(String start, String end) {
    return new TimeRange(start == null ? null : Instant.parse(start), end == null ? null : Instant.parse(end));
  }

  @Test
  void singleValuesReadAsBefore() {
    assertThat(TimeSelection.parse("2022-10-20", "TIME").ranges())
        .containsExactly(range("2022-10-20T00:00:00Z", "2022-10-20T23:59:59Z"));
    assertThat(TimeSelection.parse("2022-10-20T01:00:00Z", "TIME").ranges())
        .containsExactly(range("2022-10-20T01:00:00Z", "2022-10-20T01:00:00Z"));
    assertThat(TimeSelection.parse("2023-01-01T00:00:00Z/..", "TIME").ranges())
        .containsExactly(range("2023-01-01T00:00:00Z", null));
    // every old single value reads to the range TimeRange.parse gives (OGC API datetime keeps that parser)
    for (String t : List.of("2022-10-20", "2022-10-20T10:00:00Z", "2022-01-01/2022-12-31", "../2023-05-01",
        "2022-10-20T10:00:00+07:00/", "2022-01-01/2022-02-01/P1D")) {
      assertThat(TimeSelection.parse(t, "TIME").ranges()).as(t).containsExactly(TimeRange.parse(t, "TIME"));
    }
  }

  @Test
  void listsPartialDatesPeriodsAndCurrent() {
    TimeSelection list = TimeSelection.parse("2022-10-20, 2024-06-01", "TIME");
    assertThat(list.ranges()).containsExactly(range("2022-10-20T00:00:00Z", "2022-10-20T23:59:59Z"),
        range("2024-06-01T00:00:00Z", "2024-06-01T23:59:59Z"));
    assertThat(list.latest()).isFalse();
    assertThat(TimeSelection.parse("2022-01-01/2022-12-31,2024-06-01", "TIME").ranges()).hasSize(2)
        .startsWith(range("2022-01-01T00:00:00Z", "2022-12-31T23:59:59Z"));
    assertThat(TimeSelection.parse("2022", "TIME").ranges())
        .containsExactly(range("2022-01-01T00:00:00Z", "2022-12-31T23:59:59Z"));
    assertThat(TimeSelection.parse("2024-02", "TIME").ranges())
        .containsExactly(range("2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z"));
    assertThat(TimeSelection.parse("2022/2023-06", "TIME").ranges())
        .containsExactly(range("2022-01-01T00:00:00Z", "2023-06-30T23:59:59Z"));
    // a period does not narrow the interval (vector features: the whole interval answers)
    assertThat(TimeSelection.parse("2022-01-01/2024-12-31/P1D", "TIME").ranges())
        .containsExactly(range("2022-01-01T00:00:00Z", "2024-12-31T23:59:59Z"));
    assertThat(TimeSelection.parse("2022-01-01T00:00:00Z/2022-01-02T00:00:00Z/PT1H30M", "TIME").ranges())
        .hasSize(1);
    TimeSelection current = TimeSelection.parse("current", "TIME");
    assertThat(current.latest()).isTrue();
    assertThat(current.ranges()).isEmpty();
    TimeSelection mixed = TimeSelection.parse("2022,PRESENT", "TIME");
    assertThat(mixed.latest()).isTrue();
    assertThat(mixed.ranges()).hasSize(1);
    assertThat(TimeSelection.parse("2024-01-01/present", "TIME").ranges())
        .containsExactly(range("2024-01-01T00:00:00Z", null));
  }

  @Test
  void badValuesNameTheParameter() {
    for (String bad : List.of("2022-13-01", "a/b", "2024-01-01/2023-01-01", "2022-10-20,", "2022,,2024", " ",
        "2022-00", "2022-01-01/2022-02-01/1D", "2022-01-01/2022-02-01/P", "2022-01-01/2022-02-01/PT",
        "../..", "now", "present/2024")) {
      assertThatThrownBy(() -> TimeSelection.parse(bad, "TIME")).as(bad).isInstanceOf(ApiException.class)
          .extracting(e -> ((ApiException) e).locator()).isEqualTo("TIME");
    }
  }
}
