package vn.citytwin.demo;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Chooses exactly the number of buildings asked for from a layout's lots. Landmarks and institutional sites are
 * always kept. The rest is shared among the wards in proportion to their population (capped by what each ward's
 * lots hold), and within a ward chosen unit by unit (a block, or a run along a main road) by weighted random
 * sampling without replacement — key Exp(1) / weight, smallest first. The weight grows steeply with a
 * development intensity that is high in dense fabrics, near the markets (the old centre most) and along main
 * roads, with smooth noise: the town fills from its centres outwards and thins out at the edges instead of
 * scattering. The last unit a ward takes may be cut short.
 */
final class LotSelection {
  /** How sharply intensity orders development: a unit 0.1 more intense is e^0.9 ≈ 2.5 times as likely first. */
  private static final double STEEPNESS = 9;

  private LotSelection() {}

  /** Market landmarks as (x, y, strength, radius m): the central market pulls hardest and furthest. */
  private static double[][] centres(CityLayout c) {
    return c.landmarks.stream().filter(l -> l.category().equals("market"))
        .map(l -> l.name().equals("Chợ Vũng Tàu")
            ? new double[] {l.point().getX(), l.point().getY(), 0.55, 2500}
            : new double[] {l.point().getX(), l.point().getY(), 0.35, 1300})
        .toArray(double[][]::new);
  }

  private static double centre(double[][] centres, double x, double y) {
    double best = 0;
    for (double[] m : centres) {
      double d = StrictMath.hypot(x - m[0], y - m[1]);
      best = Math.max(best, m[2] * StrictMath.exp(-d / m[3]));
    }
    return best;
  }

  /**
   * The lots to build.
   *
   * @throws IllegalArgumentException when {@code buildings} is below the fixed lots or above all lots
   */
  static BitSet select(CityLayout c, int buildings, long seed) {
    int wanted = buildings - c.fixedLots;
    if (wanted < 0 || wanted > c.regularLots()) {
      throw new IllegalArgumentException("cannot select " + buildings + " buildings from " + c.lots.size + " lots");
    }
    int units = c.units();
    int wards = c.geo.wards.size();
    int[] wardOf = new int[units];
    long[] capacity = new long[wards];
    double[] key = new double[units];
    SplittableRandom rnd = Seeds.stream(seed, "selection");
    ValueNoise noise = new ValueNoise(Seeds.stream(seed, "selection-noise"), Geography.EXTENT, 700);
    double[][] centres = centres(c);
    Integer[] order = new Integer[units];
    for (int u = 0; u < units; u++) {
      int n = c.unitEnd(u) - c.unitStart(u);
      double e = -StrictMath.log(1 - rnd.nextDouble());
      wardOf[u] = n == 0 ? -1 : c.lots.ward[c.unitStart(u)];
      if (n > 0 && wardOf[u] >= 0) {
        int i = c.unitStart(u);
        double x = c.lots.cx[i];
        double y = c.lots.cy[i];
        double intensity = c.lots.fabricOf(i).intensity + c.unitBonus(u) + 0.12 * noise.at(x, y)
            + centre(centres, x, y);
        key[u] = e * StrictMath.exp(-STEEPNESS * intensity);
      } else {
        key[u] = Double.POSITIVE_INFINITY;
      }
      if (Double.isFinite(key[u])) {
        capacity[wardOf[u]] += n;
      }
      order[u] = u;
    }
    long[] quota = quotas(c, wanted, capacity);
    Arrays.sort(order, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
    BitSet keep = new BitSet(c.lots.size);
    keep.set(0, c.fixedLots);
    for (int k = 0; k < units; k++) {
      int u = order[k];
      if (!Double.isFinite(key[u]) || quota[wardOf[u]] == 0) {
        continue;
      }
      int n = (int) Math.min(quota[wardOf[u]], c.unitEnd(u) - c.unitStart(u));
      keep.set(c.unitStart(u), c.unitStart(u) + n);
      quota[wardOf[u]] -= n;
    }
    return keep;
  }

  /** Shares {@code wanted} among the wards by population, never above a ward's capacity. */
  private static long[] quotas(CityLayout c, long wanted, long[] capacity) {
    int wards = capacity.length;
    long[] quota = new long[wards];
    double total = 0;
    for (Geography.Ward w : c.geo.wards) {
      total += w.spec().population();
    }
    long given = 0;
    for (int w = 0; w < wards; w++) {
      quota[w] = Math.min(capacity[w], (long) Math.floor(wanted * c.geo.wards.get(w).spec().population() / total));
      given += quota[w];
    }
    // hand the remainder out one lot at a time to the wards with room, largest population first
    Integer[] byPop = new Integer[wards];
    for (int w = 0; w < wards; w++) {
      byPop[w] = w;
    }
    Arrays.sort(byPop, (a, b) -> Integer.compare(c.geo.wards.get(b).spec().population(),
        c.geo.wards.get(a).spec().population()));
    while (given < wanted) {
      boolean progress = false;
      for (int w : byPop) {
        long room = capacity[w] - quota[w];
        if (room > 0 && given < wanted) {
          long add = Math.min(room, Math.max(1, (wanted - given) / wards));
          quota[w] += add;
          given += add;
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("lots and quotas disagree");
      }
    }
    return quota;
  }
}
