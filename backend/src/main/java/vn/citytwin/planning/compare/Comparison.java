package vn.citytwin.planning.compare;

import java.util.List;

/**
 * Every indicator of city a beside city b, for the whole city or one drawn area.
 *
 * @param a what city a is (a scenario or the base city)
 * @param b what city b is
 * @param scope {@code city} or {@code area}
 * @param accessMethod how walking distances were measured in both
 */
public record Comparison(CitySide a, CitySide b, String scope, String accessMethod,
                         List<ComparedIndicator> indicators) {

  /**
   * One side of a comparison.
   *
   * @param id the scenario id, or null for the base city
   * @param version the scenario's version (null for the base city)
   */
  public record CitySide(Long id, String name, Long version) {
    public static final CitySide BASE = new CitySide(null, "Thành phố hiện trạng / Base city", null);

    /** {@code base} or the id, as URLs spell it. */
    public String ref() {
      return id == null ? "base" : Long.toString(id);
    }
  }

  public List<ComparedIndicator> changed() {
    return indicators.stream().filter(ComparedIndicator::changed).toList();
  }
}
