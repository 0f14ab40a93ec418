package vn.citytwin.planning.indicators;

import java.util.List;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Indicators of one city for one scope.
 *
 * @param indicators for the city, or for the drawn area with {@link Scope.Area}
 * @param units one entry per ward or zone with {@link Scope.ByWard} / {@link Scope.ByZone}; empty otherwise
 * @param accessMethod how walking distances were measured: {@code network} or {@code straight-line}
 */
public record IndicatorReport(ScenarioRef scenario, Scope scope, String accessMethod, List<Indicator> indicators,
                              List<UnitIndicators> units) {

  /** One ward's or zone's indicators. */
  public record UnitIndicators(Unit unit, List<Indicator> indicators) {}
}
