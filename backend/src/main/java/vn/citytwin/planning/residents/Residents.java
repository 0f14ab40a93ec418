package vn.citytwin.planning.residents;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.citytwin.core.config.PlanningSettings;

/**
 * How many people live in a building, for everything that reports people: the planning indicators (residents,
 * green space per resident, walking access) and the simulations (flood exposure, accessibility coverage).
 *
 * <pre>
 *   gross floor area (GFA) = footprint area × levels                          m²
 *   residents              = share(use_type) × GFA ÷ residentM2                persons, not rounded
 * </pre>
 *
 * <p>The footprint area is geodesic (PostGIS {@code ST_Area(geom::geography)}, WGS 84 spheroid) and levels are
 * the building's {@code levels} as stored. This is the indicators' definition; the simulations used
 * {@code greatest(levels, 1)}, which the schema makes the same thing ({@code levels smallint NOT NULL CHECK
 * (levels > 0)}, and scenario edits are checked against the same constraints), so the plain product is kept.
 *
 * <p>{@code share(use)} is the part of a use's floor area that is dwelling ({@code planning.residential.share}:
 * residential, apartment and villa 1, shophouse 0.7, mixed 0.5 by default; unlisted uses 0). Uses are matched
 * without regard to case: the settings are read lower-cased, so {@code Residential} in the data is residential.
 * {@code residentM2} ({@code planning.resident.m2}, 25 m² by default) is close to Vietnam's average dwelling floor
 * area per person in the 2020s, so the estimate is of the right order without a census per building.
 *
 * <p>Immutable; built once from the settings and handed to every part that counts people.
 */
public final class Residents {
  private final double residentM2;
  /** Every configured share, as configured (also zeros): what results report. */
  private final Map<String, Double> shares;
  /** The uses with a share above 0 and their shares, in a fixed order: what SQL binds. */
  private final String[] dwellingUses;
  private final Double[] dwellingShares;

  private Residents(double residentM2, Map<String, Double> shares) {
    this.residentM2 = residentM2;
    this.shares = new TreeMap<>(shares);
    List<String> uses = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    this.shares.forEach((use, share) -> {
      if (share > 0) {
        uses.add(use);
        values.add(share);
      }
    });
    this.dwellingUses = uses.toArray(new String[0]);
    this.dwellingShares = values.toArray(new Double[0]);
  }

  /** The rule with the configured {@code planning.resident.m2} and {@code planning.residential.share}. */
  public static Residents of(PlanningSettings settings) {
    return new Residents(settings.residentM2(), settings.residentialShare());
  }

  /** The rule with the default settings. */
  public static Residents defaults() {
    return of(PlanningSettings.defaults());
  }

  /** Gross floor area per resident, m². */
  public double residentM2() {
    return residentM2;
  }

  /** Gross floor area of a building, m²: footprint (m²) × levels. */
  public static double floorArea(double footprintM2, double levels) {
    return footprintM2 * levels;
  }

  /** Share of the use's floor area that is dwelling, 0 to 1; 0 for a null or unlisted use. */
  public double share(String useType) {
    return useType == null ? 0 : shares.getOrDefault(useType.toLowerCase(Locale.ROOT), 0.0);
  }

  /** Whether anyone lives in buildings of this use. */
  public boolean housesPeople(String useType) {
    return share(useType) > 0;
  }

  /** Dwelling floor area of a building, m²: share(use) × GFA. */
  public double dwellingFloorArea(String useType, double gfaM2) {
    return share(useType) * gfaM2;
  }

  /** Residents of a building (not rounded, so that sums stay exact; round when reporting). */
  public double residents(String useType, double gfaM2) {
    return dwellingFloorArea(useType, gfaM2) / residentM2;
  }

  /** Residents living on a dwelling floor area, m² (not rounded). */
  public double residentsOfDwellingArea(double dwellingFloorAreaM2) {
    return dwellingFloorAreaM2 / residentM2;
  }

  /**
   * The lower-case uses with a share above 0, for SQL as a bound {@code text[]}: with {@link #sqlShares()} in
   * {@code unnest(?::text[], ?::float8[]) AS s(use, share)} joined on {@code s.use = lower(use_type)}. A fresh
   * array on every call.
   */
  public String[] sqlUses() {
    return dwellingUses.clone();
  }

  /** The shares of {@link #sqlUses()}, in the same order, for a bound {@code float8[]}. A fresh array. */
  public Double[] sqlShares() {
    return dwellingShares.clone();
  }

  /**
   * The assumptions behind every resident count, named as in the indicators' {@code assumptions}:
   * {@code {"residentM2": 25.0, "residentialShare": {"apartment": 1.0, …}}} (uses in alphabetical order).
   */
  public JsonObject toJson() {
    JsonObject share = new JsonObject();
    shares.forEach(share::put);
    return new JsonObject().put("residentM2", residentM2).put("residentialShare", share);
  }

  /** A text that changes whenever the rule does, for cache keys of results that count people. */
  public String cacheKey() {
    return "residents:" + toJson().encode();
  }

  @Override
  public String toString() {
    return cacheKey();
  }
}
