package vn.citytwin.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanningSettingsTest {

  @Test
  void defaults() {
    PlanningSettings s = CityTwinConfig.from(ConfigSource.of(Map.of())).planning();
    assertThat(s.residentM2()).isEqualTo(25.0);
    assertThat(s.residentialShare()).containsEntry("shophouse", 0.7).containsEntry("mixed", 0.5)
        .doesNotContainKey("office");
    assertThat(s.jobM2Of("office")).isEqualTo(15.0);
    assertThat(s.jobM2Of("residential")).isZero();
    assertThat(s.jobM2Of("spaceport")).isEqualTo(40.0);
    assertThat(s.jobM2Of("Office")).as("uses match without regard to case, as keys are read").isEqualTo(15.0);
    assertThat(s.walkM()).containsEntry("primary_school", 500.0).containsEntry("secondary_school", 1000.0)
        .containsEntry("clinic", 800.0).containsEntry("hospital", 2000.0);
    assertThat(s.accessMethod()).isEqualTo("auto");
    assertThat(s.cityExtent()).isNull();
  }

  /** The key of ETags and caches: the same settings in any order give one text; any change gives another. */
  @Test
  void keyIsStableAndCoversEverySetting() {
    PlanningSettings ab = PlanningSettings.from(ConfigSource.of(Map.of("planning.job.m2", "office:15,hotel:60",
        "planning.walk.m", "clinic:600,hospital:1500")));
    PlanningSettings ba = PlanningSettings.from(ConfigSource.of(Map.of("planning.job.m2", "hotel:60, office:15",
        "planning.walk.m", "hospital:1500,clinic:600")));
    assertThat(ab.key()).isEqualTo(ba.key())
        .contains("jobM2={hotel=60.0, office=15.0}", "walkM={clinic=600.0, hospital=1500.0, primary_school=500.0,");
    for (Map<String, String> change : List.of(Map.of("planning.resident.m2", "26"),
        Map.of("planning.job.m2.default", "41"), Map.of("planning.access.method", "straight"),
        Map.of("planning.city.extent", "107.0, 10.3, 107.2, 10.5"), Map.of("planning.residential.share", "villa:1"))) {
      assertThat(PlanningSettings.from(ConfigSource.of(change)).key()).as(change.toString())
          .isNotEqualTo(PlanningSettings.defaults().key());
    }
  }

  @Test
  void overrides() {
    PlanningSettings s = PlanningSettings.from(ConfigSource.of(Map.of("planning.resident.m2", "30",
        "planning.residential.share", "residential:1, condotel:0.25", "planning.walk.m", "clinic:600",
        "planning.access.method", "STRAIGHT", "planning.city.extent", "107.0, 10.3, 107.2, 10.5")));
    assertThat(s.residentM2()).isEqualTo(30.0);
    // The list replaces the default list.
    assertThat(s.residentialShare()).containsOnly(Map.entry("residential", 1.0), Map.entry("condotel", 0.25));
    assertThat(s.walkM()).containsEntry("clinic", 600.0).containsEntry("hospital", 2000.0);
    assertThat(s.accessMethod()).isEqualTo("straight");
    assertThat(s.cityExtent()).containsExactly(107.0, 10.3, 107.2, 10.5);
  }

  @Test
  void badValuesNameTheKey() {
    for (Map<String, String> bad : List.of(Map.of("planning.resident.m2", "0"),
        Map.of("planning.residential.share", "residential=1"),
        Map.of("planning.residential.share", "mixed:2"),
        Map.of("planning.walk.m", "library:300"),
        Map.of("planning.access.method", "teleport"),
        Map.of("planning.city.extent", "107,10,106,11"),
        Map.of("planning.city.extent", "1,2,3"))) {
      String key = bad.keySet().iterator().next();
      assertThatThrownBy(() -> PlanningSettings.from(ConfigSource.of(bad))).isInstanceOf(ConfigException.class)
          .hasMessageContaining(key);
    }
  }
}
