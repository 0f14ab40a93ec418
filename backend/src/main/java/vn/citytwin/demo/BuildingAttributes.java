package vn.citytwin.demo;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * What stands on a lot: use type, levels, height, year built and, for hotels and some offices and shops, a name.
 * Decided from the lot's fabric, the street it faces and its own random stream, so a lot gets the same building
 * whatever the number of buildings selected. Heights are levels × 3.3 m plus a little noise (taller ground floors
 * for hotels and shops, roofs for villas); industrial sheds are 8–15 m whatever their levels.
 */
final class BuildingAttributes {
  /** The beach roads whose frontage carries the tall hotels. */
  static final Set<String> HOTEL_ROADS = Set.of("Thùy Vân", "Quang Trung", "Hạ Long");

  /** Ground higher than this (metres) is the foot of a hill: villa land. */
  static final double HILL_FOOT = 6.5;

  record Attrs(String name, String useType, int levels, double height, int year, Integer stars, Integer rooms) {
    boolean hotel() {
      return useType.equals("hotel");
    }
  }

  private BuildingAttributes() {}

  static Attrs of(CityLayout c, int i, SplittableRandom r, NameBook names) {
    LotStore lots = c.lots;
    Fabric f = lots.fabricOf(i);
    LotStore.Kind k = lots.kindOf(i);
    Streets.Ref ref = c.streets.refs.get(lots.street[i]);
    boolean beachFront = k == LotStore.Kind.MAIN_FRONT && HOTEL_ROADS.contains(ref.name());
    boolean main = k == LotStore.Kind.MAIN_FRONT;
    boolean lane = k == LotStore.Kind.LANE || k == LotStore.Kind.SECOND_ROW;
    String use;
    use = switch (f) {
      case HOTEL_STRIP -> beachFront ? pick(r, "hotel", 85, "commercial", 10, "mixed", 5)
          : main ? pick(r, "commercial", 35, "hotel", 30, "mixed", 20, "shophouse", 15)
          : pick(r, "shophouse", 50, "hotel", 12, "mixed", 15, "residential", 17, "commercial", 6);
      case HOTEL_RIBBON -> beachFront ? pick(r, "hotel", 72, "commercial", 16, "villa", 12)
          : pick(r, "villa", 40, "hotel", 30, "shophouse", 20, "residential", 10);
      case VILLA_RIBBON -> pick(r, "villa", 85, "hotel", 8, "residential", 7);
      case OLD_CENTRE -> main ? pick(r, "shophouse", 40, "commercial", 25, "mixed", 13, "office", 12, "hotel", 10)
          : lane ? pick(r, "residential", 75, "shophouse", 25)
          : pick(r, "shophouse", 69, "residential", 11, "mixed", 8, "hotel", 4, "commercial", 5, "office", 3);
      case MIXED -> main ? pick(r, "shophouse", 50, "commercial", 20, "hotel", 10, "office", 10, "mixed", 10)
          : lane ? pick(r, "residential", 85, "shophouse", 15)
          : pick(r, "shophouse", 55, "residential", 30, "mixed", 7, "hotel", 3, "commercial", 5);
      case SUBURBAN -> main ? pick(r, "shophouse", 45, "commercial", 25, "mixed", 15, "residential", 15)
          : lane ? "residential" : pick(r, "residential", 65, "shophouse", 25, "mixed", 5, "commercial", 5);
      case RESORT -> pick(r, "hotel", 45, "villa", 40, "commercial", 15);
      case INDUSTRIAL -> pick(r, "industrial", 88, "office", 12);
      case RURAL -> pick(r, "residential", 93, "commercial", 7);
      case NONE -> "residential";
    };
    // Villas climb the foot of the hills: ordinary houses on sloping ground become villas.
    if ((use.equals("shophouse") || use.equals("residential")) && c.dem.sampleLocal(lots.cx[i], lots.cy[i]) > HILL_FOOT
        && (f == Fabric.OLD_CENTRE || f == Fabric.MIXED || f == Fabric.SUBURBAN) && r.nextInt(10) < 7) {
      use = "villa";
    }
    // The beach roads (Thùy Vân, Quang Trung, Hạ Long) carry the tower hotels.
    boolean tall = use.equals("hotel") && (beachFront || f == Fabric.HOTEL_STRIP && main);
    int levels = levels(use, f, lane, main, tall, beachFront, r);
    double height = height(use, levels, r);
    int year = year(c, i, f, use, levels, r);
    String name = null;
    Integer stars = null;
    Integer rooms = null;
    if (use.equals("hotel")) {
      boolean resort = f == Fabric.RESORT || f == Fabric.HOTEL_RIBBON && ref.name().equals("Hạ Long");
      name = names.hotel(levels, resort);
      double area = 4.0 * lots.hw[i] * lots.hd[i];
      stars = levels >= 25 ? 4 + r.nextInt(2) : levels >= 10 ? 3 + r.nextInt(2) : resort ? 3 + r.nextInt(2)
          : 1 + r.nextInt(2);
      rooms = Math.max(6, (int) Math.round(area * levels * (levels >= 10 ? 0.6 : 0.7) / 32));
    } else if (use.equals("office") && r.nextInt(10) < 4) {
      name = names.office();
    } else if (use.equals("commercial") && levels >= 4 && r.nextInt(10) < 3) {
      name = names.commercial();
    }
    return new Attrs(name, use, levels, height, year, stars, rooms);
  }

