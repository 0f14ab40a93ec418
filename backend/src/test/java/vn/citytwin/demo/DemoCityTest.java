package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Determinism and sizing of the generator, without a database. */
class DemoCityTest {
  @Test
  void sameSeedGivesIdenticalTablesAndAnotherSeedDiffers() throws Exception {
    Map<DemoTable, String> a = TableSinks.newDigestMap();
    Map<DemoTable, String> b = TableSinks.newDigestMap();
    Map<DemoTable, String> other = TableSinks.newDigestMap();
    DemoCity.Summary sa = DemoCity.write(new DemoOptions(7, 4000), TableSinks.digests(a));
    DemoCity.write(new DemoOptions(7, 4000), TableSinks.digests(b));
    DemoCity.write(new DemoOptions(8, 4000), TableSinks.digests(other));
    assertThat(a).hasSize(DemoTable.values().length).isEqualTo(b);
    assertThat(sa.rows().get(DemoTable.BUILDINGS)).isEqualTo(4000L);
    for (DemoTable t : new DemoTable[] {DemoTable.BUILDINGS, DemoTable.ROADS, DemoTable.DEM, DemoTable.CAMERAS,
        DemoTable.FLOOD_REPORTS, DemoTable.HOTELS}) {
      assertThat(other.get(t)).as(t.qualifiedName()).isNotEqualTo(a.get(t));
    }
    // the anchors do not depend on the seed
    assertThat(other.get(DemoTable.WARDS)).isEqualTo(a.get(DemoTable.WARDS));
  }

  @Test
  void rejectsSizesOutOfRange() {
    assertThatThrownBy(() -> new DemoOptions(1, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("buildings");
    assertThat(DemoOptions.defaults()).isEqualTo(new DemoOptions(2025, 60_000));
  }
}
