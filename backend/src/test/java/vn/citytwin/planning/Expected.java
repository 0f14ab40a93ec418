package vn.citytwin.planning;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.citytwin.planning.District.Building;

/**
 * Indicator values of a set of {@link District} buildings, worked out from the definitions with the default
 * assumptions (25 m² per resident; residential share: residential, apartment, villa 1, shophouse 0.7, mixed 0.5;
 * m² per job: commercial 25, shophouse 25, mixed 25, office 15, hotel 60, public 30, dwellings none). Written
 * independently of the server's code.
 */
final class Expected {
  static final Map<String, Double> SHARE = Map.of("residential", 1.0, "apartment", 1.0, "villa", 1.0,
      "shophouse", 0.7, "mixed", 0.5);
  static final Map<String, Double> JOB_M2 = Map.of("commercial", 25.0, "shophouse", 25.0, "mixed", 25.0,
      "office", 15.0, "hotel", 60.0, "public", 30.0);

  private Expected() {}

  static double residents(Building b) {
    return SHARE.getOrDefault(b.use(), 0.0) * b.gfa() / 25;
  }

  /**
   * @param reached for each service key, the ids of buildings within walking distance
   * @param limits the zone height limit of each building
   * @param uses every use reported (floor area 0 when absent)
   */
  static Map<String, Double> of(Collection<Building> buildings, double land, double green,
                                Map<String, Set<Long>> reached, Map<Long, Double> limits, Collection<String> uses) {
    Map<String, Double> m = new LinkedHashMap<>();
    double fp = 0;
    double gfa = 0;
    double res = 0;
    double jobs = 0;
    double heights = 0;
    double over = 0;
    Map<String, Double> byUse = new TreeMap<>();
    uses.forEach(u -> byUse.put(u, 0.0));
    for (Building b : buildings) {
      fp += b.footprint();
      gfa += b.gfa();
      byUse.merge(b.use(), b.gfa(), Double::sum);
      res += residents(b);
      if (JOB_M2.containsKey(b.use())) {
        jobs += (1 - SHARE.getOrDefault(b.use(), 0.0)) * b.gfa() / JOB_M2.get(b.use());
      }
      heights += b.height();
      if (b.height() > limits.get(b.id())) {
        over++;
      }
    }
    m.put("buildings", (double) buildings.size());
    m.put("footprint_area", fp);
    m.put("gfa", gfa);
    byUse.forEach((u, v) -> m.put("gfa." + u, v));
    m.put("land_area", land);
    m.put("far", gfa / land);
    m.put("coverage", 100 * fp / land);
    m.put("residents", res);
    m.put("jobs", jobs);
    m.put("green_area", green);
    m.put("green_per_resident", green / res);
    for (String s : new String[] {"primary_school", "secondary_school", "clinic", "hospital"}) {
      double covered = 0;
      for (Building b : buildings) {
        if (reached.getOrDefault(s, Set.of()).contains(b.id())) {
          covered += residents(b);
        }
      }
      m.put("access." + s, 100 * covered / res);
    }
    m.put("avg_height", heights / buildings.size());
    m.put("over_height_limit", over);
    return m;
  }
}
