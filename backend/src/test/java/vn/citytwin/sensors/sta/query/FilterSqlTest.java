package vn.citytwin.sensors.sta.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.error.ApiException;

/** The SQL of a $filter: code and model identifiers only, every literal a bound value; type errors named. */
class FilterSqlTest {
  private static Frag sql(EntityType type, String filter) {
    return FilterSql.where("$filter", FilterParser.parse("$filter", filter), type, "e", new FilterSql.Aliases());
  }

  @Test
  void literalsAreBoundNeverWrittenIntoTheSql() {
    String evil = "x' OR 1=1; DROP TABLE sensor.thing; --";
    Frag f = sql(EntityType.THING, "name eq '" + evil.replace("'", "''") + "' and properties/owner eq 1");
    assertThat(f.sql()).doesNotContain("DROP").doesNotContain("1=1").doesNotContain("owner");
    assertThat(f.params()).contains(evil);
    assertThat(f.sql()).isEqualTo("((e.name = ?::text) AND ((CASE WHEN jsonb_typeof((e.properties #> ?::text[])) = "
        + "'number' THEN ((e.properties #> ?::text[]) #>> '{}')::float8 END) = ?::bigint))");
    assertThat(f.params()).hasSize(4);
  }

  @Test
  void navigationBecomesExistsAndIntervalsCompareByTheirEnds() {
    Frag f = sql(EntityType.OBSERVATION, "Datastream/ObservedProperty/name eq 'PM2.5'");
    assertThat(f.sql()).isEqualTo("EXISTS (SELECT 1 FROM sensor.datastream n0, sensor.observed_property n2 "
        + "WHERE n0.id = e.datastream_id AND n2.id = n0.observed_property_id AND (n2.name = ?::text))");
    Frag t = sql(EntityType.OBSERVATION, "phenomenonTime lt 2026-01-01T00:00:00Z");
    assertThat(t.sql()).isEqualTo("(e.phenomenon_time_start < ?::timestamptz AND "
        + "coalesce(e.phenomenon_time_end, e.phenomenon_time_start) < ?::timestamptz)");
    assertThat(t.params()).containsExactly(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    // Datastream/id is the row's own foreign key: no join, so the (datastream, time) index applies
    assertThat(sql(EntityType.OBSERVATION, "Datastream/@iot.id eq 7").sql()).isEqualTo("(e.datastream_id = ?::bigint)");
    // a literal on the left flips the operator
    assertThat(sql(EntityType.OBSERVATION, "2026-01-01T00:00:00Z lt phenomenonTime").sql())
        .isEqualTo("(e.phenomenon_time_start > ?::timestamptz)");
  }

  @Test
  void typeErrorsNameTheOperand() {
    assertThatThrownBy(() -> sql(EntityType.THING, "name eq 3")).isInstanceOf(ApiException.class)
        .hasMessageContaining("cannot compare text with a number at position 5");
    assertThatThrownBy(() -> sql(EntityType.THING, "Datastreams eq 3")).hasMessageContaining("navigation property");
    assertThatThrownBy(() -> sql(EntityType.THING, "name")).hasMessageContaining("expected a condition");
    assertThatThrownBy(() -> sql(EntityType.LOCATION, "st_within(name, location)"))
        .hasMessageContaining("expected a geometry");
    assertThatThrownBy(() -> sql(EntityType.THING, "length(name, 2) eq 1"))
        .hasMessageContaining("length() takes 1 argument, not 2");
    assertThatThrownBy(() -> sql(EntityType.THING, "name gt null")).hasMessageContaining("null");
  }
}