  private static int levels(String use, Fabric f, boolean lane, boolean main, boolean tall, boolean beachFront,
      SplittableRandom r) {
    return switch (use) {
      case "hotel" -> {
        if (tall) {
          yield r.nextInt(100) < 7 ? 31 + r.nextInt(10) : 10 + (int) (StrictMath.pow(r.nextDouble(), 1.4) * 21);
        }
        yield beachFront ? 5 + r.nextInt(11) : f == Fabric.RESORT ? 3 + r.nextInt(10) : 4 + r.nextInt(6);
      }
      case "shophouse" -> weighted(r, 2, 5, 3, 30, 4, 38, 5, 20, 6, 7);
      case "residential" -> switch (f) {
        case RURAL -> weighted(r, 1, 60, 2, 40);
        case SUBURBAN, INDUSTRIAL -> lane ? weighted(r, 1, 35, 2, 45, 3, 20) : weighted(r, 1, 30, 2, 45, 3, 25);
        default -> lane ? weighted(r, 1, 15, 2, 40, 3, 35, 4, 10) : weighted(r, 2, 30, 3, 40, 4, 30);
      };
      case "villa" -> weighted(r, 1, 20, 2, 50, 3, 30);
      case "commercial" -> main ? 2 + r.nextInt(7) : 1 + r.nextInt(4);
      case "office" -> 4 + r.nextInt(12);
      case "mixed" -> 4 + r.nextInt(6);
      case "industrial" -> 1 + r.nextInt(2);
      default -> 2;
    };
  }

  static double height(String use, int levels, SplittableRandom r) {
    double noise = -0.3 + 0.8 * r.nextDouble();
    double h = switch (use) {
      case "industrial" -> 8 + 7 * r.nextDouble();
      case "hotel" -> levels * 3.3 + 2.2 + noise;
      case "commercial", "mixed", "office" -> levels * 3.3 + 1.0 + noise;
      case "villa" -> levels * 3.4 + 1.5 + noise;
      case "religious" -> levels * 4.5 + 2 + 3 * r.nextDouble();
      default -> levels * 3.3 + noise;
    };
    return Math.round(h * 10) / 10.0;
  }

  private static int year(CityLayout c, int i, Fabric f, String use, int levels, SplittableRandom r) {
    String zone = c.geo.landUse.get(c.lots.piece[i]).code();
    if (use.equals("hotel") && levels >= 10) {
      return levels >= 25 ? 2008 + r.nextInt(18) : 1995 + r.nextInt(31);
    }
    return switch (f) {
      case OLD_CENTRE -> era(r, 12, 25, 30, 33);
      case VILLA_RIBBON -> use.equals("villa") && r.nextInt(4) == 0 ? 1930 + r.nextInt(31) : 1990 + r.nextInt(36);
      case MIXED, HOTEL_STRIP, HOTEL_RIBBON -> era(r, 2, 8, 35, 55);
      case SUBURBAN -> zone.equals("DC-VNG") || zone.equals("DC-P12") ? 2005 + r.nextInt(21) : era(r, 0, 3, 32, 65);
      case INDUSTRIAL -> zone.equals("CN-LS") ? 2015 + r.nextInt(9) : 1981 + r.nextInt(40);
      case RESORT -> 2000 + r.nextInt(26);
      case RURAL -> 1975 + r.nextInt(51);
      case NONE -> 2000;
    };
  }

  /** A year from four eras (1930–54, 1955–75, 1976–99, 2000–2025) with the given weights. */
  private static int era(SplittableRandom r, int a, int b, int c, int d) {
    int e = weighted(r, 0, a, 1, b, 2, c, 3, d);
    return switch (e) {
      case 0 -> 1930 + r.nextInt(25);
      case 1 -> 1955 + r.nextInt(21);
      case 2 -> 1976 + r.nextInt(24);
      default -> 2000 + r.nextInt(26);
    };
  }

  /** Picks among (value, weight) pairs. */
  static int weighted(SplittableRandom r, int... pairs) {
    int total = 0;
    for (int k = 1; k < pairs.length; k += 2) {
      total += pairs[k];
    }
    int x = r.nextInt(total);
    for (int k = 0; k < pairs.length; k += 2) {
      x -= pairs[k + 1];
      if (x < 0) {
        return pairs[k];
      }
    }
    return pairs[pairs.length - 2];
  }

  /** Picks among (name, weight) pairs. */
  static String pick(SplittableRandom r, Object... pairs) {
    int total = 0;
    for (int k = 1; k < pairs.length; k += 2) {
      total += (Integer) pairs[k];
    }
    int x = r.nextInt(total);
    for (int k = 0; k < pairs.length; k += 2) {
      x -= (Integer) pairs[k + 1];
      if (x < 0) {
        return (String) pairs[k];
      }
    }
    return (String) pairs[pairs.length - 2];
  }
}
