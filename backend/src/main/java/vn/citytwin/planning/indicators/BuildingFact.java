package vn.citytwin.planning.indicators;

import java.util.Set;
import vn.citytwin.planning.residents.Residents;

/**
 * What the indicators need of one building of a scenario's city.
 *
 * @param lon longitude of the footprint's representative point ({@code ST_PointOnSurface}), degrees
 * @param lat its latitude, degrees
 * @param footprintM2 footprint area in m² (geodesic, WGS 84)
 * @param maxHeight the height limit in m of the land-use zone containing the point (the strictest if several), or
 *     null when no zone there has one
 * @param reached services within walking distance of the building (empty for buildings without residents: access
 *     is only computed where people live)
 */
public record BuildingFact(long id, String use, double levels, double height, double footprintM2, double lon,
                           double lat, Double maxHeight, Set<WalkService> reached) {
  public BuildingFact {
    reached = Set.copyOf(reached);
  }

  /** Gross floor area, m²: footprint × levels ({@link Residents#floorArea}, as the simulations count it). */
  public double gfa() {
    return Residents.floorArea(footprintM2, levels);
  }
}
