package vn.citytwin.planning.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.PlanningSettings;

/** The formulas on round numbers, by hand. */
class IndicatorCalculatorTest {
  static final IndicatorCalculator CALC = new IndicatorCalculator(PlanningSettings.defaults());
  static final Unit UNIT = new Unit("u", new JsonObject(), null, 10_000.0, 500.0);

  static BuildingFact b(long id, String use, int levels, double height, double footprint, Double max,
                        Set<WalkService> reached) {
    return new BuildingFact(id, use, levels, height, footprint, 0, 0, max, reached);
  }

  static Map<String, Double> values(List<Indicator> list) {
    Map<String, Double> m = new LinkedHashMap<>();
    list.forEach(i -> m.put(i.id(), i.value()));
    return m;
  }

  @Test
  void roundNumbers() {
    // 100 m² × 5 levels of dwellings = 500 m² → 20 residents; 200 m² × 3 of offices = 600 m² → 40 jobs;
    // 100 m² × 2 of shophouse = 200 m²: 140 m² of dwelling (5.6 residents), 60 m² of shop (2.4 jobs).
    List<BuildingFact> bs = List.of(
        b(1, "residential", 5, 18, 100, 20.0, EnumSet.of(WalkService.PRIMARY_SCHOOL)),
        b(2, "office", 3, 12, 200, 10.0, EnumSet.noneOf(WalkService.class)),
        b(3, "shophouse", 2, 8, 100, null, EnumSet.of(WalkService.PRIMARY_SCHOOL, WalkService.CLINIC)));
    Map<String, Double> v = values(CALC.compute(bs, UNIT, List.of("office", "residential", "shophouse", "villa"),
        "network"));
    assertThat(v.get("buildings")).isEqualTo(3.0);
    assertThat(v.get("footprint_area")).isEqualTo(400.0);
    assertThat(v.get("gfa")).isEqualTo(1300.0);
    assertThat(v.get("gfa.residential")).isEqualTo(500.0);
    assertThat(v.get("gfa.villa")).isEqualTo(0.0);
    assertThat(v.get("far")).isEqualTo(0.13);
    assertThat(v.get("coverage")).isEqualTo(4.0);
    assertThat(v.get("residents")).isCloseTo(25.6, within(1e-12));
    assertThat(v.get("jobs")).isCloseTo(42.4, within(1e-12));
    assertThat(v.get("green_area")).isEqualTo(500.0);
    assertThat(v.get("green_per_resident")).isCloseTo(500 / 25.6, within(1e-12));
    assertThat(v.get("access.primary_school")).isCloseTo(100.0, within(1e-12));
    assertThat(v.get("access.clinic")).isCloseTo(100 * 5.6 / 25.6, within(1e-12));
    assertThat(v.get("access.hospital")).isZero();
    assertThat(v.get("avg_height")).isCloseTo(38.0 / 3, within(1e-12));
    assertThat(v.get("over_height_limit")).isEqualTo(1.0); // the office: 12 > 10; 18 ≤ 20; no limit for 3
  }

  @Test
  void nothingToDivideByGivesNull() {
    Map<String, Double> v = values(CALC.compute(List.of(), new Unit("u", new JsonObject(), null, null, 0), List.of(),
        "straight-line"));
    assertThat(v.get("far")).isNull();
    assertThat(v.get("coverage")).isNull();
    assertThat(v.get("green_per_resident")).isNull();
    assertThat(v.get("access.primary_school")).isNull();
    assertThat(v.get("avg_height")).isNull();
    assertThat(v.get("residents")).isZero();
  }

  @Test
  void definitionsSayHowDistanceWasMeasured() {
    List<Indicator> list = CALC.compute(List.of(), UNIT, List.of(), "straight-line");
    Indicator clinic = list.stream().filter(i -> i.id().equals("access.clinic")).findFirst().orElseThrow();
    assertThat(clinic.label().en()).isEqualTo("Residents within 800 m of a clinic or health station");
    assertThat(clinic.definition().en()).contains("in a straight line");
    assertThat(clinic.definition().vi()).contains("800 m", "theo đường thẳng");
    Indicator residents = list.stream().filter(i -> i.id().equals("residents")).findFirst().orElseThrow();
    assertThat(residents.definition().en()).contains("25 m² per person");
  }
}
