package vn.citytwin.demo;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Chooses exactly the number of buildings asked for from a layout's lots. Landmarks and institutional sites are
 * always kept. The rest is shared among the wards in proportion to their population (capped by what each ward's
 * lots hold), and within a ward chosen unit by unit (a block, or a run along a main road) by weighted random
 * sampling without replacement — key Exp(1) / weight, smallest first — so dense fabrics and main-road frontage
 * fill first and the edges stay sparse. The last unit a ward takes may be cut short.
 */
final class LotSelection {
  private LotSelection() {}

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
    Integer[] order = new Integer[units];
    for (int u = 0; u < units; u++) {
      int n = c.unitEnd(u) - c.unitStart(u);
      double e = -StrictMath.log(1 - rnd.nextDouble());
      double w = c.unitWeight(u);
      wardOf[u] = n == 0 ? -1 : c.lots.ward[c.unitStart(u)];
      key[u] = w > 0 && n > 0 && wardOf[u] >= 0 ? e / w : Double.POSITIVE_INFINITY;
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
