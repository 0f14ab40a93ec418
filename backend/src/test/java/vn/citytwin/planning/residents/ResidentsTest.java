package vn.citytwin.planning.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.core.config.PlanningSettings;

/** The residents rule on round numbers, by hand. */
class ResidentsTest {
  static final Residents DEFAULTS = Residents.defaults();

  @Test
  void sharesOfTheDefaultUsesAndNoneForOthers() {
    assertThat(DEFAULTS.residentM2()).isEqualTo(25.0);
    assertThat(DEFAULTS.share("residential")).isEqualTo(1.0);
    assertThat(DEFAULTS.share("apartment")).isEqualTo(1.0);
    assertThat(DEFAULTS.share("villa")).isEqualTo(1.0);
    assertThat(DEFAULTS.share("shophouse")).isEqualTo(0.7);
    assertThat(DEFAULTS.share("mixed")).isEqualTo(0.5);
    assertThat(DEFAULTS.share("office")).isZero();
    assertThat(DEFAULTS.share(null)).isZero();
    assertThat(DEFAULTS.housesPeople("hotel")).isFalse();
    assertThat(DEFAULTS.housesPeople("shophouse")).isTrue();
  }

  @Test
  void usesMatchWithoutRegardToCaseAsTheSettingsAreReadLowerCased() {
    assertThat(DEFAULTS.share("Residential")).isEqualTo(1.0);
    assertThat(DEFAULTS.share("SHOPHOUSE")).isEqualTo(0.7);
    Residents r = Residents.of(PlanningSettings.from(ConfigSource.of(Map.of(
        "planning.residential.share", "Condotel:0.25"))));
    assertThat(r.share("condotel")).isEqualTo(0.25);
    assertThat(r.share("CondoTel")).isEqualTo(0.25);
  }

  @Test
  void residentsAreShareTimesFloorAreaOverM2PerResident() {
    // 100 m² footprint × 4 levels = 400 m²; shophouse 0.7 → 280 m² of dwelling → 11.2 residents at 25 m².
    double gfa = Residents.floorArea(100, 4);
    assertThat(gfa).isEqualTo(400.0);
    assertThat(DEFAULTS.dwellingFloorArea("shophouse", gfa)).isCloseTo(280.0, within(1e-9));
    assertThat(DEFAULTS.residents("shophouse", gfa)).isCloseTo(11.2, within(1e-9));
    assertThat(DEFAULTS.residents("residential", gfa)).isEqualTo(16.0);
    assertThat(DEFAULTS.residents("office", gfa)).isZero();
    assertThat(DEFAULTS.residentsOfDwellingArea(280)).isCloseTo(11.2, within(1e-9));
    Residents roomy = Residents.of(PlanningSettings.from(ConfigSource.of(Map.of("planning.resident.m2", "40"))));
    assertThat(roomy.residents("residential", gfa)).isEqualTo(10.0);
  }

  @Test
  void sqlArraysListTheUsesPeopleLiveInWithTheirSharesInTheSameOrder() {
    Residents r = Residents.of(PlanningSettings.from(ConfigSource.of(Map.of(
        "planning.residential.share", "villa:1,office:0,shophouse:0.7"))));
    assertThat(r.sqlUses()).containsExactly("shophouse", "villa"); // office houses nobody: not joined
    assertThat(r.sqlShares()).containsExactly(0.7, 1.0);
    r.sqlUses()[0] = "hotel";
    assertThat(r.sqlUses()[0]).as("a copy each time").isEqualTo("shophouse");
  }

  @Test
  void theAssumptionsAreReportedAsTheIndicatorsReportThem() {
    Residents r = Residents.of(PlanningSettings.from(ConfigSource.of(Map.of("planning.resident.m2", "30",
        "planning.residential.share", "villa:1,office:0,apartment:0.9"))));
    assertThat(r.toJson()).isEqualTo(new JsonObject().put("residentM2", 30.0).put("residentialShare",
        new JsonObject().put("apartment", 0.9).put("office", 0.0).put("villa", 1.0)));
    assertThat(r.cacheKey()).isNotEqualTo(DEFAULTS.cacheKey());
    assertThat(Residents.defaults().cacheKey()).isEqualTo(DEFAULTS.cacheKey());
  }
}
