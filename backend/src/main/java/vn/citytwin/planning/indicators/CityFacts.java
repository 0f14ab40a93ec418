package vn.citytwin.planning.indicators;

import java.util.List;

/**
 * The per-building facts of one scenario's city, computed once per scenario version and data version.
 *
 * @param accessMethod {@code network} (pgRouting over the roads) or {@code straight-line}
 */
public record CityFacts(List<BuildingFact> buildings, String accessMethod) {
  public CityFacts {
    buildings = List.copyOf(buildings);
  }
}
