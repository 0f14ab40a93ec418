package vn.citytwin.planning.simulation;

import java.util.Locale;

/**
 * How many people live in a building, for every simulation that reports people (flood exposure, accessibility
 * coverage): residential gross floor area divided by the floor area one resident occupies.
 *
 * <p>Gross floor area = footprint area (m², on the spheroid) × number of levels. Only buildings whose
 * {@code use_type} is {@code residential} (any case) count. {@link #M2_PER_PERSON} = 25 m² is close to Vietnam's
 * average housing floor area per person (about 25–27 m² in the national statistics of the 2020s; urban areas a
 * little higher), so the estimate is of the right order for Vũng Tàu without a census per building.
 */
public final class Residents {
  /** Residential floor area per resident, m². The one place this constant lives. */
  public static final double M2_PER_PERSON = 25.0;
  /** The {@code use_type} value of residential buildings. */
  public static final String RESIDENTIAL_USE = "residential";

  private Residents() {}

  public static boolean isResidential(String useType) {
    return useType != null && useType.toLowerCase(Locale.ROOT).equals(RESIDENTIAL_USE);
  }

  /** Residential gross floor area of one building, m² (0 for other uses). */
  public static double residentialFloorArea(String useType, double footprintM2, int levels) {
    return isResidential(useType) ? footprintM2 * Math.max(1, levels) : 0;
  }

  /** Residents for a residential floor area (not rounded: sums stay exact; round when reporting). */
  public static double forFloorArea(double residentialFloorAreaM2) {
    return residentialFloorAreaM2 / M2_PER_PERSON;
  }
}
