package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places the institutional buildings every ward has — schools from kindergarten to upper secondary, clinics, a
 * health station, pagodas and churches, ward offices — in blocks of its residential fabric, before any ordinary
 * lot. Counts follow the wards' populations (about 60 schools in all). Sites are always built, whatever the
 * building count asked for.
 */
final class SitePlanner {
  private static final String[] KINDERGARTEN = {"Hoa Sen", "Sơn Ca", "Họa Mi", "Hoa Hồng", "Tuổi Thơ", "Rạng Đông",
    "Sao Mai", "Vàng Anh", "Hướng Dương", "Măng Non", "Hoa Mai", "Ngọc Lan", "Sen Hồng", "Hải Âu", "Búp Sen Xanh",
    "Ánh Dương", "Bình Minh", "Hoa Phượng", "Thiên Nga", "Bé Ngoan", "Anh Đào", "Hoàng Oanh", "Chim Non"};
  private static final String[] PERSONS = {"Nguyễn Trãi", "Lê Lợi", "Trần Quốc Toản", "Võ Trường Toản", "Kim Đồng",
    "Nguyễn Văn Trỗi", "Lê Văn Tám", "Phan Đình Phùng", "Nguyễn Du", "Chu Văn An", "Quang Trung", "Ngô Quyền",
    "Lý Thường Kiệt", "Trần Hưng Đạo", "Nguyễn Đình Chiểu", "Phan Bội Châu", "Huỳnh Khương Ninh", "Duy Tân",
    "Nguyễn An Ninh", "Võ Văn Kiệt", "Phước Thắng", "Thắng Nhất", "Rạch Dừa", "Long Sơn", "Bến Đình",
    "Hoàng Văn Thụ", "Nguyễn Thái Bình", "Lương Thế Vinh", "Trần Phú", "Ngô Sĩ Liên", "Trưng Vương",
    "Lê Thánh Tông", "Phạm Hồng Thái", "Cù Chính Lan", "Nguyễn Viết Xuân", "Võ Thị Sáu", "Tô Vĩnh Diện",
    "Mạc Đĩnh Chi", "Lê Quý Đôn", "Nguyễn Bỉnh Khiêm"};
  private static final String[] UPPER = {"Vũng Tàu", "Đinh Tiên Hoàng", "Trần Nguyên Hãn", "Nguyễn Huệ",
    "Nguyễn Thị Minh Khai", "Long Sơn", "Phước Thắng", "Châu Thành", "Lê Hồng Phong", "Bà Rịa"};
  private static final String[] RELIGIOUS = {"Chùa Phước Lâm", "Chùa Long Bàn", "Chùa Quan Âm", "Chùa Phổ Quang",
    "Nhà thờ Giáo xứ Vũng Tàu", "Nhà thờ Giáo xứ Bến Đá", "Nhà thờ Giáo xứ Thắng Tam", "Thánh thất Cao Đài Vũng Tàu",
    "Chùa Linh Sơn", "Chùa Hải Vân", "Đình Thắng Nhì", "Nhà thờ Giáo xứ Phước Thắng", "Chùa Long Sơn Tự",
    "Nhà thờ Giáo xứ Rạch Dừa", "Chùa Thiên Phước", "Đình Thắng Nhất"};
  private static final String[] CLINIC = {"An Phước", "Vạn Thành", "Thanh Hà", "Hồng Đức", "Tâm Đức", "Bình An",
    "Hòa Hảo", "Sài Gòn – Vũng Tàu", "Phúc An", "Tân Phước"};
  /** Schools, clinics, religious and public sites per ward, in the order of gis-data/wards.geojson. */
  private static final int[][] PROGRAM = {
    // schools, clinics, religious, police, ward office
    {18, 2, 3, 1, 0},
    {14, 2, 3, 1, 1},
    {12, 2, 3, 1, 1},
    {10, 1, 2, 1, 1},
    {4, 1, 2, 1, 1},
  };
  private static final String[] SCHOOL_LEVELS = {"kindergarten", "primary", "kindergarten", "lower_secondary",
    "primary", "upper_secondary", "kindergarten", "primary", "lower_secondary"};

  private final CityLayout c;
  private final SplittableRandom rnd;
  /** Names used so far: kindergartens, clinics, religious sites, schools named after people, upper secondary. */
  private final int[] used = new int[5];

  SitePlanner(CityLayout c) {
    this.c = c;
    this.rnd = Seeds.stream(c.seed, "sites");
  }

