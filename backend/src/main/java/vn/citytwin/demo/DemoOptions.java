package vn.citytwin.demo;

/**
 * What to generate: the seed (same seed and size give byte-identical tables) and the exact number of buildings.
 *
 * @param seed any long; the default city is {@link #DEFAULT_SEED}
 * @param buildings rows of {@code city.buildings}, {@link #MIN_BUILDINGS}–{@link #MAX_BUILDINGS}; beyond what the
 *     town holds at its natural density (about 150,000) blocks and lots shrink to fit
 */
public record DemoOptions(long seed, int buildings) {
  public static final long DEFAULT_SEED = 2025;
  public static final int DEFAULT_BUILDINGS = 60_000;
  public static final int MIN_BUILDINGS = 1_000;
  public static final int MAX_BUILDINGS = 5_000_000;

  /**
   * @throws IllegalArgumentException when {@code buildings} is out of range
   */
  public DemoOptions {
    if (buildings < MIN_BUILDINGS || buildings > MAX_BUILDINGS) {
      throw new IllegalArgumentException(
          "buildings must be between " + MIN_BUILDINGS + " and " + MAX_BUILDINGS + ", got " + buildings);
    }
  }

  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_SEED, DEFAULT_BUILDINGS);
  }
}
