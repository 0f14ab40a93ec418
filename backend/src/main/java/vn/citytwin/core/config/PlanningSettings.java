package vn.citytwin.core.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The assumptions behind the planning indicators (keys {@code planning.*}). They are planning conventions, not
 * facts: every indicator response repeats the values it used, so a reader can tell how a number came about.
 *
 * <p>Map-valued settings are written {@code key:value,key:value}; a key absent from a map takes the map's
 * documented fallback.
 *
 * @param residentM2 gross floor area per resident, m² ({@code planning.resident.m2}, default 25: about the national
 *     average dwelling floor area per person in Vietnam in the 2020s)
 * @param residentialShare for each building use (lower case), the share of its floor area that is dwelling
 *     ({@code planning.residential.share}; uses not listed have none); applied by
 *     {@code vn.citytwin.planning.residents.Residents}, for the indicators and the simulations alike
 * @param jobM2 for each building use, gross floor area per job, m² ({@code planning.job.m2}); a value of 0 means
 *     the use creates no jobs
 * @param jobM2Default floor area per job for uses not in {@code jobM2} ({@code planning.job.m2.default}, 40)
 * @param walkM walking distance to each service, m ({@code planning.walk.m}; keys primary_school, secondary_school,
 *     clinic, hospital)
 * @param accessMethod {@code auto} (the road network when pgRouting and roads are there, else straight lines),
 *     {@code network} or {@code straight} ({@code planning.access.method})
 * @param cityExtent lon/lat box {minLon, minLat, maxLon, maxLat} edits must lie in when the city has no wards
 *     ({@code planning.city.extent}); null when not configured
 */
public record PlanningSettings(double residentM2, Map<String, Double> residentialShare, Map<String, Double> jobM2,
                               double jobM2Default, Map<String, Double> walkM, String accessMethod,
                               java.util.List<Double> cityExtent) {
  public static final String DEFAULT_RESIDENTIAL_SHARE = "residential:1,apartment:1,villa:1,shophouse:0.7,mixed:0.5";
  public static final String DEFAULT_JOB_M2 = "residential:0,apartment:0,villa:0,commercial:25,shophouse:25,mixed:25,"
      + "office:15,hotel:60,industrial:80,warehouse:150,public:30,education:40,health:30,religious:200";
  public static final String DEFAULT_WALK_M = "primary_school:500,secondary_school:1000,clinic:800,hospital:2000";
  private static final Set<String> SERVICES = Set.of("primary_school", "secondary_school", "clinic", "hospital");

  public PlanningSettings {
    residentialShare = Map.copyOf(residentialShare);
    jobM2 = Map.copyOf(jobM2);
    walkM = Map.copyOf(walkM);
    cityExtent = cityExtent == null ? null : java.util.List.copyOf(cityExtent);
  }

  /** The defaults above, with no city extent. */
  public static PlanningSettings defaults() {
    return from(ConfigSource.of(Map.of()));
  }

  /** Reads and validates {@code planning.*}; throws {@link ConfigException} naming the first bad key. */
  public static PlanningSettings from(ConfigSource src) {
    double residentM2 = src.number("planning.resident.m2", 25, 1, 10000);
    Map<String, Double> shares = pairs("planning.residential.share",
        src.string("planning.residential.share", DEFAULT_RESIDENTIAL_SHARE), 0, 1);
    Map<String, Double> jobs = pairs("planning.job.m2", src.string("planning.job.m2", DEFAULT_JOB_M2), 0, 1_000_000);
    double jobDefault = src.number("planning.job.m2.default", 40, 1, 1_000_000);
    Map<String, Double> walk = pairs("planning.walk.m", src.string("planning.walk.m", ""), 1, 100_000);
    for (String k : walk.keySet()) {
      if (!SERVICES.contains(k)) {
        throw new ConfigException("setting planning.walk.m: unknown service '" + k + "' (known: " + SERVICES + ")");
      }
    }
    // Services left out keep their default distance.
    pairs("planning.walk.m", DEFAULT_WALK_M, 1, 100_000).forEach(walk::putIfAbsent);
    String method = src.oneOf("planning.access.method", "auto", Set.of("auto", "network", "straight"));
    java.util.List<Double> extent = extent(src.string("planning.city.extent", null));
    return new PlanningSettings(residentM2, shares, jobs, jobDefault, walk, method, extent);
  }

  /**
   * A stable text of every setting (maps sorted by key), for cache keys and ETags: equal settings give equal text on
   * every node and after a restart. Built from the record's components, so a setting added later is never left out.
   */
  public String key() {
    StringBuilder key = new StringBuilder();
    for (java.lang.reflect.RecordComponent rc : PlanningSettings.class.getRecordComponents()) {
      Object value;
      try {
        value = rc.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      key.append(rc.getName()).append('=')
          .append(value instanceof Map<?, ?> m ? new java.util.TreeMap<>(m) : value).append(';');
    }
    return key.toString();
  }

  /**
   * Floor area per job for the use, m²; 0 means the use creates no jobs. Uses are matched without regard to case,
   * as the keys are read lower-cased. (The residential share is applied by
   * {@code vn.citytwin.planning.residents.Residents}, the one rule for residents.)
   */
  public double jobM2Of(String use) {
    return use == null ? jobM2Default : jobM2.getOrDefault(use.toLowerCase(Locale.ROOT), jobM2Default);
  }

  private static Map<String, Double> pairs(String key, String raw, double min, double max) {
    Map<String, Double> map = new LinkedHashMap<>();
    if (raw.isBlank()) {
      return map;
    }
    for (String part : raw.split(",")) {
      int colon = part.indexOf(':');
      String name = colon < 0 ? "" : part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new ConfigException("setting " + key + ": '" + part.trim() + "' must be name:number");
      }
      double value;
      try {
        value = Double.parseDouble(part.substring(colon + 1).trim());
      } catch (NumberFormatException e) {
        throw new ConfigException("setting " + key + ": '" + part.trim() + "' must be name:number");
      }
      if (!(value >= min && value <= max)) {
        throw new ConfigException("setting " + key + ": " + name + " must be between " + min + " and " + max);
      }
      map.put(name, value);
    }
    return map;
  }

  private static java.util.List<Double> extent(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String[] parts = raw.split(",");
    if (parts.length != 4) {
      throw new ConfigException("setting planning.city.extent: '" + raw + "' must be minLon,minLat,maxLon,maxLat");
    }
    double[] box = new double[4];
    try {
      for (int i = 0; i < 4; i++) {
        box[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw new ConfigException("setting planning.city.extent: '" + raw + "' must be four numbers");
    }
    if (!(box[0] < box[2] && box[1] < box[3] && box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90)) {
      throw new ConfigException("setting planning.city.extent: '" + raw + "' is not a lon/lat box (min < max)");
    }
    return java.util.List.of(box[0], box[1], box[2], box[3]);
  }
}