  void place() {
    boolean[] taken = new boolean[c.blocks.size()];
    for (int w = 0; w < c.geo.wards.size(); w++) {
      Geography.Ward ward = c.geo.wards.get(w);
      List<Integer> eligible = eligible(w);
      int[] p = PROGRAM[Math.min(w, PROGRAM.length - 1)];
      for (int k = 0; k < p[0]; k++) {
        String level = SCHOOL_LEVELS[k % SCHOOL_LEVELS.length];
        school(w, level, eligible, taken);
      }
      for (int k = 0; k < p[1]; k++) {
        String n = "Phòng khám đa khoa " + CLINIC[used[1]++ % CLINIC.length];
        site(w, eligible, taken, new CityLayout.Site("hospital", "clinic", n, null, 0, 5 + rnd.nextInt(20), "hospital",
            3 + rnd.nextInt(3), 0, w), 22, 15);
      }
      site(w, eligible, taken, new CityLayout.Site("hospital", "health_station",
          "Trạm Y tế " + ward.spec().name().replace("Phường", "phường").replace("Xã", "xã"), null, 0,
          5 + rnd.nextInt(6), "hospital", 2, 0, w), 18, 11);
      if (w == 0) {
        site(w, eligible, taken, new CityLayout.Site("hospital", "medical_centre", "Trung tâm Y tế khu vực Vũng Tàu",
            null, 0, 150, "hospital", 6, 0, w), 60, 22);
      }
      for (int k = 0; k < p[2]; k++) {
        String n = RELIGIOUS[used[2]++ % RELIGIOUS.length];
        site(w, eligible, taken, new CityLayout.Site("religious", n.startsWith("Nhà thờ") ? "church" : "pagoda", n,
            null, 0, null, "religious", 1 + rnd.nextInt(2), 0, w), 26, 17);
      }
      if (p[3] > 0) {
        site(w, eligible, taken, new CityLayout.Site("public", "police", "Công an " + lower(ward.spec().name()), null,
            0, null, "public", 4, 0, w), 28, 16);
      }
      if (p[4] > 0) {
        site(w, eligible, taken, new CityLayout.Site("public", "ward_office", "UBND " + lower(ward.spec().name()),
            null, 0, null, "public", 4, 0, w), 34, 18);
      }
    }
  }

  private void school(int w, String level, List<Integer> eligible, boolean[] taken) {
    String name;
    int students;
    double width;
    int levels;
    switch (level) {
      case "kindergarten" -> {
        name = "Trường Mầm non " + KINDERGARTEN[used[0]++ % KINDERGARTEN.length];
        students = 150 + rnd.nextInt(300);
        width = 40;
        levels = 2;
      }
      case "primary" -> {
        name = "Trường Tiểu học " + PERSONS[used[3]++ % PERSONS.length];
        students = 600 + rnd.nextInt(900);
        width = 60;
        levels = 3;
      }
      case "lower_secondary" -> {
        name = "Trường THCS " + PERSONS[used[3]++ % PERSONS.length];
        students = 700 + rnd.nextInt(900);
        width = 66;
        levels = 3 + rnd.nextInt(2);
      }
      default -> {
        name = "Trường THPT " + UPPER[used[4]++ % UPPER.length];
        students = 900 + rnd.nextInt(900);
        width = 72;
        levels = 4 + rnd.nextInt(2);
      }
    }
    site(w, eligible, taken, new CityLayout.Site("school", level, name, level, students, null, "school", levels, 0, w),
        width, 22);
  }

  /** Puts a site's footprint (frontage × depth) in a free block of the ward, facing one of its long streets. */
  private void site(int w, List<Integer> eligible, boolean[] taken, CityLayout.Site site, double width,
      double depth) {
    for (int attempt = 0; attempt < 60 && !eligible.isEmpty(); attempt++) {
      int bi = eligible.get(rnd.nextInt(eligible.size()));
      if (taken[bi]) {
        continue;
      }
      CityLayout.BlockRef b = c.blocks.get(bi);
      ZoneGrid z = b.grid();
      // shrink to the block when blocks are small (benchmark sizes)
      double street = c.streetWidth(RoadClass.TERTIARY);
      double wid = Math.min(width * Math.max(0.7, c.scale), 0.85 * (z.bu - street - 4));
      double dep = Math.min(depth * Math.max(0.7, c.scale), z.bv / 2 - street / 2 - 4);
      for (int side = 0; side < 2; side++) {
        ZoneGrid.Line l = z.vLine(side == 0 ? b.j() : b.j() + 1);
        double um = (z.uAt(b.i()) + z.uAt(b.i() + 1)) / 2;
        ZoneGrid.Span sp = l == null ? null : l.covering(um - wid / 2, um + wid / 2);
        if (sp == null || sp.alias >= 0) {
          continue;
        }
        double sg = side == 0 ? 1 : -1;
        double v = l.pos + sg * (sp.halfWidth + 3 + dep / 2);
        double x = z.x(um, v);
        double y = z.y(um, v);
        int number = 2 * (int) Math.floor(Math.max(0, um - sp.t0) / 5) + (side == 0 ? 1 : 2);
        int lot = c.placer.place(x, y, wid / 2, dep / 2, z.ca, z.sa, z.piece.index(), LotStore.Kind.SITE, sp.ref,
            number, 0);
        if (lot >= 0) {
          if (site.category().equals("school") && rnd.nextBoolean()) {
            c.lots.notch(lot, 1 + rnd.nextInt(2) + (side == 0 ? 2 : 0), 0.45, 0.45);
          }
          c.sites.add(site);
          taken[bi] = true;
          return;
        }
      }
    }
  }

  private List<Integer> eligible(int w) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < c.blocks.size(); i++) {
      CityLayout.BlockRef b = c.blocks.get(i);
      Fabric f = b.grid().fabric;
      if (f != Fabric.OLD_CENTRE && f != Fabric.MIXED && f != Fabric.SUBURBAN && f != Fabric.RURAL) {
        continue;
      }
      ZoneGrid z = b.grid();
      double u = (z.uAt(b.i()) + z.uAt(b.i() + 1)) / 2;
      double v = (z.vAt(b.j()) + z.vAt(b.j() + 1)) / 2;
      LotPlacer.Parcel p = c.placer.parcelAt(z.x(u, v), z.y(u, v));
      if (p != null && p.ward() == w && p.piece() == z.piece) {
        out.add(i);
      }
    }
    return out;
  }

  private static String lower(String wardName) {
    return wardName.replace("Phường", "phường").replace("Xã", "xã");
  }

}
