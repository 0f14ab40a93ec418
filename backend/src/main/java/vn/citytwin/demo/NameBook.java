package vn.citytwin.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Names for hotels and other named buildings, drawn from seeded pools; a name used again gets a number
 * ("Khách sạn Hải Âu 2"), so every hotel name is unique within a city.
 */
final class NameBook {
  private static final String[] WORDS = {"Biển Xanh", "Hải Âu", "Sao Biển", "Thùy Vân", "Ngọc Lan", "Hoàng Gia",
    "Hướng Dương", "Phương Nam", "Sóng Biển", "Cát Vàng", "Hòn Ngọc", "Ánh Dương", "Mai Vàng", "Hoa Sen", "Hải Đăng",
    "Ngọc Biển", "Phương Đông", "Bình Minh", "Hoàng Hôn", "Trăng Biển", "Đại Dương", "Vịnh Xanh", "Hải Yến",
    "Thiên Thanh", "Thanh Bình", "Song Ngư", "Kim Long", "Kim Cương", "Hồng Ngọc", "Minh Châu", "Nam Hải", "Phú Quý",
    "Đông Á", "Quốc Tế", "Lam Sơn", "Bạch Dương", "Thiên Hải", "Hải Vân", "Sao Mai", "Thái Bình", "Ngọc Trai",
    "Hoa Biển", "Gió Biển", "Mây Trắng", "Bãi Sau", "Bãi Trước", "Sơn Thủy", "Hòa Bình", "Tân Sơn", "Long Cung"};
  private static final String[] ENGLISH = {"Ocean", "Seaside", "Pearl", "Lotus", "Coral", "Marina", "Paradise",
    "Sunrise", "Blue Sea", "Grand", "Royal", "Palace", "Horizon", "Sunset", "Lighthouse", "Wave", "Dolphin",
    "Aurora", "Sapphire", "Emerald", "Imperial", "Riverside", "Beach Front", "Golden Sand", "Majestic"};

  private static final String[] VI_SUFFIX = {"Vũng Tàu", "Plaza", "Bãi Sau", "Star", "Boutique", "Residence",
    "Sea View", "Grand", "Luxury"};
  private static final String[] EN_KIND = {"Hotel", "Hotel & Spa", "Boutique Hotel", "Beach Hotel", "Suites",
    "Hotel Vũng Tàu"};

  private final SplittableRandom rnd;
  private final Map<String, Integer> used = new HashMap<>();

  NameBook(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  /** A hotel name: tall hotels "Khách sạn …" or "… Hotel", resorts "… Resort", small ones "Nhà nghỉ …". */
  String hotel(int levels, boolean resort) {
    String base;
    if (resort) {
      base = rnd.nextBoolean() ? pick(ENGLISH) + " Resort" : "Khu nghỉ dưỡng " + pick(WORDS);
    } else if (levels >= 10) {
      base = rnd.nextInt(3) == 0 ? pick(ENGLISH) + " " + pick(EN_KIND)
          : "Khách sạn " + pick(WORDS) + (rnd.nextInt(5) < 2 ? " " + pick(VI_SUFFIX) : "");
    } else {
      base = (rnd.nextInt(3) == 0 ? "Khách sạn " : "Nhà nghỉ ") + pick(WORDS);
    }
    return unique(base);
  }

  String office() {
    return unique("Tòa nhà " + pick(WORDS));
  }

  String commercial() {
    return unique((rnd.nextBoolean() ? "Trung tâm thương mại " : "Siêu thị ") + pick(WORDS));
  }

  private String pick(String[] pool) {
    return pool[rnd.nextInt(pool.length)];
  }

  private String unique(String base) {
    int n = used.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + " " + n;
  }
}
