package vn.citytwin.planning.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.planning.residents.Residents;

/**
 * Turns building facts and a unit's areas into indicator values: pure arithmetic, the formulas of
 * {@link IndicatorKind}, with the assumptions of {@link PlanningSettings}. Residents follow {@link Residents}, the
 * rule the simulations count people by too.
 */
public final class IndicatorCalculator {
  private final PlanningSettings settings;
  private final Residents residents;

  public IndicatorCalculator(PlanningSettings settings) {
    this.settings = settings;
    this.residents = Residents.of(settings);
  }

  /** Estimated residents of one building: {@code rs(u) × gfa / m2p} ({@link Residents#residents}). */
  public double residents(BuildingFact b) {
    return residents.residents(b.use(), b.gfa());
  }

  /** Estimated jobs of one building: {@code (1 − rs(u)) × gfa / m2j(u)}, 0 when the use creates none. */
  public double jobs(BuildingFact b) {
    double m2 = settings.jobM2Of(b.use());
    return m2 <= 0 ? 0 : (1 - residents.share(b.use())) * b.gfa() / m2;
  }

  /**
   * @param buildings the buildings in the unit
   * @param uses every use to report floor area for (0 when the unit has none of it), so that all units of a
   *     response list the same indicators
   * @param accessMethod how walking distances were measured, for the access definitions
   */
  public List<Indicator> compute(Collection<BuildingFact> buildings, Unit unit, Collection<String> uses,
                                 String accessMethod) {
    double footprint = 0;
    double gfa = 0;
    double residents = 0;
    double jobs = 0;
    double heightSum = 0;
    int over = 0;
    Map<String, Double> gfaByUse = new TreeMap<>();
    uses.forEach(u -> gfaByUse.put(u, 0.0));
    Map<WalkService, Double> reachedResidents = new java.util.EnumMap<>(WalkService.class);
    for (WalkService s : WalkService.values()) {
      reachedResidents.put(s, 0.0);
    }
    for (BuildingFact b : buildings) {
      footprint += b.footprintM2();
      gfa += b.gfa();
      gfaByUse.merge(b.use(), b.gfa(), Double::sum);
      double r = residents(b);
      residents += r;
      jobs += jobs(b);
      heightSum += b.height();
      if (b.maxHeight() != null && b.height() > b.maxHeight()) {
        over++;
      }
      for (WalkService s : b.reached()) {
        reachedResidents.merge(s, r, Double::sum);
      }
    }
    Double land = unit.landAreaM2();
    boolean hasLand = land != null && land > 0;
    List<Indicator> out = new ArrayList<>();
    out.add(IndicatorKind.BUILDINGS.of((double) buildings.size()));
    out.add(IndicatorKind.FOOTPRINT_AREA.of(footprint));
    out.add(IndicatorKind.GFA.of(gfa));
    gfaByUse.forEach((use, v) -> out.add(IndicatorKind.GFA_BY_USE.templated(use, v, new Object[] {use},
        new Object[] {use})));
    out.add(IndicatorKind.LAND_AREA.of(land));
    out.add(IndicatorKind.FAR.of(hasLand ? gfa / land : null));
    out.add(IndicatorKind.COVERAGE.of(hasLand ? 100 * footprint / land : null));
    out.add(IndicatorKind.RESIDENTS.of(residents, number(settings.residentM2())));
    out.add(IndicatorKind.JOBS.of(jobs));
    out.add(IndicatorKind.GREEN_AREA.of(unit.greenAreaM2()));
    out.add(IndicatorKind.GREEN_PER_RESIDENT.of(residents > 0 ? unit.greenAreaM2() / residents : null));
    Text method = accessMethod.equals("network") ? new Text("theo mạng lưới đường", "along the road network")
        : new Text("theo đường thẳng", "in a straight line");
    for (WalkService s : WalkService.values()) {
      String d = number(settings.walkM().get(s.key()));
      Double share = residents > 0 ? 100 * reachedResidents.get(s) / residents : null;
      out.add(IndicatorKind.ACCESS.templated(s.key(), share, new Object[] {d, s.displayName()},
          new Object[] {d, method, s.displayName()}));
    }
    out.add(IndicatorKind.AVG_HEIGHT.of(buildings.isEmpty() ? null : heightSum / buildings.size()));
    out.add(IndicatorKind.OVER_HEIGHT_LIMIT.of((double) over));
    return out;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
